package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the prompt says is what the user typed and what happened: errors of {@code p} point into
 * the expression, a local variable is named as such, {@code pp} and help read cleanly; a deleted
 * {@code target/classes} is named and recovered from; a reload runs no static initialiser, and
 * one that throws later is the program's exception.
 */
class TrustMessagesIT {

  static final Duration END = Duration.ofSeconds(90);
  static final String WORKER = "src/main/java/messages/Worker.java";

  @Test
  void printErrorsPointIntoTheExpressionAndHelpFitsTheTerminal() throws Exception {
    SampleProject project = SampleProject.copy("messages");
    try (Terminal terminal =
        project.runOnXterm(true, "-Dhotrestart.jvmArgs=-Dhotrestart.history=none")) {
      String crash = terminal.prompt();
      assertTrue(crash.contains("For input string: \"x\""), crash);

      terminal.type("p \"a\" +");
      String incomplete = terminal.prompt();
      assertTrue(
          incomplete.contains(
              "*** error at column 6: illegal start of expression\n    \"a\" +\n         ^\n"),
          incomplete);
      assertFalse(incomplete.contains("); }"), incomplete);
      assertFalse(incomplete.contains("$hr$"), incomplete);

      terminal.type("p cells");
      String local = terminal.prompt();
      assertTrue(local.contains("\n[region, x]\n"), "a local variable at the throw: " + local);
      assertFalse(local.contains("***"), local);

      terminal.type("pp java.util.List.of(line.split(\",\"))");
      String pretty = terminal.prompt();
      assertTrue(pretty.contains("[\n  \"region\",\n  \"x\"\n]"), pretty);

      terminal.type("h c");
      String help = terminal.prompt();
      String text = help.substring(help.indexOf("c, continue"), help.lastIndexOf('\n'));
      int longest = text.lines().mapToInt(String::length).max().orElse(0);
      assertTrue(longest <= 120, "wrapped to the terminal's 120 columns:\n" + text);
      assertTrue(longest > 80, "the line editor's width, not the default 80:\n" + text);
      assertTrue(text.contains("-Dhotrestart.reloadOnContinue=false,"), "words whole:\n" + text);

      terminal.type("q");
      terminal.expect("exit status \\d+", END);
    }
  }

  @Test
  void deletedClassFilesAreNamedAndReloadRecoversOnceTheyAreBack() throws Exception {
    SampleProject project = SampleProject.copy("messages");
    try (Terminal terminal = project.run()) {
      terminal.prompt();
      project.edit(WORKER, "Integer.parseInt(cells.get(1))", "cells.get(1).length()");
      Path classes = project.file("target/classes");
      delete(classes);

      terminal.type("c");
      String missing = terminal.prompt();
      assertTrue(missing.contains("hotrestart: the class path entry "), missing);
      assertTrue(missing.contains("target/classes is gone"), missing);
      assertTrue(missing.contains("the old code keeps running"), missing);
      assertFalse(missing.contains("cannot find symbol"), missing);
      assertFalse(missing.contains("does not compile"), missing);

      terminal.type("p offset() + 1");
      assertTrue(terminal.prompt().contains("target/classes is gone"), terminal.text());

      project.build("compile").succeeded();
      terminal.type("p offset() + 1");
      assertTrue(terminal.prompt().contains("\n2\n"), terminal.text());
      terminal.type("c");
      terminal.expect("result=2\n", END);
      terminal.expect("result=2\n", END);
      assertEquals(0, terminal.exitCode(END), terminal.text());
    }
  }

  @Test
  void aReloadRunsNoStaticInitialiserAndOneThatThrowsLaterIsTheProgramsError() throws Exception {
    SampleProject project = SampleProject.copy("messages");
    try (Terminal terminal = project.run()) {
      terminal.prompt();
      project.edit(
          WORKER,
          "    return Integer.parseInt(cells.get(1)) + offset();",
          String.join(
              "\n",
              "    class Table {",
              "      static final int SIZE = size();",
              "",
              "      static int size() {",
              "        System.out.println(\"table initialiser ran\");",
              "        throw new IllegalStateException(\"no table for \" + SIZE);",
              "      }",
              "    }",
              "    if (cells.get(0).equals(\"table\")) {",
              "      return Table.SIZE;",
              "    }",
              "    return cells.get(1).length() + offset();"));

      terminal.type("c");
      String second = terminal.prompt();
      assertTrue(second.contains("result=2\n"), second);
      assertTrue(
          second.indexOf("table initialiser ran") > second.indexOf("result=2"),
          "the initialiser ran only when the program used the class:\n" + second);
      assertFalse(second.contains("hotrestart bug"), second);
      assertTrue(second.contains("java.lang.ExceptionInInitializerError"), second);
      assertTrue(second.contains("java.lang.IllegalStateException: no table for 0"), second);
      terminal.type("e");
      String trace = terminal.prompt();
      assertTrue(trace.contains("Table.size(Worker.java:17)"), "the initialiser's line: " + trace);

      terminal.type("r");
      assertNotEquals(0, terminal.exitCode(END), terminal.text());
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
