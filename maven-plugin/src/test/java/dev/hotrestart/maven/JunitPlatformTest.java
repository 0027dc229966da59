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

  @Test
  void theLauncherOfTheProjectsPlatformVersionIsAdded() throws MojoExecutionException {
    List<Dependency> project =
        List.of(
            RUNTIME,
            new Dependency("org.junit.jupiter", "junit-jupiter-api", "5.10.2"),
            new Dependency("org.junit.jupiter", "junit-jupiter-engine", "5.10.2"),
            new Dependency("org.junit.platform", "junit-platform-engine", "1.10.2"));
    assertEquals(List.of("org.junit.platform:junit-platform-launcher:1.10.2"), JunitPlatform.missing(project, "9"));
  }

  @Test
  void junit6SharesOneVersionNumber() throws MojoExecutionException {
    List<Dependency> project =
        List.of(
            RUNTIME,
            new Dependency("org.junit.jupiter", "junit-jupiter-api", "6.1.3"),
            new Dependency("org.junit.jupiter", "junit-jupiter-engine", "6.1.3"),
            new Dependency("org.junit.platform", "junit-platform-engine", "6.1.3"));
    assertEquals(List.of("org.junit.platform:junit-platform-launcher:6.1.3"), JunitPlatform.missing(project, "9"));
  }

  @Test
  void nothingIsAddedWhenTheProjectHasItAll() throws MojoExecutionException {
    List<Dependency> project =
        List.of(
            RUNTIME,
            new Dependency("org.junit.jupiter", "junit-jupiter-api", "5.14.1"),
            new Dependency("org.junit.jupiter", "junit-jupiter-engine", "5.14.1"),
            new Dependency("org.junit.platform", "junit-platform-launcher", "1.14.1"));
    assertEquals(List.of(), JunitPlatform.missing(project, "9"));
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
