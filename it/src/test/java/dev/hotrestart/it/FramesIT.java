package dev.hotrestart.it;

import static dev.hotrestart.it.LocalsIT.ask;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * After {@code u}, {@code d} or {@code f N}, the commands act on the selected frame: a wrapped
 * method the exception left, and a wrapped caller still waiting for the crashed call, show their
 * arguments, receiver and variables; a frame whose variables are unknown says so; {@code w}
 * marks the frames with variables.
 */
class FramesIT {

  @Test
  void theCommandsActOnTheSelectedFrame() throws Exception {
    SampleProject project = SampleProject.copy("locals");
    try (Terminal terminal = project.run()) {
      terminal.prompt();
      String where = ask(terminal, "w");
      assertTrue(
          where.matches("(?s).*locals\\.Grid\\.fill\\(Grid\\.java:24\\)\\s+\\[variables\\]\\s+<- wrapped"
              + " method: c calls it again.*"),
          where);
      assertTrue(
          where.matches("(?s).*locals\\.Batch\\.run\\(Batch\\.java:12\\)\\s+\\[variables\\]\\s+<- wrapped"
              + " method\n.*"),
          "the live wrapped caller has its variables: " + where);

      String up = ask(terminal, "u");
      assertTrue(up.contains("locals.Batch.run(Batch.java:12)"), up);
      String args = ask(terminal, "a");
      assertTrue(args.contains("grid = locals.HotRestart_Grid@"), args);
      assertTrue(args.contains("sizes = [2, 4]"), args);
      String live = ask(terminal, "locals");
      assertTrue(live.contains("total = 14"), "the caller's variables while it waits: " + live);
      assertTrue(live.contains("size = 4"), live);
      assertTrue(live.contains("label = \"size 4\""), live);
      assertTrue(ask(terminal, "p label + total").contains("\"size 414\""), "p in the live caller");
      assertTrue(ask(terminal, "this").contains("this (locals.Batch)"), "the caller's receiver");
      assertTrue(ask(terminal, "p grid.count").contains("100"), "a field through an argument");
      assertTrue(ask(terminal, "p size * 10").contains("40"), "a primitive of the live caller");
      assertTrue(ask(terminal, "l").contains("total += grid.fill(size, label);"), "l lists Batch");

      ask(terminal, "f 0");
      String helper = ask(terminal, "locals");
      assertTrue(helper.contains("only wrapped methods capture their variables"), helper);

      terminal.type("r");
      String outer = terminal.prompt();
      assertTrue(outer.contains("locals.Batch.run(Grid, List)"), outer);
      String locals = ask(terminal, "locals");
      assertTrue(locals.contains("total = 14"), locals);
      assertTrue(locals.contains("size = 4"), locals);
      assertTrue(locals.contains("label = \"size 4\""), locals);

      String outerWhere = ask(terminal, "w");
      assertTrue(
          outerWhere.matches("(?s).*Grid\\.fill\\(Grid\\.java:24\\)\\s+\\[variables\\].*"),
          "the wrapped method the exception left: " + outerWhere);

      String down = ask(terminal, "d");
      assertTrue(down.contains("locals.Grid.fill(Grid.java:24)"), down);
      String innerArgs = ask(terminal, "a");
      assertTrue(innerArgs.contains("units = 4"), innerArgs);
      assertTrue(innerArgs.contains("region = \"size 4\""), innerArgs);
      assertTrue(ask(terminal, "locals").contains("note = \"size 4-2\""), "the inner frame's");
      assertTrue(ask(terminal, "p note + units").contains("\"size 4-24\""), "p in the inner frame");
      assertTrue(ask(terminal, "this").contains("count = 100"), "the inner frame's receiver");

      ask(terminal, "u");
      assertTrue(ask(terminal, "p label").contains("\"size 4\""), "back in Batch.run");

      terminal.type("q");
      terminal.exitCode(Duration.ofSeconds(60));
      assertTrue(terminal.rest().contains("IllegalStateException: bad row size 4-27"), terminal.rest());
    }
  }
}
