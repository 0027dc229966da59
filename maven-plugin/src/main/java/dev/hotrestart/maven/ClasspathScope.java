package dev.hotrestart.maven;

import org.apache.maven.plugin.MojoExecutionException;

/** The {@code classpathScope} parameter: which classes and dependencies the program runs with. */
enum ClasspathScope {
  /** The main classes and the compile and runtime dependencies. */
  RUNTIME,
  /** Also the test classes and test dependencies, for a {@code main} under {@code src/test/java}. */
  TEST;

  /**
   * The scope named {@code runtime} or {@code test} (surrounding blanks ignored); {@code null}
   * is the default, {@code runtime}.
   *
   * @throws MojoExecutionException for any other name, quoting it
   */
  static ClasspathScope parse(String value) throws MojoExecutionException {
    String scope = value == null ? "runtime" : value.trim();
    return switch (scope) {
      case "runtime" -> RUNTIME;
      case "test" -> TEST;
      default -> throw new MojoExecutionException(
          "hotrestart:run: classpathScope must be runtime or test, not '" + value + "'");
    };
  }
}
