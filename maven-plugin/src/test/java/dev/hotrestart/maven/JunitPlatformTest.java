package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.maven.JunitPlatform.Dependency;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** What hotrestart:test adds to a project's test class path. */
class JunitPlatformTest {

  private static final Dependency RUNTIME = new Dependency("dev.hotrestart", "hotrestart-runtime", "0.1.0");

  /** The runtime, Jupiter's API and engine, and a Platform artifact, as junit-jupiter brings them. */
  private static List<Dependency> project(String jupiter, String platformArtifact, String platform) {
    return List.of(
        RUNTIME,
        new Dependency("org.junit.jupiter", "junit-jupiter-api", jupiter),
        new Dependency("org.junit.jupiter", "junit-jupiter-engine", jupiter),
        new Dependency("org.junit.platform", platformArtifact, platform));
  }

  @Test
  void theLauncherOfTheProjectsPlatformVersionIsAdded() throws MojoExecutionException {
    assertEquals(
        List.of("org.junit.platform:junit-platform-launcher:1.10.2"),
        JunitPlatform.missing(project("5.10.2", "junit-platform-engine", "1.10.2"), "9"));
  }

  @Test
  void junit6SharesOneVersionNumber() throws MojoExecutionException {
    assertEquals(
        List.of("org.junit.platform:junit-platform-launcher:6.1.3"),
        JunitPlatform.missing(project("6.1.3", "junit-platform-engine", "6.1.3"), "9"));
  }

  @Test
  void nothingIsAddedWhenTheProjectHasItAll() throws MojoExecutionException {
    assertEquals(List.of(), JunitPlatform.missing(project("5.14.1", "junit-platform-launcher", "1.14.1"), "9"));
  }

  @Test
  void withoutThePlatformEngineTheLauncherFollowsJupitersVersion() {
    assertEquals("1.10.2", JunitPlatform.platformOf("5.10.2"));
    assertEquals("6.1.3", JunitPlatform.platformOf("6.1.3"));
  }

  @Test
  void theApiAloneGetsItsEngineAndTheRuntimeOfThePluginsVersion() throws MojoExecutionException {
    List<Dependency> project = List.of(new Dependency("org.junit.jupiter", "junit-jupiter-api", "5.11.4"));
    assertEquals(
        List.of(
            "org.junit.jupiter:junit-jupiter-engine:5.11.4",
            "org.junit.platform:junit-platform-launcher:1.11.4",
            "dev.hotrestart:hotrestart-runtime:0.2.0"),
        JunitPlatform.missing(project, "0.2.0"));
  }

  @Test
  void withoutJupiterTheBuildFailsSayingWhatToAdd() {
    MojoExecutionException e =
        assertThrows(
            MojoExecutionException.class,
            () -> JunitPlatform.missing(List.of(new Dependency("junit", "junit", "4.13.2")), "9"));
    assertTrue(e.getMessage().contains("this module has JUnit 4 only: add org.junit.jupiter:junit-jupiter"), e.getMessage());
  }
}
