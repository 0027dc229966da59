package dev.hotrestart.maven;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Compiles the project, then runs it in its own JVM with hotrestart's post-mortem debugger
 * enabled and the terminal attached. When a method of a {@code @HotRestartable} class throws, a
 * {@code (hotrestart)} prompt opens in that method: edit the source, type {@code c}, and the
 * method is recompiled and called again while the rest of the program keeps its state.
 *
 * <p>The program runs on the Java that runs Maven (17 or newer), with the
 * {@code -Dhotrestart.enabled=true} and {@code -Dhotrestart.sourceRoots} switches of the
 * runtime. The runtime's other settings given to Maven as user properties, such as
 * {@code mvn hotrestart:run -Dhotrestart.interactive=true}, are passed on to the program. Its
 * exit code becomes the build's result. Ctrl-C goes to the program only, and if Maven is ended
 * the program is stopped with it, even by {@code kill -9}: the program's JVM carries the runtime
 * jar as a Java agent that watches Maven's process.
 *
 * @since 0.1.0
 */
// Compiled for Java 8 (see the module's pom) so that Maven 3 on an old JVM can load it and
// report that Java 17 is needed instead of failing with UnsupportedClassVersionError. Use Java 8
// syntax and APIs here, and touch the other classes of this package only after the Java check
// (Java8EntryPointTest checks both).
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.TEST_COMPILE, lifecycle = "hotrestart")
public class RunMojo extends ForkingMojo {

  /**
   * The class whose {@code main} method starts the program, for example
   * {@code com.example.Main}. When not set, the compiled classes are searched for a
   * {@code public static void main(String[])}: exactly one must have it (the build fails
   * listing them if several do).
   *
   * <p>In a multi-module build ({@code mvn -pl app -am hotrestart:run}) a module without a main
   * class, or without the configured one on its class path, is skipped.
   *
   * @since 0.1.0
   */
  @Parameter(property = "hotrestart.mainClass")
  private String mainClass;

  /**
   * Arguments passed to the program, one per {@code argument} element, taken as they are (no
   * splitting or quoting). Arguments from {@code hotrestart.args} follow them.
   *
   * @since 0.1.0
   */
  @Parameter
  private List<String> arguments;

  /**
   * Arguments passed to the program as one string, split like a shell would:
   * {@code -Dhotrestart.args="--input 'my data.csv' --limit 10"}. Single quotes keep
   * everything literally, double quotes keep spaces (with {@code \"} and {@code \\} as
   * escapes), and a backslash escapes a space or a quote. They follow {@code arguments}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "hotrestart.args")
  private String commandlineArguments;

  /**
   * Which class path the program runs with: {@code runtime} (the main classes and the
   * compile and runtime dependencies) or {@code test} (also the test classes and test
   * dependencies, to run a {@code main} that lives under {@code src/test/java}).
   *
   * @since 0.1.0
   */
  @Parameter(property = "hotrestart.classpathScope", defaultValue = "runtime")
  private String classpathScope;

  @Override
  String goal() {
    return "hotrestart:run";
  }

  @Override
  void fork(MavenModule module) throws MojoExecutionException, MojoFailureException {
    ClasspathScope scope = ClasspathScope.parse(classpathScope);
    ClassPath classPath = module.classPath(scope);
    final MainClassChoice main =
        MainClassChoice.choose(mainClass, module.classDirectories(scope), classPath, module.inReactor(), module.name());
    if (main.skipReason() != null) {
      getLog().info(main.skipReason());
      return;
    }
    getLog().debug("hotrestart:run: main class " + main.mainClass());
    warnIfNoProxies(classPath);
    JavaCommand command =
        command(module, scope, classPath, Collections.<String, String>emptyMap())
            .mainClass(main.mainClass())
            .arguments(ArgumentSplitter.programArguments(arguments, commandlineArguments))
            .build();
    run(command, module, code -> ExitStatus.message(main.mainClass(), code));
  }

  private void warnIfNoProxies(ClassPath classPath) throws MojoExecutionException {
    try {
      if (!ProcessorCheck.hasGeneratedClasses(classPath.paths())) {
        getLog().warn(ProcessorCheck.warning(plugin().getVersion(), project()));
      }
    } catch (IOException e) {
      throw new MojoExecutionException("hotrestart:run: cannot read the class path: " + e.getMessage(), e);
    }
  }
}
