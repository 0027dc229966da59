package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The runtime's settings typed on Maven's command line reach the program: {@code mvn
 * hotrestart:run -Dhotrestart.interactive=true} does what the runtime's own hint says it does.
 */
class ForwardedSettingsIT {

  static final String HINT = "(run in a terminal, or pass -Dhotrestart.interactive=true)";

  @Test
  void theHintPrintedWithoutATerminalWorksTypedToMaven() throws Exception {
    SampleProject project = SampleProject.copy("run-params");
    String plain = project.build("hotrestart:run", "-Dhotrestart.args=crash").failed().output();
    assertTrue(plain.contains(HINT), "no terminal, no prompt, and the hint: " + plain);

    try (Terminal pipe = project.pipe("hotrestart:run", "-Dhotrestart.args=crash", "-Dhotrestart.interactive=true")) {
      String crash = pipe.prompt();
      assertTrue(crash.contains("crashed in params.Greeter.greet(String)"), crash);
      assertFalse(crash.contains(HINT), crash);
      pipe.type("q");
      assertNotEquals(0, pipe.exitCode(Duration.ofSeconds(60)), pipe.text());
    }
  }

  @Test
  void everyRuntimeSettingReachesTheProgramAndTheGoalsOwnParametersDoNot() throws Exception {
    SampleProject project = SampleProject.copy("run-params");
    String typedRoots = project.file("src/app").toString();
    String output =
        project
            .build(
                "hotrestart:run",
                "-Dhotrestart.mainClass=params.Echo",
                "-Dhotrestart.reloadAll=true",
                "-Dhotrestart.reloadOnContinue=false",
                "-Dhotrestart.history=none",
                "-Dhotrestart.lineEditing=false",
                "-Dhotrestart.sourceRoots=" + typedRoots)
            .succeeded()
            .output();
    for (String setting :
        new String[] {
          "hotrestart.reloadAll=true", "hotrestart.reloadOnContinue=false", "hotrestart.history=none",
          "hotrestart.lineEditing=false"
        }) {
      assertTrue(output.contains("jvm=<-D" + setting + ">\n"), setting + ": " + output);
    }
    // typed for this run, it wins over the roots the plugin computes
    assertTrue(output.contains("property hotrestart.sourceRoots=<" + typedRoots + ">\n"), output);
    assertFalse(output.contains("jvm=<-Dhotrestart.mainClass"), "a parameter of the goal stays in Maven: " + output);
    assertTrue(output.contains("hello, world!"), output);
  }
}
