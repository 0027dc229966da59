package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code src/it/two-mains}: two classes with a {@code main}, no {@code mainClass}, and no
 * annotation processor configured. (The one-candidate case is {@link RunParametersIT}'s.)
 */
class MainClassIT {

  @Test
  void severalCandidatesFailTheBuildListingThem() throws Exception {
    String output = SampleProject.copy("two-mains").build("hotrestart:run").failed().output();
    assertTrue(output.contains("hotrestart:run: several classes have public static void main(String[]):"), output);
    assertTrue(output.contains("[ERROR]   mains.One\n[ERROR]   mains.Two\n"), output);
    assertTrue(output.contains("-Dhotrestart.mainClass=com.example.Main"), "says how to choose: " + output);
    assertFalse(output.contains("One ran") || output.contains("Two ran"), output);
  }

  @Test
  void theMainClassPropertyChoosesAndTheExitCodeBecomesTheBuildResult() throws Exception {
    SampleProject project = SampleProject.copy("two-mains");
    String failed =
        project.build("hotrestart:run", "-Dhotrestart.mainClass=mains.Two", "-Dhotrestart.args=3").failed().output();
    assertTrue(failed.contains("Two ran, exiting with 3"), failed);
    assertTrue(
        Pattern.compile("(?m)^\\[ERROR] Failed to execute goal .*:run \\(default-cli\\) on project two-mains:"
                + " hotrestart:run: mains\\.Two exited with code 3 -> \\[Help 1]$")
            .matcher(failed)
            .find(),
        "one line says why: " + failed);

    String passed = project.build("hotrestart:run", "-Dhotrestart.mainClass=mains.Two").succeeded().output();
    assertTrue(passed.contains("Two ran, exiting with 0"), passed);
    assertTrue(passed.contains("BUILD SUCCESS"), passed);
  }

  @Test
  void withoutTheProcessorTheGoalWarnsWithTheExactSnippet() throws Exception {
    String output =
        SampleProject.copy("two-mains").build("hotrestart:run", "-Dhotrestart.mainClass=mains.One").succeeded().output();
    String expected =
        String.join(
            "\n",
            "[WARNING] hotrestart:run: no generated HotRestart_* classes found, so no method will restart after a crash.",
            "Annotate classes with @dev.hotrestart.HotRestartable, create them with HotRestart_<Class>.create(...),"
                + " and add the annotation processor to the pom:",
            "<plugin>",
            "  <groupId>org.apache.maven.plugins</groupId>",
            "  <artifactId>maven-compiler-plugin</artifactId>",
            "  <configuration>",
            "    <annotationProcessorPaths>",
            "      <path>",
            "        <groupId>dev.hotrestart</groupId>",
            "        <artifactId>hotrestart-processor</artifactId>",
            "        <version>" + SampleProject.VERSION + "</version>",
            "      </path>",
            "    </annotationProcessorPaths>",
            "  </configuration>",
            "</plugin>",
            "");
    assertTrue(output.contains(expected), output);
    assertTrue(output.contains("One ran"), "the program still runs: " + output);
  }
}
