package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every edit the user saves reaches the running program (issue "Reach"): at a prompt in {@code
 * Pipeline.take}, {@code c} applies a fix in another wrapped class ({@code Classifier}) and in a
 * static method of a plain final class ({@code Money}, redefined through the Java agent), all or
 * nothing; a broken unrelated file blocks it; a retyped field is refused by name; a fix that adds a
 * lambda, a private helper and a package-private method to the plain class still applies. Without the agent, the prompt
 * names the plain file and the option that applies it.
 */
class ReachIT {

  private static final String MONEY = "src/main/java/reach/Money.java";
  private static final String CLASSIFIER = "src/main/java/reach/Classifier.java";
  private static final String LABELS = "src/main/java/reach/Labels.java";
  private static final String PIPELINE = "src/main/java/reach/Pipeline.java";
  private static final Duration RELOAD = Duration.ofSeconds(60);

  @ParameterizedTest(name = "on {0}")
  @MethodSource("dev.hotrestart.it.SampleProject#jdks")
  void editsInOtherWrappedAndPlainClassesApplyOnContinue(Path jdk) throws Exception {
    SampleProject project = SampleProject.copy("reach");
    try (Terminal terminal = project.runOn(jdk)) {
      String crash = terminal.prompt();
      assertTrue(crash.contains("crashed in reach.Pipeline.take(String, String)\n"), crash);
      assertTrue(crash.contains("For input string: \"3.50\""), crash);

      // A fix in a plain class and in another wrapped class, and a broken unrelated file.
      project.edit(
          MONEY,
          "return Integer.parseInt(amount) * 100; // CENTS",
          "return new java.math.BigDecimal(amount).movePointRight(2).intValueExact(); // CENTS");
      project.edit(CLASSIFIER, "return \"unknown\";", "return \"fruit\";");
      project.edit(LABELS, "return \"total\";", "return \"total\"");
      terminal.type("c");
      String blocked = terminal.prompt();
      assertTrue(blocked.contains("Labels.java:8: error: ';' expected"), blocked);
      assertTrue(blocked.contains("hotrestart: Labels.java does not compile."), blocked);
      assertTrue(
          blocked.contains(
              "hotrestart: nothing was reloaded, in any class; the old code is still running."),
          blocked);
      assertFalse(blocked.contains("hotrestart: reloaded"), blocked);

      project.edit(LABELS, "return \"total\"", "return \"total\";");
      terminal.type("c");
      String take = terminal.prompt();
      assertTrue(
          take.contains("hotrestart: reloaded reach.Classifier.kind(String) from Classifier.java in "),
          take);
      assertTrue(
          take.contains("hotrestart: reloaded reach.Money.cents(String) from Money.java in "), take);
      assertTrue(take.contains("; class redefined)"), take);
      assertFalse(take.contains("not applied"), take);
      assertTrue(take.contains("take: fruit 350\n"), take);
      assertTrue(take.contains("crashed in reach.Pipeline.total(List)\n"), take);
      assertTrue(take.contains("For input string: \"2.25\""), take);

      // A field whose new type breaks running code: refused by name before anything changes.
      project.edit(
          PIPELINE,
          "private final Classifier classifier =",
          "private final Object classifier =");
      project.edit(PIPELINE, "return classifier.kind(item)", "return ((Classifier) classifier).kind(item)");
      terminal.type("c");
      String refused = terminal.prompt();
      assertTrue(
          refused.contains(
              "field `classifier` of reach.Pipeline changed type from reach.Classifier to"
                  + " java.lang.Object"),
          refused);
      assertTrue(refused.contains("nothing was reloaded"), refused);

      // A fix HotSwap refuses (a new lambda, a new private helper, a new package-private
      // method) still applies.
      project.edit(
          PIPELINE,
          "private final Object classifier =",
          "private final Classifier classifier =");
      project.edit(PIPELINE, "return ((Classifier) classifier).kind(item)", "return classifier.kind(item)");
      project.edit(
          MONEY,
          "    int total = 0;\n"
              + "    for (String amount : amounts) {\n"
              + "      total += Integer.parseInt(amount) * 100; // SUM\n"
              + "    }\n"
              + "    return total;\n"
              + "  }",
          "    return amounts.stream().mapToInt(a -> parse(a)).sum(); // SUM\n"
              + "  }\n\n"
              + "  private static int parse(String amount) {\n"
              + "    return new java.math.BigDecimal(amount).movePointRight(scale()).intValueExact();\n"
              + "  }\n\n"
              + "  static int scale() {\n"
              + "    return 2;\n"
              + "  }");
      terminal.type("c");
      String done = terminal.expect("done\n", RELOAD);
      assertTrue(
          done.contains(
              "hotrestart: reloaded reach.Money.scale(), reach.Money.sum(List) from Money.java in "),
          done);
      assertTrue(done.contains("changed methods moved beside the running class)"), done);
      assertTrue(
          done.contains(
              "hotrestart: no change to reach.Pipeline.total(List) since its running code (the"
                  + " original), which it keeps\n"),
          done);
      assertTrue(done.contains("total: total 325\n"), done);
      assertTrue(
          terminal.text().contains("running on Java " + ReloadCasesIT.javaFeature(jdk) + "\n"),
          terminal.text());
      assertEquals(0, terminal.exitCode(Duration.ofSeconds(60)), terminal.text());
    }
  }

  /** An IDE run: the runtime on the class path and restarting on, but no Java agent. */
  @Test
  void withoutTheAgentThePromptNamesThePlainFileAndTheOption() throws Exception {
    SampleProject project = SampleProject.copy("reach");
    SampleProject.Build build = project.build("-q", "compile");
    assertEquals(0, build.exitCode(), build.output());
    Path runtime = SampleProject.runtimeJar();
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            project.file("target/classes") + java.io.File.pathSeparator + runtime,
            "-Dhotrestart.enabled=true",
            "-Dhotrestart.interactive=true",
            "-Dhotrestart.history=none",
            "reach.Main");
    try (Terminal program = Terminal.startWithoutTerminal(project.file("."), command)) {
      String crash = program.prompt();
      assertTrue(crash.contains("crashed in reach.Pipeline.take(String, String)\n"), crash);
      project.edit(
          MONEY,
          "return Integer.parseInt(amount) * 100; // CENTS",
          "return new java.math.BigDecimal(amount).movePointRight(2).intValueExact(); // CENTS");
      program.type("c");
      String again = program.prompt();
      assertTrue(
          again.contains(
              "hotrestart: not applied: Money.java was saved since its running code was compiled"
                  + " (Money has no wrapped method, and classes without one reload only when the"
                  + " runtime jar is the program's Java agent: add -javaagent:"
                  + runtime
                  + " to the program's JVM options (mvn hotrestart:run does); a restart applies"
                  + " it)"),
          again);
      assertTrue(again.contains("crashed in reach.Pipeline.take(String, String)\n"), again);
      program.type("q");
      program.exitCode(Duration.ofSeconds(60));
    }
  }
}
