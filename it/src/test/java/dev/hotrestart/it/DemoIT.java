package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's story on the demo: a report crashes on a bad row, the user fixes the method and
 * types {@code c}, and the rows read before the crash are kept.
 */
class DemoIT {

  static final String REPORT = "src/main/java/demo/Report.java";
  static final String FAILING_LINE = "double unitPrice = Double.parseDouble(cells[3].trim());";
  static final String FIX =
      "if (cells[3].trim().equals(\"N/A\")) {\n      skipped++;\n      return;\n    }\n    "
          + FAILING_LINE;
  static final Duration PROGRAM_END = Duration.ofSeconds(90);

  /** Runs the demo without the per-row delay. */
  static Terminal start(SampleProject demo) throws Exception {
    return demo.run("-Dhotrestart.args=data/sales.csv 0");
  }

  @Test
  void crashShowsTheMethodThenAnEditAndContinueFinishesTheReport() throws Exception {
    SampleProject demo = SampleProject.copy("demo");
    try (Terminal terminal = start(demo)) {
      String crash = terminal.prompt();
      assertTrue(crash.contains("30 rows read, 30 kept"), crash);
      assertTrue(crash.contains("java.lang.NumberFormatException"), crash);
      assertTrue(crash.contains("For input string: \"N/A\""), crash);
      assertTrue(crash.contains("demo.Report.add(String)"), crash);
      assertTrue(crash.contains("Report.java:25"), crash);
      assertTrue(crash.matches("(?s).*25\\D+" + java.util.regex.Pattern.quote(FAILING_LINE) + ".*"),
          "the failing line is listed with its number: " + crash);

      terminal.type("a");
      String args = terminal.prompt();
      assertTrue(args.contains("line") && args.contains("west,gizmo,3,N/A"), args);

      terminal.type("p cells");
      String cells = terminal.prompt();
      assertTrue(cells.contains("[west, gizmo, 3, N/A]"), "a local: " + cells);
      terminal.type("locals");
      String locals = terminal.prompt();
      assertTrue(locals.contains("region = \"west\"") && locals.contains("units = 3"), locals);

      terminal.type("w");
      String where = terminal.prompt();
      assertTrue(where.contains("demo.SalesReport.main"), "the caller is live: " + where);
      assertTrue(where.contains("Report.java:25"), where);

      terminal.type("l");
      String list = terminal.prompt();
      assertTrue(list.contains("revenueByRegion.merge"), list);

      terminal.type("h");
      String help = terminal.prompt();
      for (String command : List.of("continue", "raise", "quit", "list", "where", "args")) {
        assertTrue(help.contains(command), "help lists " + command + ": " + help);
      }

      demo.edit(REPORT, FAILING_LINE, FIX);
      terminal.type("diff");
      String diff = terminal.prompt();
      assertTrue(
          diff.contains("--- running version of demo.Report.add(String) (Report.java at start-up, "),
          "the baseline is the source the program started with: " + diff);
      assertTrue(diff.contains("+     if (cells[3].trim().equals(\"N/A\")) {"), diff);
      assertFalse(diff.contains("-     double unitPrice"), "an unchanged line is context: " + diff);

      terminal.type("c");
      String end = terminal.expect("total\\s+3341\\.51", PROGRAM_END);
      assertTrue(end.contains("reloaded demo.Report.add(String)"), end);
      assertTrue(end.contains("(sales.csv, 39 rows, 1 skipped)"), "rows before the crash were kept: " + end);
      assertEquals(0, terminal.exitCode(PROGRAM_END), terminal.text());
      assertFalse(terminal.rest().contains("(hotrestart)"), terminal.text());
    }
  }

  /**
   * The processor's option {@code -Ahotrestart.proxySource=false}: the proxy is a class file the
   * processor writes, not a source javac compiles, and the whole story is the same, under a
   * strict build.
   */
  @Test
  void proxiesWrittenAsClassFilesCrashAndContinueTheSameWay() throws Exception {
    SampleProject demo = SampleProject.copy("demo");
    demo.edit(
        "pom.xml",
        "</annotationProcessorPaths>",
        "</annotationProcessorPaths>\n"
            + "          <compilerArgs>\n"
            + "            <arg>-Ahotrestart.proxySource=false</arg>\n"
            + "            <arg>-Xlint:all</arg>\n"
            + "            <arg>-Werror</arg>\n"
            + "          </compilerArgs>");
    try (Terminal terminal = start(demo)) {
      String crash = terminal.prompt();
      assertTrue(crash.contains("crashed in demo.Report.add(String)"), crash);
      assertTrue(crash.contains("Report.java:25"), crash);
      assertTrue(Files.isRegularFile(demo.file("target/classes/demo/HotRestart_Report.class")));
      assertFalse(
          Files.exists(demo.file("target/generated-sources/annotations/demo/HotRestart_Report.java")),
          "no proxy source was written");

      terminal.type("p units * 2");
      assertTrue(terminal.prompt().contains("6"), terminal.text());
      demo.edit(REPORT, FAILING_LINE, FIX);
      terminal.type("c");
      String end = terminal.expect("total\\s+3341\\.51", PROGRAM_END);
      assertTrue(end.contains("reloaded demo.Report.add(String)"), end);
      assertTrue(end.contains("(sales.csv, 39 rows, 1 skipped)"), "rows before the crash were kept: " + end);
      assertEquals(0, terminal.exitCode(PROGRAM_END), terminal.text());
    }
  }

  @Test
  void brokenEditShowsJavacErrorsKeepsThePromptAndALaterFixWorks() throws Exception {
    SampleProject demo = SampleProject.copy("demo");
    try (Terminal terminal = start(demo)) {
      terminal.prompt();
      demo.edit(REPORT, FAILING_LINE, "double unitPrice = Double.parseDouble(cells[3].trim()) oops;");
      terminal.type("c");
      String errors = terminal.prompt();
      Path file = demo.file(REPORT);
      assertTrue(errors.contains(file + ":25: error: "), errors);
      assertTrue(errors.contains("oops;"), "the source line is shown: " + errors);

      demo.edit(REPORT, "double unitPrice = Double.parseDouble(cells[3].trim()) oops;", FIX);
      terminal.type("c");
      terminal.expect("total\\s+3341\\.51", PROGRAM_END);
      assertEquals(0, terminal.exitCode(PROGRAM_END), terminal.text());
    }
  }

  @Test
  void continueWithoutAnEditCrashesAgainAndQuitLetsTheExceptionGo() throws Exception {
    SampleProject demo = SampleProject.copy("demo");
    try (Terminal terminal = start(demo)) {
      terminal.prompt();
      terminal.type("c");
      String again = terminal.prompt();
      assertTrue(again.contains("For input string: \"N/A\""), "the same call crashed again: " + again);

      terminal.type("q");
      int exit = terminal.exitCode(PROGRAM_END);
      String rest = terminal.rest();
      assertNotEquals(0, exit, terminal.text());
      assertTrue(rest.contains("Exception in thread \"main\" java.lang.NumberFormatException"), rest);
      assertTrue(rest.contains("exited with code 1"), "the build fails with the program: " + rest);
      assertFalse(rest.contains("(hotrestart)"), "no prompt after quit: " + rest);
    }
  }

  @Test
  void withoutATerminalTheCrashPropagatesAtOnce() throws Exception {
    SampleProject demo = SampleProject.copy("demo");
    try (Terminal pipe =
        Terminal.startWithoutTerminal(
            demo.dir, demo.maven("hotrestart:run", "-Dhotrestart.args=data/sales.csv 0"))) {
      int exit = pipe.exitCode(PROGRAM_END);
      String output = pipe.text();
      assertNotEquals(0, exit, output);
      assertTrue(output.contains("Exception in thread \"main\" java.lang.NumberFormatException"), output);
      assertTrue(output.contains("no terminal"), "says why it did not stop: " + output);
      assertFalse(output.contains("(hotrestart)"), output);
    }
  }

  @Test
  void outsideHotrestartRunTheProxyBehavesLikeTheOriginal() throws Exception {
    SampleProject demo = SampleProject.copy("demo");
    try (Terminal build = Terminal.startWithoutTerminal(demo.dir, demo.maven("-q", "compile"))) {
      assertEquals(0, build.exitCode(PROGRAM_END), build.text());
    }
    Path runtime = SampleProject.runtimeJar();
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = "target/classes" + java.io.File.pathSeparator + runtime;
    // A real terminal, but no -Dhotrestart.enabled: the exception must go up unchanged.
    try (Terminal terminal =
        Terminal.start(
            demo.dir,
            SampleProject.shell(List.of(javaBin, "-cp", classPath, "demo.SalesReport", "data/sales.csv", "0")))) {
      int exit = terminal.exitCode(PROGRAM_END);
      String output = terminal.text();
      assertEquals(1, exit, output);
      assertTrue(output.contains("30 rows read"), output);
      assertTrue(output.contains("Exception in thread \"main\" java.lang.NumberFormatException: For input string: \"N/A\""), output);
      assertTrue(output.contains("at demo.Report.add(Report.java:25)"), output);
      assertFalse(output.contains("(hotrestart)"), output);
    }
  }
}
