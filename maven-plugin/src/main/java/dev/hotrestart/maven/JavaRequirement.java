package dev.hotrestart.maven;

/**
 * Checks the Java version of Maven's JVM, which is also the program's JVM.
 *
 * <p>Compiled for Java 8, like {@link RunMojo} (see the module's pom), so that Maven 3 on an
 * older JVM loads it and the user reads this message rather than an
 * {@code UnsupportedClassVersionError}. Keep it to Java 8 APIs.
 */
final class JavaRequirement {

  /** The oldest Java the runtime supports. */
  static final int MINIMUM = 17;

  private JavaRequirement() {}

  /**
   * Why hotrestart cannot run on the Java whose {@code java.specification.version} is given, or
   * {@code null} if it can (or if the version cannot be read).
   */
  static String problem(String specificationVersion, String javaHome) {
    int feature = feature(specificationVersion);
    // 0: a version string we cannot read. Refusing to run on it would block a future JDK.
    if (feature == 0 || feature >= MINIMUM) {
      return null;
    }
    return "hotrestart:run needs Java " + MINIMUM + " or newer, but Maven runs on Java "
        + specificationVersion + " (" + javaHome + "). The program is started with the java of"
        + " Maven's JVM: point JAVA_HOME at a JDK " + MINIMUM + " or newer and run Maven again.";
  }

  /** 8 for {@code 1.8}, 17 for {@code 17}; 0 if unreadable. */
  static int feature(String specificationVersion) {
    if (specificationVersion == null) {
      return 0;
    }
    String version = specificationVersion.trim();
    if (version.startsWith("1.")) {
      version = version.substring(2);
    }
    int end = 0;
    while (end < version.length() && Character.isDigit(version.charAt(end))) {
      end++;
    }
    if (end == 0) {
      return 0;
    }
    try {
      return Integer.parseInt(version.substring(0, end));
    } catch (NumberFormatException e) {
      // more digits than an int holds: not a Java version we know how to judge
      return 0;
    }
  }
}
