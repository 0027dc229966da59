package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The goal documentation that {@code mvn hotrestart:help -Ddetail} and {@code mvn help:describe
 * -Ddetail} print, read from the plugin descriptor that maven-plugin-plugin generated in
 * {@code process-classes} (before the tests run).
 */
class PluginDescriptorTest {

  /** Every parameter a user sets, with its user property ("" for none). */
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

  private static Element run;
  private static Element test;

  @BeforeAll
  static void readDescriptor() throws Exception {
    try (InputStream in = PluginDescriptorTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
      assertNotNull(in, "target/classes/META-INF/maven/plugin.xml (generated in process-classes)");
      Document descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
      NodeList mojos = descriptor.getElementsByTagName("mojo");
      for (int i = 0; i < mojos.getLength(); i++) {
        Element mojo = (Element) mojos.item(i);
        if (text(mojo, "goal").equals("run")) {
          run = mojo;
        }
        if (text(mojo, "goal").equals("test")) {
          test = mojo;
        }
      }
    }
    assertNotNull(run, "the descriptor has a run goal");
  }

  @Test
  void everyParameterIsDocumentedWithItsUserProperty() {
    Map<String, String> found = new TreeMap<>();
    NodeList parameters = ((Element) child(run, "parameters")).getElementsByTagName("parameter");
    for (int i = 0; i < parameters.getLength(); i++) {
      Element parameter = (Element) parameters.item(i);
      if (!text(parameter, "editable").equals("true")) {
        continue; // ${project}, ${session}, ${plugin}
      }
      String name = text(parameter, "name");
      String description = text(parameter, "description");
      assertFalse(description.isBlank(), name + " has Javadoc");
      assertEquals("0.1.0", text(parameter, "since"), name + " has @since");
      // maven-help-plugin renders descriptions as HTML: {@code <argument>} would vanish there.
      assertFalse(description.contains("<"), name + ": no angle brackets, help:describe drops them: " + description);
      found.put(name, "");
    }
    Element configuration = (Element) child(run, "configuration");
    Pattern expression = Pattern.compile("\\$\\{(.+)}");
    for (Node node = configuration.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && found.containsKey(element.getTagName())) {
        Matcher matcher = expression.matcher(element.getTextContent().trim());
        if (matcher.matches()) {
          found.put(element.getTagName(), matcher.group(1));
        }
      }
    }
    assertEquals(new TreeMap<>(PARAMETERS), found);
  }

  /** The user properties the goal does not forward to the program are exactly its parameters'. */
  @Test
  void theGoalsOwnPropertiesAreItsParameters() {
    Set<String> properties = new TreeSet<>(PARAMETERS.values());
    properties.remove("");
    assertEquals(properties, new TreeSet<>(SystemProperties.GOAL_PROPERTIES));
  }

  /** hotrestart:test: compiles the tests first; Surefire's names for what Surefire users type. */
  @Test
  void theTestGoalCompilesTheTestsFirstAndTakesSurefiresProperties() {
    assertNotNull(test, "the descriptor has a test goal");
    assertEquals("test-compile", text(test, "executePhase"));
    Element configuration = (Element) child(test, "configuration");
    assertEquals("${test}", text(configuration, "test"));
    assertEquals("${skipTests}", text(configuration, "skipTests"));
    assertEquals("${surefire.failIfNoSpecifiedTests}", text(configuration, "failIfNoSpecifiedTests"));
    NodeList parameters = ((Element) child(test, "parameters")).getElementsByTagName("parameter");
    for (int i = 0; i < parameters.getLength(); i++) {
      Element parameter = (Element) parameters.item(i);
      if (text(parameter, "editable").equals("true")) {
        assertFalse(text(parameter, "description").isBlank(), text(parameter, "name") + " has Javadoc");
        assertEquals("0.1.0", text(parameter, "since"), text(parameter, "name") + " has @since");
      }
    }
  }

  @Test
  void theGoalCompilesFirst() {
    assertEquals("test-compile", text(run, "executePhase"));
    assertTrue(text(run, "description").contains("post-mortem debugger"), text(run, "description"));
  }

  private static Node child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    Node node = child(parent, name);
    return node == null ? "" : node.getTextContent().trim();
  }
}
