package dev.hotrestart.maven;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What the goals that fork a JVM with the debugger on ({@code run}, {@code test}) share: the
 * parameters of that JVM, the Java check, {@code skip}, and the command line the plain classes
 * build. Each goal adds what it runs.
 *
 * @since 0.1.0
 */
// Compiled for Java 8 like the Mojos (see the module's pom and Java8EntryPointTest): Java 8
// syntax and APIs, and the package's Java 17 classes only after the Java check.
public abstract class ForkingMojo extends AbstractMojo {

  /**
   * Options for the forked JVM (the program's, or the tests'), as one string split like a shell
   * would ({@code hotrestart.args}), for example {@code -Xmx1g -ea "-Dgreeting=hello world"}.
   * They come before the options the plugin adds.
   *
   * @since 0.1.0
   */
  @Parameter(property = "hotrestart.jvmArgs")
  private String jvmArguments;

  /**
   * System properties for the forked JVM, passed as {@code -Dname=value} after the plugin's own
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
   * The forked JVM's working directory.
   *
   * @since 0.1.0
   */
  @Parameter(property = "hotrestart.workingDirectory", defaultValue = "${project.basedir}")
  private File workingDirectory;

  /**
   * Where the debugger looks for the source of a crashed method, to show it and to recompile
   * it after an edit. By default the project's compile source roots (including generated
   * sources such as {@code target/generated-sources/annotations}), plus its test source roots
   * when the test classes are on the class path (the test goal, or {@code classpathScope}
   * {@code test}), plus the compile source roots of the reactor modules it depends on, directly
   * or transitively, even those {@code -pl} leaves out of the build. Setting this replaces the
   * default.
   *
   * @since 0.1.0
   */
  @Parameter
  private List<File> sourceRoots;

  /**
   * Skips running (the project is still compiled).
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

  /** The goal as messages name it: {@code hotrestart:run}. */
  abstract String goal();

  /** Runs what the goal runs in the module, after the checks every goal makes. */
  abstract void fork(MavenModule module) throws MojoExecutionException, MojoFailureException;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    String javaProblem =
        JavaRequirement.problem(
            System.getProperty("java.specification.version"), System.getProperty("java.home"));
    if (javaProblem != null) {
      throw new MojoExecutionException(javaProblem);
    }
    if (skip) {
      getLog().info(goal() + ": skipped (hotrestart.skip)");
      return;
    }
    if ("pom".equals(project.getPackaging())) {
      getLog().debug(goal() + ": nothing to run in a module with packaging pom");
      return;
    }
    fork(MavenModule.of(project, session));
  }

  final MavenProject project() {
    return project;
  }

  final PluginDescriptor plugin() {
    return plugin;
  }

  final MavenSession session() {
    return session;
  }

  /**
   * The forked JVM's command line but for its main class and arguments: Maven's {@code java},
   * the JVM options, the agent, the source roots, JLine, the properties (the compile class path and processor path reloads need, {@code defaults}, then
   * the pom's, then those typed for this run), the class path.
   */
  final JavaCommand.Builder command(
      MavenModule module, ClasspathScope scope, ClassPath classPath, Map<String, String> defaults)
      throws MojoExecutionException {
    Map<String, String> properties = new LinkedHashMap<String, String>(defaults);
    properties.putAll(CompilePaths.properties(project, session, scope, classPath, getLog()));
    properties.putAll(SystemProperties.fromPom(systemProperties, mojoExecution, session));
    Path agent = ForkedJvm.runtimeAgent(classPath, getLog());
    return JavaCommand.builder()
        .javaExecutable(JavaCommand.javaExecutable(Paths.get(System.getProperty("java.home"))))
        .jvmArguments(ArgumentSplitter.splitParameter("hotrestart.jvmArgs", jvmArguments))
        .runtimeAgent(agent)
        .instanceList(ForkedJvm.instanceList(agent, classPath, module.argFile(), getLog()))
        .sourceRoots(module.sourceRoots(scope, sourceRoots, classPath))
        .sourceEncoding(module.sourceEncoding())
        .consoleClassPath(ForkedJvm.consoleClassPath(plugin, getLog()))
        .systemProperties(properties)
        .userProperties(SystemProperties.forwarded(session.getUserProperties()))
        .classPath(classPath);
  }

  /** Runs the command to its end; an exit code other than 0 fails the build with {@code failure}'s line. */
  final void run(JavaCommand command, MavenModule module, IntFunction<String> failure)
      throws MojoExecutionException, MojoFailureException {
    Map<String, String> environment =
        environmentVariables == null ? Collections.<String, String>emptyMap() : environmentVariables;
    new JavaProcess(message -> getLog().debug(message))
        .runProgram(command, module.argFile(), workingDirectory.toPath(), environment, failure);
  }
}
