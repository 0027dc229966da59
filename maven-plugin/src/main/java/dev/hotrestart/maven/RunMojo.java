package dev.hotrestart.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
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
 * runtime. Its exit code becomes the build's result. Ctrl-C goes to the program only, and if
 * Maven is ended the program is stopped with it.
 *
 * @since 0.1.0
 */
// Compiled for Java 8 (see the module's pom) so that Maven 3 on an old JVM can load it and
// report that Java 17 is needed instead of failing with UnsupportedClassVersionError. Use Java 8
// syntax and APIs here, and touch the other classes of this package only after the Java check
// (Java8EntryPointTest checks both).
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.TEST_COMPILE)
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
   * without a terminal). An empty element gives the empty string.
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
    boolean testScope = testScope();
    List<Path> classDirectories = classDirectories(testScope);
    String main = mainClass(classDirectories);
    if (main == null) {
      return;
    }
    ClassPath classPath = ClassPath.of(classpathElements(testScope));
    if (!inThisModule(main, classPath)) {
      return;
    }
    List<Path> classPathElements = new ArrayList<>();
    for (String element : classPath.elements()) {
      classPathElements.add(Paths.get(element));
    }
    try {
      if (!ProcessorCheck.hasGeneratedClasses(classPathElements)) {
        getLog().warn(ProcessorCheck.warning(plugin.getVersion()));
      }
    } catch (IOException e) {
      throw new MojoExecutionException("hotrestart:run: cannot read the class path: " + e.getMessage(), e);
    }
    JavaCommand command =
        JavaCommand.builder()
            .javaExecutable(JavaCommand.javaExecutable(Paths.get(System.getProperty("java.home"))))
            .jvmArguments(split("hotrestart.jvmArgs", jvmArguments))
            .sourceRoots(sourceRoots(testScope, classPathElements))
            .sourceEncoding(project.getProperties().getProperty("project.build.sourceEncoding"))
            .consoleClassPath(consoleClassPath())
            .systemProperties(sorted(systemProperties))
            .classPath(classPath)
            .mainClass(main)
            .arguments(programArguments())
            .build();
    int exitCode;
    try {
      Path argFile = Paths.get(project.getBuild().getDirectory(), "hotrestart", "classpath.argfile");
      List<String> commandLine = command.toList(ClassPath.ARGFILE_THRESHOLD, argFile);
      exitCode =
          new JavaProcess(message -> getLog().debug(message))
              .run(commandLine, workingDirectory.toPath(), sorted(environmentVariables));
    } catch (IOException e) {
      throw new MojoExecutionException("hotrestart:run: cannot run " + main + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("hotrestart:run: interrupted; " + main + " was stopped", e);
    }
    if (exitCode != 0) {
      throw new MojoFailureException(ExitStatus.message(main, exitCode));
    }
  }

  private boolean testScope() throws MojoExecutionException {
    String scope = classpathScope == null ? "runtime" : classpathScope.trim();
    if ("runtime".equals(scope)) {
      return false;
    }
    if ("test".equals(scope)) {
      return true;
    }
    throw new MojoExecutionException(
        "hotrestart:run: classpathScope must be runtime or test, not '" + classpathScope + "'");
  }

  private List<Path> classDirectories(boolean testScope) {
    List<Path> directories = new ArrayList<>();
    directories.add(Paths.get(project.getBuild().getOutputDirectory()));
    if (testScope) {
      directories.add(Paths.get(project.getBuild().getTestOutputDirectory()));
    }
    return directories;
  }

  /** The configured main class, else the only one found; null to skip this module. */
  private String mainClass(List<Path> classDirectories) throws MojoExecutionException {
    if (mainClass != null && !mainClass.trim().isEmpty()) {
      return mainClass.trim();
    }
    List<String> candidates;
    try {
      candidates = MainClassFinder.find(classDirectories);
    } catch (IOException e) {
      throw new MojoExecutionException("hotrestart:run: cannot search for a main class: " + e.getMessage(), e);
    }
    if (candidates.size() == 1) {
      getLog().debug("hotrestart:run: main class " + candidates.get(0));
      return candidates.get(0);
    }
    if (!candidates.isEmpty()) {
      throw new MojoExecutionException(MainClassFinder.severalFoundMessage(candidates));
    }
    if (session.getProjects().size() > 1) {
      // mvn -pl app -am hotrestart:run reaches the libraries first: they have nothing to run
      getLog().info("hotrestart:run: no main class in " + project.getArtifactId() + ", skipped");
      return null;
    }
    throw new MojoExecutionException(MainClassFinder.noneFoundMessage(classDirectories));
  }

  /**
   * In a multi-module build, {@code -Dhotrestart.mainClass} reaches every module: run only where
   * the class is on the class path. A single project always runs, and the JVM reports a wrong
   * name itself.
   */
  private boolean inThisModule(String main, ClassPath classPath) throws MojoExecutionException {
    if (session.getProjects().size() <= 1) {
      return true;
    }
    try {
      if (classPath.containsClass(main)) {
        return true;
      }
    } catch (IOException e) {
      throw new MojoExecutionException("hotrestart:run: cannot read the class path: " + e.getMessage(), e);
    }
    getLog().info("hotrestart:run: " + main + " is not on the class path of " + project.getArtifactId() + ", skipped");
    return false;
  }

  private List<String> classpathElements(boolean testScope) throws MojoExecutionException {
    try {
      return testScope ? project.getTestClasspathElements() : project.getRuntimeClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("hotrestart:run: dependencies are not resolved", e);
    }
  }

  /**
   * The configured source roots, else those of this project and of the reactor modules whose
   * classes the program runs with (see {@link ReactorSourceRoots}): a crash in a wrapped class of
   * a library module must find that module's source, with {@code -am} or without.
   */
  private List<Path> sourceRoots(boolean testScope, List<Path> classPathElements) {
    List<Path> roots = new ArrayList<>();
    if (sourceRoots != null && !sourceRoots.isEmpty()) {
      Path basedir = project.getBasedir().toPath();
      for (File root : sourceRoots) {
        roots.add(basedir.resolve(root.toPath()).normalize());
      }
      return roots;
    }
    addSourceRoots(roots, project, testScope);
    List<ReactorSourceRoots.Module> reactor = new ArrayList<>();
    for (MavenProject module : reactorProjects()) {
      if (module != project) {
        reactor.add(reactorModule(module));
      }
    }
    List<ReactorSourceRoots.Dependency> dependencies = new ArrayList<>();
    for (Artifact artifact : project.getArtifacts()) {
      dependencies.add(
          new ReactorSourceRoots.Dependency(
              artifact.getGroupId(),
              artifact.getArtifactId(),
              artifact.getBaseVersion(),
              artifact.getFile() == null ? null : artifact.getFile().toPath()));
    }
    for (Path root : ReactorSourceRoots.of(reactor, dependencies, classPathElements)) {
      if (!roots.contains(root)) {
        roots.add(root);
      }
    }
    return roots;
  }

  /**
   * The whole reactor: with {@code -pl app} and no {@code -am}, {@code getProjects()} holds only
   * {@code app}, but the libraries it depends on may still be modules of it.
   */
  private List<MavenProject> reactorProjects() {
    List<MavenProject> all = session.getAllProjects();
    return all == null ? session.getProjects() : all;
  }

  private static ReactorSourceRoots.Module reactorModule(MavenProject module) {
    List<Path> classLocations = new ArrayList<>();
    classLocations.add(Paths.get(module.getBuild().getOutputDirectory()));
    File jar = module.getArtifact() == null ? null : module.getArtifact().getFile();
    if (jar != null) {
      classLocations.add(jar.toPath());
    }
    List<Path> roots = new ArrayList<>();
    addSourceRoots(roots, module, false);
    return new ReactorSourceRoots.Module(
        module.getGroupId(), module.getArtifactId(), module.getVersion(), classLocations, roots);
  }

  private static void addSourceRoots(List<Path> roots, MavenProject module, boolean testScope) {
    Path basedir = module.getBasedir().toPath();
    // The forked test-compile runs on a copy of the project (the execution project): source
    // roots added during it, such as the annotation processor's output, are recorded there.
    List<MavenProject> copies = new ArrayList<>();
    copies.add(module);
    if (module.getExecutionProject() != null) {
      copies.add(module.getExecutionProject());
    }
    for (MavenProject each : copies) {
      addExisting(roots, basedir, each.getCompileSourceRoots());
    }
    if (testScope) {
      for (MavenProject each : copies) {
        addExisting(roots, basedir, each.getTestCompileSourceRoots());
      }
    }
  }

  private static void addExisting(List<Path> roots, Path basedir, List<String> candidates) {
    for (String candidate : candidates) {
      Path root = basedir.resolve(candidate).normalize();
      if (root.toFile().isDirectory() && !roots.contains(root)) {
        roots.add(root);
      }
    }
  }

  /**
   * JLine, for line editing at the prompt: a dependency of this plugin, handed to the program's
   * JVM by path, where the runtime loads it apart from the program's own class path.
   */
  private List<Path> consoleClassPath() {
    List<Path> jars = new ArrayList<>();
    Artifact jline = plugin.getArtifactMap().get("org.jline:jline");
    if (jline != null && jline.getFile() != null) {
      jars.add(jline.getFile().toPath());
    } else {
      getLog().debug("hotrestart:run: no JLine among the plugin's dependencies; no line editing");
    }
    return jars;
  }

  private List<String> programArguments() throws MojoExecutionException {
    List<String> all = new ArrayList<>();
    if (arguments != null) {
      for (String argument : arguments) {
        all.add(argument == null ? "" : argument);
      }
    }
    all.addAll(split("hotrestart.args", commandlineArguments));
    return all;
  }

  private static List<String> split(String property, String line) throws MojoExecutionException {
    try {
      return ArgumentSplitter.split(line);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("hotrestart:run: cannot split " + property + ": " + e.getMessage(), e);
    }
  }

  /** A copy in name order, so the command line does not depend on how Maven built the map. */
  private static Map<String, String> sorted(Map<String, String> map) {
    if (map == null) {
      return Collections.emptyMap();
    }
    return new TreeMap<>(map);
  }
}
