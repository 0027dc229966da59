package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A wrapped method calling another: {@code r} hands the exception to the caller's prompt. */
class NestedIT {

  @Test
  void raiseOpensThePromptOfTheEnclosingWrappedMethod() throws Exception {
    SampleProject project = SampleProject.copy("nested");
    try (Terminal terminal = project.run()) {
      String inner = terminal.prompt();
      assertTrue(inner.contains("nested.Stage.process(String)"), inner);
      assertTrue(inner.contains("For input string: \"x\""), inner);

      terminal.type("r");
      String outer = terminal.prompt();
      assertTrue(outer.contains("nested.Pipeline.run(Stage, List)"), outer);
      assertTrue(outer.contains("Pipeline.java:11"), "the caller's line: " + outer);

      terminal.type("r");
      int exit = terminal.exitCode(Duration.ofSeconds(60));
      assertNotEquals(0, exit, terminal.text());
      assertTrue(terminal.rest().contains("Exception in thread \"main\" java.lang.NumberFormatException"), terminal.rest());
    }
  }

  @Test
  void endOfInputActsLikeRaise() throws Exception {
    SampleProject project = SampleProject.copy("nested");
    try (Terminal terminal = project.run()) {
      terminal.prompt();
      terminal.press("\u0004"); // Ctrl-D: end of input
      String outer = terminal.prompt();
      assertTrue(outer.contains("nested.Pipeline.run(Stage, List)"), outer);
      terminal.press("\u0004");
      int exit = terminal.exitCode(Duration.ofSeconds(60));
      assertNotEquals(0, exit, terminal.text());
      assertTrue(terminal.rest().contains("NumberFormatException"), terminal.rest());
    }
  }
}
