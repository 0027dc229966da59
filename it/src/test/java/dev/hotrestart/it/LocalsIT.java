package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The crashed method's local variables as they were at the throw: {@code p} sees them by name
 * (nested scopes, a local shadowing a field, a primitive, a null, a variable a lambda captured),
 * {@code locals} lists them, and one not assigned yet is absent. Assigning one is refused, since
 * the retry starts the method over; a field assignment is kept.
 */
class LocalsIT {

  static String ask(Terminal terminal, String command) throws Exception {
    terminal.type(command);
    return terminal.prompt();
  }

  @Test
  void pAndLocalsSeeTheVariablesOfTheCrashedCall() throws Exception {
    SampleProject project = SampleProject.copy("locals");
    try (Terminal terminal = project.run()) {
      String crash = terminal.prompt();
      assertTrue(crash.contains("locals.Grid.fill(int, String)"), crash);
      assertTrue(crash.contains("bad row size 4-27"), crash);

      assertTrue(ask(terminal, "p units * 10").contains("40"), "a parameter");
      String note = ask(terminal, "p note");
      assertTrue(note.contains("\"size 4-2\""), "declared in the loop body: " + note);
      String sum = ask(terminal, "p region.length() + cells.length");
      assertTrue(sum.contains("\n10"), "6 + 4: " + sum);
      assertTrue(ask(terminal, "p total").contains("\n30"), "a long");
      assertTrue(ask(terminal, "p cells[2] + i").contains("\n22"), "an array and the loop index");
      String shadow = ask(terminal, "p count");
      assertTrue(shadow.contains("\n7"), "the local shadows the field: " + shadow);
      assertTrue(ask(terminal, "p this.count").contains("\n100"), "the field");
      assertTrue(ask(terminal, "p missing == null").contains("true"), "a null");
      String captured = ask(terminal, "p prefix + count");
      assertTrue(captured.contains("\"row 7\""), "captured by the lambda: " + captured);
      String after = ask(terminal, "p after");
      assertTrue(
          after.contains("after is a local variable of locals.Grid.fill(int, String), but it was"
              + " not assigned yet, or was out of scope, where the method failed"),
          after);

      String word = ask(terminal, "p word");
      assertTrue(
          word.contains("word is a local variable of locals.Grid.fill(int, String), but it was"
              + " not assigned yet, or was out of scope, where the method failed"),
          "its loop ended before the throw: " + word);

      String locals = ask(terminal, "locals");
      assertTrue(locals.contains("cells = [0, 10, 20, 0]"), locals);
      assertTrue(locals.contains("total = 30"), locals);
      assertTrue(locals.contains("i = 2"), locals);
      assertTrue(locals.contains("note = \"size 4-2\""), locals);
      assertTrue(locals.contains("missing = null"), locals);
      assertTrue(locals.contains("count = 7"), locals);
      assertTrue(locals.contains("prefix = \"row \""), locals);
      assertFalse(locals.contains("after"), "not assigned yet: " + locals);
      assertFalse(locals.contains("word"), "out of scope: " + locals);
      assertFalse(locals.contains("units ="), "parameters are a's: " + locals);

      String assign = ask(terminal, "p count = 0");
      assertTrue(
          assign.contains("count is a local variable of locals.Grid.fill(int, String): assigning it"
              + " would change nothing"),
          assign);
      ask(terminal, "p this.count = 5");
      assertTrue(ask(terminal, "h locals").contains("local variables"), "in help");

      project.edit(
          "src/main/java/locals/Grid.java",
          "if (row.startsWith(\"row \"))",
          "if (row.startsWith(\"bad \"))");
      terminal.type("c");
      String out = terminal.expect("count field=\\d+", Duration.ofSeconds(60));
      assertTrue(out.contains("batch total=78"), "10 + 4 for size 2, 60 + 4 for size 4: " + out);
      assertTrue(out.contains("count field=5"), "the field assignment was kept: " + out);
      assertEquals(0, terminal.exitCode(Duration.ofSeconds(60)), terminal.text());
    }
  }
}
