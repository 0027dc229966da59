package dev.hotrestart.maven;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * What the test class path needs, beyond the project's dependencies, for {@code hotrestart:test}:
 * the JUnit Platform Launcher of the project's own Platform version (projects depend on Jupiter,
 * rarely on the launcher, which Surefire brings itself), Jupiter's engine when only its API is a
 * dependency (Surefire adds it too), and hotrestart's runtime when the project's classes do not
 * use it.
 */
final class JunitPlatform {

  static final String PLATFORM_GROUP = "org.junit.platform";
  static final String JUPITER_GROUP = "org.junit.jupiter";

  /** A dependency as {@code groupId:artifactId:version}'s parts. */
  record Dependency(String groupId, String artifactId, String version) {
    String coordinates() {
      return groupId + ":" + artifactId + ":" + version;
    }
  }

  private JunitPlatform() {}

  /** Like {@link #missing(List, String)}, for Maven's resolved artifacts. */
  static List<String> missing(Collection<Artifact> testArtifacts, String runtimeVersion)
      throws MojoExecutionException {
    List<Dependency> dependencies = new ArrayList<>();
    for (Artifact artifact : testArtifacts) {
      dependencies.add(new Dependency(artifact.getGroupId(), artifact.getArtifactId(), artifact.getVersion()));
    }
    return missing(dependencies, runtimeVersion);
  }

  /**
   * The artifacts to add to the test class path, as {@code groupId:artifactId:version}.
   *
   * @param testDependencies the project's resolved test dependencies
   * @param runtimeVersion the version of hotrestart's runtime to add if none is among them
   * @throws MojoExecutionException when the tests are not JUnit Jupiter tests
   */
  static List<String> missing(List<Dependency> testDependencies, String runtimeVersion)
      throws MojoExecutionException {
    Dependency platformEngine = find(testDependencies, PLATFORM_GROUP, "junit-platform-engine");
    Dependency jupiterApi = find(testDependencies, JUPITER_GROUP, "junit-jupiter-api");
    if (jupiterApi == null) {
      boolean junit4 = find(testDependencies, "junit", "junit") != null;
      throw new MojoExecutionException("hotrestart:test runs JUnit Jupiter (JUnit 5.10+ or 6) tests, and "
          + (junit4 ? "this module has JUnit 4 only" : "this module has no JUnit Jupiter")
          + ": add org.junit.jupiter:junit-jupiter with <scope>test</scope> to its dependencies");
    }
    List<String> missing = new ArrayList<>();
    if (find(testDependencies, JUPITER_GROUP, "junit-jupiter-engine") == null) {
      missing.add(JUPITER_GROUP + ":junit-jupiter-engine:" + jupiterApi.version());
    }
    if (find(testDependencies, PLATFORM_GROUP, "junit-platform-launcher") == null) {
      // The engine's Platform version: 1.x beside Jupiter 5.x, the same number from JUnit 6 on.
      String platform = platformEngine != null ? platformEngine.version() : platformOf(jupiterApi.version());
      missing.add(PLATFORM_GROUP + ":junit-platform-launcher:" + platform);
    }
    if (find(testDependencies, RuntimeContract.PROCESSOR_GROUP_ID, RuntimeContract.RUNTIME_ARTIFACT_ID) == null) {
      missing.add(RuntimeContract.PROCESSOR_GROUP_ID + ":" + RuntimeContract.RUNTIME_ARTIFACT_ID + ":" + runtimeVersion);
    }
    return missing;
  }

  /** Jupiter 5.x goes with Platform 1.x (5.10.2 with 1.10.2); from 6 on they share the number. */
  static String platformOf(String jupiterVersion) {
    return jupiterVersion.startsWith("5.") ? "1." + jupiterVersion.substring(2) : jupiterVersion;
  }

  private static Dependency find(List<Dependency> dependencies, String groupId, String artifactId) {
    for (Dependency dependency : dependencies) {
      if (dependency.groupId().equals(groupId) && dependency.artifactId().equals(artifactId)) {
        return dependency;
      }
    }
    return null;
  }
}
