package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A program with {@code module-info.java} run on the module path ({@code java -p ... -m
 * app/app.Main}; issue "Reach", point 5). With the runtime jar as its Java agent, {@code p},
 * {@code this} and {@code c} work: the agent opens the package to the runtime. Without the agent
 * the program still runs, and each of them names the {@code opens} line it needs.
 */
class ModulesIT {

  private static final String PIPELINE = "src/main/java/app/Pipeline.java";
  private static final String MONEY = "src/main/java/app/Money.java";
  private static final Duration RELOAD = Duration.ofSeconds(60);

  private static List<String> command(Path jdk, SampleProject project, boolean agent) {
    Path runtime = SampleProject.runtimeJar();
    List<String> command = new ArrayList<>();
    command.add(jdk.resolve("bin/java").toString());
    if (agent) {
      command.add("-javaagent:" + runtime);
    }
    command.addAll(
        List.of(
            "-Dhotrestart.enabled=true",
            "-Dhotrestart.interactive=true",
            "-Dhotrestart.history=none",
            "-p",
            project.file("target/classes") + File.pathSeparator + runtime,
            "-m",
            "app/app.Main"));
    return command;
  }

  private static SampleProject built() throws Exception {
    SampleProject project = SampleProject.copy("modules");
    SampleProject.Build build = project.build("-q", "compile");
    assertEquals(0, build.exitCode(), build.output());
    return project;
  }

  @ParameterizedTest(name = "on {0}")
  @MethodSource("dev.hotrestart.it.SampleProject#jdks")
  void withTheAgentPThisAndCWorkOnTheModulePath(Path jdk) throws Exception {
    SampleProject project = built();
    try (Terminal program =
        Terminal.startWithoutTerminal(project.file("."), command(jdk, project, true))) {
      String crash = program.prompt();
      assertTrue(crash.contains("crashed in app.Pipeline.take(String)\n"), crash);

      program.type("p seen + 1");
      String printed = program.prompt();
      assertTrue(("\n" + printed).contains("\n6\n"), printed);
      program.type("this");
      String fields = program.prompt();
      assertTrue(fields.contains("  seen = 5\n"), fields);

      project.edit(
          PIPELINE,
          "Integer.parseInt(amount) * 100",
          "new java.math.BigDecimal(amount).movePointRight(2).intValueExact()");
      project.edit(MONEY, "return 0; // SCALE", "return 1; // SCALE");
      program.type("c");
      String done = program.expect("done\n", RELOAD);
      assertTrue(
          done.contains("hotrestart: reloaded app.Pipeline.take(String) from Pipeline.java in "),
          done);
      assertTrue(done.contains("hotrestart: reloaded app.Money.scale() from Money.java in "), done);
      assertTrue(done.contains("take: 351\n"), done);
      assertEquals(0, program.exitCode(Duration.ofSeconds(60)), program.text());
    }
  }

  @Test
  void withoutTheAgentPThisAndCNameTheOpensTheyNeed() throws Exception {
    SampleProject project = built();
    Path jdk = Path.of(System.getProperty("java.home"));
    String opens =
        "add `opens app to dev.hotrestart.runtime;` to module app's module-info.java, or the JVM"
            + " option --add-opens app/app=dev.hotrestart.runtime, or start the program with the"
            + " runtime jar as its Java agent (-javaagent:"
            + SampleProject.runtimeJar()
            + "; mvn hotrestart:run does), which opens it";
    try (Terminal program =
        Terminal.startWithoutTerminal(project.file("."), command(jdk, project, false))) {
      String crash = program.prompt();
      assertTrue(crash.contains("crashed in app.Pipeline.take(String)\n"), crash);

      program.type("p seen");
      String printed = program.prompt();
      assertTrue(printed.contains("its package is not open to hotrestart"), printed);
      assertTrue(printed.contains(opens), printed);
      program.type("this");
      String fields = program.prompt();
      assertTrue(fields.contains("  seen = <inaccessible: module app does not open it; "), fields);
      assertTrue(fields.contains(opens), fields);

      project.edit(
          PIPELINE,
          "Integer.parseInt(amount) * 100",
          "new java.math.BigDecimal(amount).movePointRight(2).intValueExact()");
      program.type("c");
      String refused = program.prompt();
      assertTrue(refused.contains("hotrestart: cannot reload app.Pipeline: "), refused);
      assertTrue(refused.contains(opens), refused);
      assertFalse(refused.contains("take: "), refused);
      program.type("q");
      program.exitCode(Duration.ofSeconds(60));
    }
  }
}
