package dev.hotrestart.it;

import static dev.hotrestart.it.LocalsIT.ask;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * After {@code u}, {@code d} or {@code f N}, the commands act on the selected frame: a wrapped
 * method the exception left shows its arguments, receiver and variables; a frame whose variables
 * are unknown says so; {@code w} marks the frames with variables.
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
      assertFalse(where.contains("Batch.run(Batch.java:12)   [variables]"), "live: " + where);

      String up = ask(terminal, "u");
      assertTrue(up.contains("locals.Batch.run(Batch.java:12)"), up);
      String args = ask(terminal, "a");
      assertTrue(
          args.contains("nothing is known of the variables of frame #")
              && args.contains("it is a caller still running"),
          args);
      assertTrue(ask(terminal, "p size").contains("nothing is known"), "p too");
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
