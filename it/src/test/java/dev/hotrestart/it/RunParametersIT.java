package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One test per parameter of {@code hotrestart:run}, on {@code src/it/run-params}: a program that
 * prints what it received. The parameters set in its pom and on the command line are all read
 * by one Maven run, shared by the tests, which keeps the suite fast.
 */
class RunParametersIT {

  /** As a user types it in a shell: {@code -Dhotrestart.args="cli1 'two words' ..."}. */
  static final String ARGS = "cli1 'two words' \"dq \\\"q\\\"\" back\\ slash";

  static final String JVM_ARGS = "-Dfrom.jvm='jvm value' -Xmx97m";

  private static SampleProject project;
  private static String output;

  @BeforeAll
  static void runOnce() throws Exception {
    project = SampleProject.copy("run-params");
    output =
        project
            .build("hotrestart:run", "-Dhotrestart.args=" + ARGS, "-Dhotrestart.jvmArgs=" + JVM_ARGS)
            .succeeded()
            .output();
  }

  @Test
  void mainClassIsTheOnlyClassWithAMain() {
    assertTrue(output.contains("hello, world!"), "params.Echo ran without <mainClass>: " + output);
  }

  @Test
  void argumentsFromThePomComeFirstThenHotrestartArgsSplitLikeAShell() {
    List<String> expected =
        List.of("pom one", "pom \"two\"", "cli1", "two words", "dq \"q\"", "back slash");
    for (int i = 0; i < expected.size(); i++) {
      assertTrue(output.contains("arg[" + i + "]=<" + expected.get(i) + ">\n"), i + ": " + output);
    }
    assertTrue(output.contains("arg.count=" + expected.size() + "\n"), output);
  }

  @Test
  void jvmArgumentsReachTheJvmSplitAndBeforeThePluginsOwn() {
    assertTrue(output.contains("property from.jvm=<jvm value>"), output);
    String jvm = lines("jvm=<");
    assertTrue(
        jvm.indexOf("jvm=<-Xmx97m>") >= 0
            && jvm.indexOf("jvm=<-Xmx97m>") < jvm.indexOf("jvm=<-Dhotrestart.enabled=true>"),
        "user options first, then the plugin's: " + jvm);
  }

  @Test
  void systemPropertiesAreSetAnEmptyOneToTheEmptyString() {
    assertTrue(output.contains("property from.pom=<pom value>"), output);
    assertTrue(output.contains("property empty.pom=<>"), output);
    assertTrue(output.contains("property hotrestart.enabled=<true>"), output);
  }

  @Test
  void environmentVariablesAreAdded() {
    assertTrue(output.contains("env HR_GREETING=<hello from the pom>"), output);
    assertTrue(output.contains("env HR_EMPTY=<>"), output);
  }

  @Test
  void workingDirectoryIsWhereRelativePathsResolve() {
    assertTrue(output.contains("cwd=<" + project.file("work") + ">"), output);
    assertTrue(output.contains("input=<read from the working directory>"), output);
  }

  @Test
  void sourceRootsAreTheCustomSourceDirectoryAndTheGeneratedSources() {
    String expected =
        project.file("src/app") + java.io.File.pathSeparator + project.file("target/generated-sources/annotations");
    assertTrue(output.contains("property hotrestart.sourceRoots=<" + expected + ">"), output);
  }

  @Test
  void successIsSilentApartFromTheProgram() {
    assertFalse(output.contains("hotrestart:run:"), "no message from the plugin: " + output);
    assertFalse(output.contains("[WARNING]"), output);
  }

  /**
   * The source roots are what the debugger reads and recompiles: a crash in a class under
   * {@code src/app} shows that file, and an edit there is reloaded.
   */
  @Test
  void theDebuggerShowsAndReloadsASourceOutsideSrcMainJava() throws Exception {
    SampleProject crashing = SampleProject.copy("run-params");
    try (Terminal pipe = crashing.pipeWithPrompt("hotrestart:run", "-Dhotrestart.args=crash")) {
      String crash = pipe.prompt();
      assertTrue(crash.contains("crashed in params.Greeter.greet(String)"), crash);
      assertTrue(crash.contains(crashing.file("src/app/params/Greeter.java") + ":16"), crash);
      assertTrue(crash.contains("16 ->     return greeting + \", \" + name.trim() + \"!\";"), crash);

      crashing.edit("src/app/params/Greeter.java", "name.trim()", "(name == null ? \"nobody\" : name.trim())");
      pipe.type("c");
      String end = pipe.expect("hello, nobody!", Duration.ofSeconds(60));
      assertTrue(end.contains("reloaded params.Greeter.greet(String)"), end);
      assertEquals(0, pipe.exitCode(Duration.ofSeconds(60)), pipe.text());
    }
  }

  private static String lines(String prefix) {
    StringBuilder matching = new StringBuilder();
    for (String line : output.split("\n")) {
      if (line.startsWith(prefix)) {
        matching.append(line).append('\n');
      }
    }
    return matching.toString();
  }
}
