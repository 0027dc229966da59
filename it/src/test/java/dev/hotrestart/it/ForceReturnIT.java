package dev.hotrestart.it;

import static dev.hotrestart.it.LocalsIT.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code return EXPR} ends the crashed call with a value its caller goes on with, no retry; a
 * value of the wrong type is refused by javac's check, and the prompt stays.
 */
class ForceReturnIT {

  @Test
  void returnGivesTheCallerAValueOfTheMethodsType() throws Exception {
    SampleProject project = SampleProject.copy("locals");
    try (Terminal terminal = project.run()) {
      terminal.prompt();
      String text = ask(terminal, "return \"ninety-nine\"");
      assertTrue(
          text.contains("incompatible types: java.lang.String cannot be converted to int"), text);
      String lossy = ask(terminal, "return total");
      assertTrue(lossy.contains("possible lossy conversion from long to int"), lossy);
      String none = ask(terminal, "return");
      assertTrue(none.contains("returns int: type return EXPR"), none);

      terminal.type("return units + 95");
      String out = terminal.expect("count field=\\d+", Duration.ofSeconds(60));
      assertTrue(
          out.contains("returning 99 from locals.Grid.fill(int, String) to its caller"), out);
      assertTrue(out.contains("batch total=113"), "14 for size 2, then 99: " + out);
      assertEquals(0, terminal.exitCode(Duration.ofSeconds(60)), terminal.text());
    }
  }
}
