package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The prompt on a terminal that can edit lines: JLine, loaded from the path the plugin passes,
 * gives history (the up arrow), Ctrl-C raises, and the terminal's modes are as before at the end.
 */
class LineEditingIT {

  static final Duration END = Duration.ofSeconds(60);
  /** The up arrow, as a terminal in keypad-transmit mode (which JLine turns on) sends it. */
  static final String UP = "\u001BOA";

  @Test
  void coloursOnATerminalWithoutNoColor() throws Exception {
    SampleProject project = SampleProject.copy("nested");
    try (Terminal terminal =
        project.runOnXterm(false, "-Dhotrestart.jvmArgs=-Dhotrestart.history=none")) {
      terminal.prompt();
      terminal.type("r");
      terminal.prompt();
      terminal.type("r");
      terminal.expect("exit status \\d+", END);
      String raw = terminal.raw();
      assertTrue(
          raw.contains("\u001B[1;31mjava.lang.NumberFormatException: For input string: \"x\"\u001B[0m"),
          raw);
      assertTrue(raw.contains("\u001B[1;31m  8 ->\u001B[0m"), "the failing line: " + raw);
      // JLine draws the prompt itself and writes the same attributes in its own order
      assertTrue(
          Pattern.compile("\u001B\\[(1;34|34;1)m\\(hotrestart\\) ").matcher(raw).find(),
          "the prompt: " + raw);
    }
  }

  @Test
  void aResizedWindowGetsTheLineRedrawnAtItsNewWidth() throws Exception {
    SampleProject project = SampleProject.copy("nested");
    try (Terminal terminal =
        project.runOnXterm(true, "-Dhotrestart.jvmArgs=-Dhotrestart.history=none")) {
      terminal.prompt();
      terminal.press("p 40 + 2"); // typed, not yet entered
      terminal.expect("p 40 \\+ 2", END);
      project.resize(60, 30);
      // JLine, told of the resize, redraws the prompt and the half-typed line.
      terminal.expect("\\(hotrestart\\) p 40 \\+ 2", END);
      terminal.press("\r");
      assertTrue(terminal.prompt().contains("42"), terminal.text());
      terminal.type("r");
      terminal.prompt();
      terminal.type("r");
      terminal.expect("exit status \\d+", END);
    }
  }

  /**
   * What is typed reaches the evaluator as typed (JLine took {@code !!} for history and ate a
   * level of backslashes), and a long line typed without bracketed paste is handled at once
   * (JLine redrew the whole line after each character: 100 KB took 469 s).
   */
  @Test
  void theLineIsEvaluatedAsTypedAndALongLineIsQuick() throws Exception {
    SampleProject project = SampleProject.copy("nested");
    try (Terminal terminal =
        project.runOnXterm(true, "-Dhotrestart.jvmArgs=-Dhotrestart.history=none")) {
      terminal.prompt();
      terminal.type("p \"a\\\\b\".length()");
      assertTrue(terminal.prompt().contains("\n3\n"), terminal.text());
      terminal.type("p \"x!!y\"");
      assertTrue(terminal.prompt().contains("\n\"x!!y\"\n"), terminal.text());

      // 100,000 characters, as two literals: one string constant holds at most 65,535 bytes
      String half = "\"" + "a".repeat(50_000) + "\".length()";
      long start = System.nanoTime();
      terminal.type("p " + half + " + " + half);
      terminal.expect("\n100000\n", Duration.ofSeconds(20));
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.println("LineEditingIT: a typed 100,000-character line answered in " + millis + " ms");
      terminal.prompt();
      terminal.type("r");
      terminal.prompt();
      terminal.type("r");
      terminal.expect("exit status \\d+", END);
    }
  }

  /**
   * The line editor on every JDK the tests know (17 and, where installed, 25): no JVM warning
   * (JDK 25 warned about JLine's native library calling System.load before the first prompt).
   */
  @Test
  void noJvmWarningBeforeThePromptOnAnyJdk() throws Exception {
    for (Path jdk : SampleProject.jdks()) {
      SampleProject project = SampleProject.copy("nested");
      try (Terminal terminal = project.runOn(jdk, SampleProject.Reader.LINE_EDITOR)) {
        terminal.prompt();
        terminal.type("r");
        terminal.prompt();
        terminal.type("r");
        terminal.exitCode(END);
        // Maven's own JVM may warn (its Guava uses sun.misc.Unsafe on JDK 24+): only the
        // program's output counts, from the run goal on.
        String text = terminal.text();
        String program = text.substring(text.indexOf("--- hotrestart-maven-plugin:"));
        assertFalse(program.contains("WARNING"), jdk + ":\n" + program);
      }
    }
  }

  /**
   * {@code mvn hotrestart:run | tee log} on a terminal: the keyboard is there, but the prompt
   * would go into the pipe; the notice says that, not that no terminal is attached.
   */
  @Test
  void pipedOutputIsNamedAsTheReasonForNoPrompt() throws Exception {
    SampleProject project = SampleProject.copy("nested");
    try (Terminal terminal =
        Terminal.start(
            project.dir, SampleProject.shell(project.maven("hotrestart:run")) + " | cat")) {
      String notice = terminal.expect("not stopping because [^\n]*", Duration.ofSeconds(120));
      assertTrue(
          notice.contains(
              "not stopping because standard output is not a terminal (piped, as to tee, or"
                  + " redirected), so the prompt would not be seen"),
          notice);
      terminal.exitCode(END);
    }
  }

  @Test
  void historyRecallsEarlierCommandsCtrlCRaisesAndTheTerminalIsRestored() throws Exception {
    SampleProject project = SampleProject.copy("nested");
    Path history = project.file("history.txt");
    try (Terminal terminal =
        project.runOnXterm(true, "-Dhotrestart.jvmArgs=-Dhotrestart.history=" + history)) {
      terminal.prompt();
      terminal.type("w");
      assertTrue(terminal.prompt().contains("nested.Main.main"));
      terminal.type("a");
      assertTrue(terminal.prompt().contains("item = \"x\""));

      terminal.press(UP + UP + "\r"); // w again, from the history
      String recalled = terminal.prompt();
      assertTrue(recalled.contains("nested.Main.main"), "w ran again: " + recalled);

      terminal.press("ab\u0003"); // Ctrl-C with a half-typed line
      String outer = terminal.prompt();
      assertTrue(
          outer.contains("Ctrl-C: raising java.lang.NumberFormatException to the caller"), outer);
      assertTrue(outer.contains("crashed in nested.Pipeline.run(Stage, List)"), outer);

      terminal.press(UP + "\r"); // the history spans prompts: w once more, at the outer prompt
      assertTrue(terminal.prompt().contains("nested.Main.main"));
      terminal.type("r");
      String end = terminal.expect("exit status \\d+", END);
      assertTrue(end.contains("Exception in thread \"main\" java.lang.NumberFormatException"), end);
      assertFalse(end.contains("exit status 0"), end);
      terminal.exitCode(END);
      String modes = terminal.rest();
      for (String mode : List.of("icanon", "echo", "isig")) {
        assertTrue(
            Pattern.compile("(?m)(^|\\s)" + mode + "(\\s|$)").matcher(modes).find(),
            "the terminal is in line mode again, " + mode + ": " + modes);
      }
      assertFalse(terminal.raw().contains("\u001B[1;31m"), "no colours with NO_COLOR set");
      List<String> saved = Files.readAllLines(history);
      assertTrue(saved.stream().anyMatch(line -> line.endsWith("w")), saved.toString());
      assertTrue(saved.stream().anyMatch(line -> line.endsWith("a")), saved.toString());
    }
  }
}
