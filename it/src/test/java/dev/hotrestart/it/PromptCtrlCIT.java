package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.it.SampleProject.Reader;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ctrl-C on a real terminal, which sends SIGINT to Maven and the program alike: at the prompt it
 * raises, and the terminal keeps working for the next prompt; a second one during a command ends
 * the program with 130; outside a prompt it ends the program as it always does. Each with the
 * plain reader and with the line editor, which changes the terminal's modes and signal handlers
 * while it reads.
 */
class PromptCtrlCIT {

  static final Duration END = Duration.ofSeconds(60);
  static final String STAGE = "src/main/java/nested/Stage.java";

  @ParameterizedTest
  @EnumSource(Reader.class)
  void ctrlCRaisesTheNextPromptStillReadsAndASecondCtrlCInACommandEndsTheProgram(Reader reader)
      throws Exception {
    SampleProject project = SampleProject.copy("nested");
    try (Terminal terminal = project.run(reader)) {
      terminal.prompt();
      terminal.press("\u0003");
      String outer = terminal.prompt();
      assertTrue(
          outer.contains("Ctrl-C: raising java.lang.NumberFormatException to the caller"), outer);
      assertTrue(outer.contains("crashed in nested.Pipeline.run(Stage, List)"), outer);

      // The read that Ctrl-C interrupted must not have eaten this line, nor broken the terminal.
      terminal.type("a");
      String args = terminal.prompt();
      assertTrue(args.contains("items = [1, 2, x, 4]"), args);

      // A command that hangs: the first Ctrl-C says what will happen, the second ends the program.
      terminal.type(
          "p new java.util.concurrent.CountDownLatch(1).await(60,"
              + " java.util.concurrent.TimeUnit.SECONDS)");
      Thread.sleep(1_500);
      terminal.press("\u0003");
      terminal.expect("raising the exception when this command ends", END);
      terminal.press("\u0003");
      terminal.expect("Ctrl-C again: ending the program", END);
      int exit = terminal.exitCode(END);
      assertNotEquals(0, exit, terminal.text());
      assertTrue(terminal.rest().contains("exited with code 130"), terminal.rest());
    }
  }

  /**
   * One Ctrl-C during a command never ends the program: with the line editor it did, every time
   * ({@code exited with code 130}), because JLine left the default SIGINT handler behind.
   */
  @ParameterizedTest
  @EnumSource(Reader.class)
  void oneCtrlCDuringACommandRaisesWhenTheCommandEnds(Reader reader) throws Exception {
    SampleProject project = SampleProject.copy("nested");
    try (Terminal terminal = project.run(reader)) {
      terminal.prompt();
      terminal.type("a"); // a first line read, so that the line editor has read once
      terminal.prompt();
      terminal.type(
          "p new java.util.concurrent.CountDownLatch(1).await(4,"
              + " java.util.concurrent.TimeUnit.SECONDS)");
      terminal.expect("p new java.util.concurrent.CountDownLatch", END);
      Thread.sleep(1_500);
      terminal.press("\u0003");
      terminal.expect("raising the exception when this command ends", END);
      String outer = terminal.prompt();
      assertTrue(outer.contains("false"), "the command ran to its end: " + outer);
      assertTrue(
          outer.contains("Ctrl-C: raising java.lang.NumberFormatException to the caller"), outer);
      assertTrue(outer.contains("crashed in nested.Pipeline.run(Stage, List)"), outer);
      terminal.type("r");
      int exit = terminal.exitCode(END);
      String rest = terminal.rest();
      assertNotEquals(0, exit, rest);
      assertTrue(rest.contains("Exception in thread \"main\" java.lang.NumberFormatException"), rest);
      assertFalse(rest.contains("exited with code 130"), rest);
    }
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void outsideThePromptCtrlCEndsTheProgramAsUsual(Reader reader) throws Exception {
    SampleProject project = SampleProject.copy("nested");
    try (Terminal terminal = project.run(reader)) {
      terminal.prompt();
      project.edit(
          STAGE,
          "return Integer.parseInt(item);",
          "java.util.concurrent.locks.LockSupport.parkNanos(60_000_000_000L);\n    return 0;");
      terminal.type("c");
      terminal.expect("reloaded nested.Stage.process", END);
      Thread.sleep(1_000); // the method parks, the prompt is closed
      terminal.press("\u0003");
      int exit = terminal.exitCode(END);
      String rest = terminal.rest();
      assertNotEquals(0, exit, terminal.text());
      assertTrue(rest.contains("exited with code 130"), rest);
      assertFalse(rest.contains("(hotrestart)"), rest);
    }
  }
}
