package dev.hotrestart.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Compiles the project and its tests, then runs its JUnit Jupiter tests in their own JVM with
 * hotrestart's post-mortem debugger enabled and the terminal attached. When a test method fails,
 * a {@code (hotrestart)} prompt opens on it: edit the test or the code under test, type {@code c},
 * and the test method runs again on the same test instance, after the edited code is reloaded,
 * while {@code @BeforeAll} state, static fixtures and extension stores stay. {@code r} records
 * the failure and goes on, {@code q} stops restarting. A summary like Surefire's ends the run,
 * and a test that failed for good fails the build.
 *
 * <p>The tests run through the JUnit Platform Launcher of the project's own JUnit version (5.10
 * or newer, or 6), one at a time. {@code -Dtest} selects tests as with Surefire. Without a
 * terminal the tests run without the prompt and failures are reported. The runtime's settings
 * given to Maven as user properties reach the tests' JVM, as with {@code hotrestart:run};
 * {@code hotrestart.reloadAll} is on by default here, so that {@code c} at a test's prompt also
 * reloads the edited code under test.
 *
 * @since 0.1.0
 */
// Compiled for Java 8 like RunMojo (see the module's pom and Java8EntryPointTest).
@Mojo(name = "test", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.TEST_COMPILE, lifecycle = "hotrestart")
public class TestMojo extends ForkingMojo {

  /**
   * The tests to run, as for Surefire: a comma-separated list of test classes, each a simple
   * name ({@code CartTest}), a qualified name or a path pattern with {@code *} and {@code **},
   * optionally followed by {@code #} and method names with {@code *}, joined by {@code +}
   * ({@code CartTest#total*+discount}); a leading {@code !} leaves classes out. Without it, the
   * classes Surefire includes by default run ({@code Test*}, {@code *Test}, {@code *Tests},
   * {@code *TestCase}).
   *
   * @since 0.1.0
   */
  @Parameter(property = "test")
  private String test;

  /**
   * Whether the build fails when {@code test} matches no test class, as with Surefire.
   *
   * @since 0.1.0
   */
  @Parameter(property = "surefire.failIfNoSpecifiedTests", defaultValue = "true")
  private boolean failIfNoSpecifiedTests;

  /**
   * Skips the tests (the project is still compiled), like Surefire's {@code skipTests}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "skipTests", defaultValue = "false")
  private boolean skipTests;

  private final RepositorySystem repositorySystem;

  /**
   * Made by Maven, which injects its resolver.
   *
   * @param repositorySystem resolves what the tests need and the project lacks
   */
  @Inject
  public TestMojo(RepositorySystem repositorySystem) {
    this.repositorySystem = repositorySystem;
  }

  @Override
  String goal() {
    return "hotrestart:test";
  }

  @Override
  void fork(MavenModule module) throws MojoExecutionException, MojoFailureException {
    if (skipTests) {
      getLog().info("hotrestart:test: skipped (skipTests)");
      return;
    }
    TestSelection selection = TestSelection.parse(test);
    List<String> tests;
    try {
      tests = selection.arguments(TestSelection.testClasses(Paths.get(project().getBuild().getTestOutputDirectory())));
    } catch (IOException e) {
      throw new MojoExecutionException("hotrestart:test: cannot read the test classes: " + e.getMessage(), e);
    }
    if (tests.isEmpty()) {
      String none = "hotrestart:test: no test class " + (selection.specified() ? "matches -Dtest=" + test : "to run");
      if (selection.specified() && failIfNoSpecifiedTests) {
        throw new MojoFailureException(none + " (set -Dsurefire.failIfNoSpecifiedTests=false to go on)");
      }
      getLog().info(none);
      return;
    }
    ClassPath projectPath = module.classPath(ClasspathScope.TEST);
    List<String> elements = new ArrayList<>(projectPath.elements());
    for (String coordinates : JunitPlatform.missing(project().getArtifacts(), plugin().getVersion())) {
      elements.add(resolve(coordinates).toString());
    }
    ClassPath classPath = ClassPath.of(elements);
    JavaCommand command =
        command(module, ClasspathScope.TEST, classPath, Collections.singletonMap(RuntimeContract.RELOAD_ALL, "true"))
            .mainClass(RuntimeContract.TEST_MAIN)
            .arguments(tests)
            .build();
    run(command, module, ExitStatus::testMessage);
  }

  /** One artifact the tests need and the project lacks (see {@link JunitPlatform}), from the project's repositories. */
  private Path resolve(String coordinates) throws MojoExecutionException {
    ArtifactRequest request =
        new ArtifactRequest(new DefaultArtifact(coordinates), project().getRemoteProjectRepositories(), null);
    try {
      File file = repositorySystem.resolveArtifact(session().getRepositorySession(), request).getArtifact().getFile();
      getLog().debug("hotrestart:test: added " + coordinates + " to the test class path");
      return file.toPath();
    } catch (ArtifactResolutionException e) {
      throw new MojoExecutionException("hotrestart:test: cannot resolve " + coordinates
          + ", which running the tests needs: " + e.getMessage(), e);
    }
  }
}
