package dev.hotrestart.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The system properties the program gets besides the plugin's own switches: the
 * {@code systemProperties} parameter, and the runtime's settings given to Maven as user
 * properties ({@code mvn hotrestart:run -Dhotrestart.interactive=true}), which would otherwise
 * stay in Maven's JVM while the runtime reads them in the program's.
 *
 * <p>{@code systemProperties} is a map: Maven turns each child element into an entry named after
 * it. exec-maven-plugin's shape, {@code <systemProperty><key>k</key><value>v</value>
 * </systemProperty>}, would then become one property named {@code systemProperty} with no value,
 * silently. The raw configuration shows each child's shape: that one is read as exec reads it,
 * and any other child with elements inside fails the build showing both shapes.
 */
final class SystemProperties {

  /**
   * The user properties that set parameters of the goal itself: they configure the plugin and
   * are not passed on. {@code PluginDescriptorTest} checks this against the goal's descriptor.
   */
  static final Set<String> GOAL_PROPERTIES =
      Set.of(
          "hotrestart.mainClass",
          "hotrestart.args",
          "hotrestart.jvmArgs",
          "hotrestart.workingDirectory",
          "hotrestart.classpathScope",
          "hotrestart.skip");

  /** exec-maven-plugin's element for one property. */
  static final String EXEC_ELEMENT = "systemProperty";

  private static final String SHAPES =
      "Write each property as <name>value</name>, or as exec-maven-plugin does:"
          + " <systemProperty><key>name</key><value>value</value></systemProperty>.";

  private SystemProperties() {}

  /** Evaluates the {@code ${...}} expressions of a configured text, as Maven does for parameters. */
  @FunctionalInterface
  interface Expressions {
    String evaluate(String text) throws MojoExecutionException;
  }

  /**
   * The {@code systemProperties} parameter of this execution, both shapes, in name order.
   *
   * @param injected the map Maven injected (its values already evaluated), or {@code null}
   * @throws MojoExecutionException if an entry has a shape that would give a wrong {@code -D}
   */
  static Map<String, String> fromPom(Map<String, String> injected, MojoExecution execution, MavenSession session)
      throws MojoExecutionException {
    Xpp3Dom configuration = execution.getConfiguration();
    PluginParameterExpressionEvaluator evaluator = new PluginParameterExpressionEvaluator(session, execution);
    return fromPom(
        injected,
        configuration == null ? null : configuration.getChild("systemProperties"),
        text -> {
          try {
            Object value = evaluator.evaluate(text);
            return value == null ? null : value.toString();
          } catch (ExpressionEvaluationException e) {
            throw new MojoExecutionException(
                "hotrestart:run: cannot evaluate '" + text + "' in <systemProperties>: " + e.getMessage(), e);
          }
        });
  }

  /**
   * The properties of {@code injected}, with the exec-shaped entries of {@code configured} read
   * by key and value.
   *
   * @param injected what Maven injected, or {@code null}
   * @param configured the raw {@code <systemProperties>} element, or {@code null}
   * @param expressions evaluates the texts of exec-shaped entries, which Maven did not
   * @throws MojoExecutionException if an entry has a shape that would give a wrong {@code -D}
   */
  static Map<String, String> fromPom(Map<String, String> injected, Xpp3Dom configured, Expressions expressions)
      throws MojoExecutionException {
    Map<String, String> properties = new TreeMap<>();
    if (injected != null) {
      properties.putAll(injected);
    }
    if (configured == null) {
      return properties;
    }
    Map<String, String> execShaped = new TreeMap<>();
    // Maven's map holds the text of the last element of a name, from either shape
    Xpp3Dom plainNamedLikeExec = null;
    for (Xpp3Dom entry : configured.getChildren()) {
      if (entry.getChildCount() == 0) {
        plainNamedLikeExec = entry.getName().equals(EXEC_ELEMENT) ? entry : plainNamedLikeExec;
      } else if (entry.getName().equals(EXEC_ELEMENT)) {
        execShaped.put(execKey(entry, expressions), execValue(entry, expressions));
      } else {
        throw new MojoExecutionException(
            "hotrestart:run: <systemProperties> holds <" + entry.getName() + "> with elements inside ("
                + childNames(entry) + "), which would pass a wrong -D" + entry.getName() + ". " + SHAPES);
      }
    }
    if (!execShaped.isEmpty()) {
      properties.remove(EXEC_ELEMENT);
      if (plainNamedLikeExec != null) {
        String value = plainNamedLikeExec.getValue();
        properties.put(EXEC_ELEMENT, value == null ? null : expressions.evaluate(value));
      }
    }
    properties.putAll(execShaped);
    return properties;
  }

  private static String execKey(Xpp3Dom entry, Expressions expressions) throws MojoExecutionException {
    for (Xpp3Dom part : entry.getChildren()) {
      if (!part.getName().equals("key") && !part.getName().equals("value")) {
        throw new MojoExecutionException(
            "hotrestart:run: a <systemProperty> in <systemProperties> holds <" + part.getName()
                + ">, but takes only <key> and <value>. " + SHAPES);
      }
    }
    Xpp3Dom key = entry.getChild("key");
    String name = key == null || key.getValue() == null ? null : expressions.evaluate(key.getValue().trim());
    if (name == null || name.isBlank()) {
      throw new MojoExecutionException(
          "hotrestart:run: a <systemProperty> in <systemProperties> has no <key>. " + SHAPES);
    }
    return name.trim();
  }

  /** The value, or {@code null} (the empty string, as for {@code <name/>}) when there is none. */
  private static String execValue(Xpp3Dom entry, Expressions expressions) throws MojoExecutionException {
    Xpp3Dom value = entry.getChild("value");
    return value == null || value.getValue() == null ? null : expressions.evaluate(value.getValue());
  }

  private static String childNames(Xpp3Dom entry) {
    List<String> names = new ArrayList<>();
    for (Xpp3Dom child : entry.getChildren()) {
      names.add("<" + child.getName() + ">");
    }
    return String.join(", ", names);
  }

  /**
   * The {@code hotrestart.*} entries of Maven's user properties (the command line's {@code -D},
   * and {@code .mvn/maven.config}'s), except the goal's own parameters, in name order.
   */
  static Map<String, String> forwarded(Properties userProperties) {
    Map<String, String> forwarded = new TreeMap<>();
    for (String name : userProperties.stringPropertyNames()) {
      if (name.startsWith(RuntimeContract.PROPERTY_PREFIX) && !GOAL_PROPERTIES.contains(name)) {
        forwarded.put(name, userProperties.getProperty(name));
      }
    }
    return forwarded;
  }
}
