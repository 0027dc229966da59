package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The goal documentation as a user reads it: {@code mvn hotrestart:help -Ddetail} and
 * {@code mvn help:describe -Dplugin=hotrestart -Ddetail} list every parameter with its user
 * property.
 */
class HelpIT {

  /** Every parameter of the run goal and its user property ("" for none). */
  static final Map<String, String> PARAMETERS =
      Map.of(
          "mainClass", "hotrestart.mainClass",
          "arguments", "",
          "commandlineArguments", "hotrestart.args",
          "jvmArguments", "hotrestart.jvmArgs",
          "systemProperties", "",
          "environmentVariables", "",
          "workingDirectory", "hotrestart.workingDirectory",
          "sourceRoots", "",
          "classpathScope", "hotrestart.classpathScope",
          "skip", "hotrestart.skip");

  @Test
  void hotrestartHelpListsEveryParameterWithItsProperty() throws Exception {
    String output =
        SampleProject.copy("two-mains").build("hotrestart:help", "-Ddetail", "-Dgoal=run").succeeded().output();
    // hotrestart:help prints the description before the property
    assertListed(output, "(?:\\n {6}.*)*?\\n {6}User property: ");
    assertTrue(output.contains("one per argument element"), output);
  }

  @Test
  void helpDescribeListsEveryParameterWithItsProperty() throws Exception {
    String version = System.getProperty("hotrestart.it.helpPluginVersion");
    String output =
        SampleProject.copy("two-mains")
            .build(
                "org.apache.maven.plugins:maven-help-plugin:" + version + ":describe",
                "-Dplugin=hotrestart",
                "-Dgoal=run",
                "-Ddetail")
            .succeeded()
            .output();
    assertTrue(output.contains("Before this goal executes, it will call:\n    Phase: 'test-compile'"), output);
    // help:describe prints the property right after the name
    assertListed(output, "\\n {6}User property: ");
    // Javadoc rendered as HTML by help:describe: no text lost to something that looked like a tag
    assertTrue(output.contains("one per argument element"), output);
    assertTrue(output.contains("hotrestart.interactive with the value true"), output);
  }

  private static void assertListed(String output, String betweenNameAndProperty) {
    PARAMETERS.forEach(
        (name, property) -> {
          Pattern listed = Pattern.compile("\\n {4}" + name + "( \\(Default: [^)]*\\))?\\n");
          assertTrue(listed.matcher(output).find(), name + " is listed: " + output);
          if (!property.isEmpty()) {
            Pattern withProperty =
                Pattern.compile("\\n {4}" + name + "( \\(Default: [^)]*\\))?" + betweenNameAndProperty + Pattern.quote(property) + "\\n");
            assertTrue(withProperty.matcher(output).find(), name + " shows " + property + ": " + output);
          }
        });
    assertFalse(output.contains("[ERROR]"), output);
  }
}
