package dev.hotrestart.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

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
public class RunMojo extends AbstractMojo {

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
   * Options for the program's JVM, as one string split like {@code hotrestart.args}, for
   * example {@code -Xmx1g -ea "-Dgreeting=hello world"}. They come before the options the
   * plugin adds.
   *
   * @since 0.1.0
   */
  @Parameter(property = "hotrestart.jvmArgs")
  private String jvmArguments;

  /**
   * System properties for the program, passed as {@code -Dname=value} after the plugin's own
   * {@code hotrestart.*} switches, so an entry here can override them (for example an element
   * {@code hotrestart.interactive} with the value {@code true} forces the debugger's prompt
   * without a terminal). An empty element gives the empty string. The shape of
   * exec-maven-plugin is read too: a {@code systemProperty} element holding a {@code key} and a
   * {@code value}; any other element with elements inside fails the build. The runtime's settings given
   * on Maven's command line, such as {@code -Dhotrestart.history=none}, come after these and win.
   *
   * @since 0.1.0
   */
  @Parameter
  private Map<String, String> systemProperties;

  /**
   * Environment variables added to those Maven runs with. An empty element sets the variable
   * to the empty string.
   *
   * @since 0.1.0
   */
  @Parameter
  private Map<String, String> environmentVariables;

  /**
   * The program's working directory.
   *
   * @since 0.1.0
   */
  @Parameter(property = "hotrestart.workingDirectory", defaultValue = "${project.basedir}")
  private File workingDirectory;

  /**
   * Where the debugger looks for the source of a crashed method, to show it and to recompile
   * it after an edit. By default the project's compile source roots (including generated
   * sources such as {@code target/generated-sources/annotations}), plus its test source roots
   * when {@code classpathScope} is {@code test}, plus the compile source roots of the reactor
   * modules it depends on, directly or transitively, even those {@code -pl} leaves out of the
   * build. Setting this replaces the default.
   *
   * @since 0.1.0
   */
  @Parameter
  private List<File> sourceRoots;

  /**
   * Which class path the program runs with: {@code runtime} (the main classes and the
   * compile and runtime dependencies) or {@code test} (also the test classes and test
   * dependencies, to run a {@code main} that lives under {@code src/test/java}).
   *
   * @since 0.1.0
   */
  @Parameter(property = "hotrestart.classpathScope", defaultValue = "runtime")
  private String classpathScope;

  /**
   * Skips running the program (the project is still compiled).
   *
   * @since 0.1.0
   */
  @Parameter(property = "hotrestart.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  private PluginDescriptor plugin;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  private MojoExecution mojoExecution;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    String javaProblem =
        JavaRequirement.problem(
            System.getProperty("java.specification.version"), System.getProperty("java.home"));
    if (javaProblem != null) {
      throw new MojoExecutionException(javaProblem);
    }
    if (skip) {
      getLog().info("hotrestart:run: skipped (hotrestart.skip)");
      return;
    }
    if ("pom".equals(project.getPackaging())) {
      getLog().debug("hotrestart:run: nothing to run in a module with packaging pom");
      return;
    }
    run(MavenModule.of(project, session), ClasspathScope.parse(classpathScope));
  }

  private void run(MavenModule module, ClasspathScope scope) throws MojoExecutionException, MojoFailureException {
    ClassPath classPath = module.classPath(scope);
    MainClassChoice main =
        MainClassChoice.choose(mainClass, module.classDirectories(scope), classPath, module.inReactor(), module.name());
    if (main.skipReason() != null) {
      getLog().info(main.skipReason());
      return;
    }
    getLog().debug("hotrestart:run: main class " + main.mainClass());
    warnIfNoProxies(classPath);
    JavaCommand command =
        JavaCommand.builder()
            .javaExecutable(JavaCommand.javaExecutable(Paths.get(System.getProperty("java.home"))))
            .jvmArguments(ArgumentSplitter.splitParameter("hotrestart.jvmArgs", jvmArguments))
            .runtimeAgent(ForkedJvm.runtimeAgent(classPath, getLog()))
            .sourceRoots(module.sourceRoots(scope, sourceRoots, classPath))
            .sourceEncoding(module.sourceEncoding())
            .consoleClassPath(ForkedJvm.consoleClassPath(plugin, getLog()))
            .systemProperties(SystemProperties.fromPom(systemProperties, mojoExecution, session))
            .userProperties(SystemProperties.forwarded(session.getUserProperties()))
            .classPath(classPath)
            .mainClass(main.mainClass())
            .arguments(ArgumentSplitter.programArguments(arguments, commandlineArguments))
            .build();
    new JavaProcess(message -> getLog().debug(message))
        .runProgram(command, module.argFile(), workingDirectory.toPath(), orEmpty(environmentVariables));
  }

  private void warnIfNoProxies(ClassPath classPath) throws MojoExecutionException {
    try {
      if (!ProcessorCheck.hasGeneratedClasses(classPath.paths())) {
        getLog().warn(ProcessorCheck.warning(plugin.getVersion(), project));
      }
    } catch (IOException e) {
      throw new MojoExecutionException("hotrestart:run: cannot read the class path: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Collections.<String, String>emptyMap() : map;
  }
}
