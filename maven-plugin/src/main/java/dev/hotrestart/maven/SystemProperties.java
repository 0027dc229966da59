package dev.hotrestart.maven;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The system properties the program gets besides the plugin's own switches: the
 * {@code systemProperties} parameter, and the runtime's settings given to Maven as user
 * properties ({@code mvn hotrestart:run -Dhotrestart.interactive=true}), which would otherwise
 * stay in Maven's JVM while the runtime reads them in the program's.
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

  private SystemProperties() {}

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
