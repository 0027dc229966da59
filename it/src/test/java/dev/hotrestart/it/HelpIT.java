package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The goal documentation as a user reads it: {@code mvn hotrestart:help -Ddetail} and
 * {@code mvn help:describe -Dplugin=hotrestart -Ddetail} list every parameter with its user
 * property.
 */
class HelpIT {

  /**
   * Every parameter a user sets on the run goal, with its user property ("" for none), as the
   * installed plugin's descriptor declares them ({@code PluginDescriptorTest} pins that list).
   */
  static Map<String, String> parametersOfRun() throws IOException {
    Path jar =
        SampleProject.REPO.resolve(
            "dev/hotrestart/hotrestart-maven-plugin/" + SampleProject.VERSION
                + "/hotrestart-maven-plugin-" + SampleProject.VERSION + ".jar");
    String descriptor;
    try (JarFile plugin = new JarFile(jar.toFile());
        InputStream in = plugin.getInputStream(plugin.getEntry("META-INF/maven/plugin.xml"))) {
      descriptor = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String run = descriptor.substring(descriptor.indexOf("<goal>run</goal>"));
    run = run.substring(0, run.indexOf("</mojo>"));
    Map<String, String> parameters = new TreeMap<>();
    Matcher parameter = Pattern.compile("(?s)<parameter>\\s*<name>(\\w+)</name>(.*?)</parameter>").matcher(run);
    while (parameter.find()) {
      if (parameter.group(2).contains("<editable>true</editable>")) {
        parameters.put(parameter.group(1), "");
      }
    }
    Matcher property =
        Pattern.compile("<(\\w+) implementation=\"[^\"]*\"(?: default-value=\"[^\"]*\")?>\\$\\{([^}]+)}</\\1>").matcher(run);
    while (property.find()) {
      parameters.computeIfPresent(property.group(1), (name, none) -> property.group(2));
    }
    assertEquals("hotrestart.mainClass", parameters.get("mainClass"), "read the descriptor: " + parameters);
    assertTrue(parameters.size() >= 10, parameters.toString());
    return parameters;
  }

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

  private static void assertListed(String output, String betweenNameAndProperty) throws IOException {
    parametersOfRun().forEach(
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
