package dev.hotrestart.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * Notices a build whose annotation processor does not run, and says why: without
 * {@code HotRestart_*} classes nothing in the program is wrapped and a crash is an ordinary
 * crash, and code calling {@code HotRestart_Foo.create(...)} fails to compile with a bare
 * {@code cannot find symbol}.
 *
 * <p>Two moments: before compiling ({@link CheckProcessorMojo}, from the compiler's
 * configuration in the model, when the module's sources use the annotation), and before running
 * (when no proxy is on the class path). The whole class path is searched then, not only the
 * module's own classes: in a reactor ({@code mvn -pl app -am hotrestart:run}) the wrapped classes
 * often live in a library module or jar that {@code app} depends on, and then nothing is missing.
 */
final class ProcessorCheck {

  /** The processor's {@code groupId:artifactId}. */
  static final String PROCESSOR =
      RuntimeContract.PROCESSOR_GROUP_ID + ":" + RuntimeContract.PROCESSOR_ARTIFACT_ID;

  /** The compiler plugin version the README and the advice give (the one this project builds with). */
  static final String COMPILER_VERSION = "3.13.0";

  /** The first JDK whose javac no longer runs the processors it finds on the class path by default. */
  static final int JDK_WITHOUT_CLASS_PATH_PROCESSORS = 23;

  private ProcessorCheck() {}

  /**
   * Whether any {@code HotRestart_*.class} exists below the given class path elements:
   * directories are walked, jars are read; missing elements and other files are skipped.
   *
   * @throws IOException if a directory cannot be walked or a jar cannot be read
   */
  static boolean hasGeneratedClasses(List<Path> classPathElements) throws IOException {
    for (Path element : classPathElements) {
      if (Files.isDirectory(element) ? directoryHasGenerated(element) : jarHasGenerated(element)) {
        return true;
      }
    }
    return false;
  }

  private static boolean directoryHasGenerated(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.anyMatch(file -> RuntimeContract.isProxyClassFile(file.getFileName().toString()));
    }
  }

  private static boolean jarHasGenerated(Path file) throws IOException {
    if (!Files.isRegularFile(file) || !file.getFileName().toString().endsWith(".jar")) {
      return false;
    }
    try (JarFile jar = new JarFile(file.toFile())) {
      return jar.stream()
          .anyMatch(entry -> RuntimeContract.isProxyClassFile(entry.getName().substring(entry.getName().lastIndexOf('/') + 1)));
    }
  }

  /**
   * Why the processor will not run when javac compiles with {@code setup}, or empty if it will
   * (or if that cannot be told, such as on a JDK chosen by a toolchain).
   *
   * @param version the plugin's version, for the snippets
   */
  static Optional<String> whyNotRun(CompilerSetup setup, String version) {
    String nl = System.lineSeparator();
    List<String> paths = setup.processorPaths();
    boolean old = olderThan(setup.pluginVersion(), 3, 5);
    if ("none".equals(setup.proc()) || setup.compilerArgs().contains("-proc:none")) {
      return Optional.of(
          "maven-compiler-plugin's configuration turns annotation processing off ("
              + ("none".equals(setup.proc()) ? "<proc>none</proc>" : "-proc:none")
              + "): remove that.");
    }
    if (!paths.isEmpty() && !old) {
      return paths.contains(PROCESSOR)
          ? Optional.empty()
          : Optional.of(
              "maven-compiler-plugin's <annotationProcessorPaths> lists " + String.join(", ", paths)
                  + " but not " + PROCESSOR + ", and javac looks for processors only there: add this"
                  + " <path> beside them:" + nl + path(version, "") + nl);
    }
    // From here javac looks for processors on the class path: no paths given, or paths ignored.
    if (old && !paths.isEmpty() && !(setup.processorIsDependency() && classPathProcessorsRun(setup))) {
      return Optional.of(
          "maven-compiler-plugin " + setup.pluginVersion() + " ignores <annotationProcessorPaths>,"
              + " which it reads from version 3.5 on (Maven 3 uses 3.1 when the pom gives the plugin no"
              + " <version>): give it <version>" + COMPILER_VERSION + "</version>.");
    }
    if (!setup.processorIsDependency()) {
      return Optional.of(
          PROCESSOR + " is neither in maven-compiler-plugin's <annotationProcessorPaths> nor a"
              + " dependency of the project: add it to the pom:" + nl + snippet(version)
              + (old ? oldPluginAdvice(setup.pluginVersion()) : ""));
    }
    if (!classPathProcessorsRun(setup)) {
      return Optional.of(
          PROCESSOR + " is a dependency, so javac finds it on the class path, but javac of JDK "
              + setup.javaFeature() + " (the JDK Maven runs on) does not run processors found there"
              + " unless asked, since JDK " + JDK_WITHOUT_CLASS_PATH_PROCESSORS + ": list it in"
              + " maven-compiler-plugin's <annotationProcessorPaths> instead:" + nl + snippet(version)
              + "or add <proc>full</proc> to that plugin's <configuration>.");
    }
    return Optional.empty();
  }

  /** Whether the processor is configured at all, as a processor path or as a dependency. */
  private static boolean configured(CompilerSetup setup) {
    return setup.processorPaths().contains(PROCESSOR) || setup.processorIsDependency();
  }

  private static boolean classPathProcessorsRun(CompilerSetup setup) {
    List<String> arguments = setup.compilerArgs();
    return setup.javaFeature() < JDK_WITHOUT_CLASS_PATH_PROCESSORS // 0, unknown, counts as running
        || "full".equals(setup.proc())
        || "only".equals(setup.proc())
        || arguments.contains("-proc:full")
        || arguments.contains("-proc:only")
        || arguments.contains("-processor")
        || setup.explicitProcessors();
  }

  /** Whether {@code version} ({@code 3.1}, {@code 3.13.0}) is older than major.minor; false if unreadable. */
  static boolean olderThan(String version, int major, int minor) {
    if (version == null) {
      return false;
    }
    String[] parts = version.trim().split("[.-]");
    try {
      int first = Integer.parseInt(parts[0]);
      int second = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return first < major || first == major && second < minor;
    } catch (NumberFormatException e) {
      // a version such as RELEASE or a property left unresolved: not ours to judge
      return false;
    }
  }

  private static String oldPluginAdvice(String pluginVersion) {
    return "Give maven-compiler-plugin <version>" + COMPILER_VERSION + "</version> too: " + pluginVersion
        + " ignores <annotationProcessorPaths> (Maven 3 uses 3.1 when the pom gives the plugin no"
        + " <version>)." + System.lineSeparator();
  }

  /**
   * Warns, before the module is compiled, when its sources use the annotation and the processor
   * will not run: the compiler's own error would only say {@code cannot find symbol}.
   *
   * @throws MojoExecutionException if the sources cannot be read
   */
  static void beforeCompile(MavenProject project, String version, Log log) throws MojoExecutionException {
    Optional<String> reason = whyNotRun(CompilerSetup.of(project, mavenJavaFeature()), version);
    if (reason.isEmpty()) {
      return;
    }
    List<String> roots = new ArrayList<>(project.getCompileSourceRoots());
    roots.addAll(project.getTestCompileSourceRoots());
    try {
      if (!usesTheAnnotation(SourceRoots.existing(project.getBasedir().toPath(), roots))) {
        log.debug("hotrestart: the processor would not run, but no source uses @" + RuntimeContract.ANNOTATION);
        return;
      }
    } catch (IOException e) {
      throw new MojoExecutionException("hotrestart:run: cannot read the sources: " + e.getMessage(), e);
    }
    log.warn(
        "hotrestart:run: the annotation processor will not run, so no " + RuntimeContract.PROXY_PREFIX
            + "* class will be generated and code calling " + RuntimeContract.PROXY_PREFIX
            + "<Class>.create(...) will not compile (cannot find symbol)." + System.lineSeparator()
            + reason.get());
  }

  /**
   * Whether a Java source below {@code roots} mentions the annotation, by its simple or its
   * qualified name: a text search, cheap and enough to tell a module that wraps classes from one
   * that only uses them.
   *
   * @throws IOException if a root cannot be walked or a source read
   */
  static boolean usesTheAnnotation(List<Path> roots) throws IOException {
    String qualified = RuntimeContract.ANNOTATION;
    String simple = "@" + qualified.substring(qualified.lastIndexOf('.') + 1);
    for (Path root : roots) {
      List<Path> sources;
      try (Stream<Path> files = Files.walk(root)) {
        sources = files.filter(file -> file.toString().endsWith(".java") && Files.isRegularFile(file)).toList();
      }
      for (Path source : sources) {
        // any byte decodes in ISO-8859-1, and the names are ASCII in every encoding javac takes
        String text = Files.readString(source, StandardCharsets.ISO_8859_1);
        if (text.contains(simple) || text.contains("@" + qualified)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The warning, with the exact snippet for {@code maven-compiler-plugin} at {@code version}. */
  static String warning(String version) {
    String nl = System.lineSeparator();
    String proxy = RuntimeContract.PROXY_PREFIX;
    return "hotrestart:run: no generated " + proxy + "* classes found, so no method will restart"
        + " after a crash."
        + nl
        + "Annotate classes with @" + RuntimeContract.ANNOTATION + ", create them with "
        + proxy + "<Class>.create(...), and add the annotation processor to the pom:"
        + nl
        + snippet(version)
        + "If <annotationProcessorPaths> already lists other processors (Lombok, MapStruct, ...),"
        + " add this <path> beside them.";
  }

  /** {@link #warning(String, CompilerSetup)} for the project's compiler, on Maven's JDK. */
  static String warning(String version, MavenProject project) {
    return warning(version, CompilerSetup.of(project, mavenJavaFeature()));
  }

  private static int mavenJavaFeature() {
    return JavaRequirement.feature(System.getProperty("java.specification.version"));
  }

  /**
   * The warning when no proxy is on the program's class path: why the processor did not run if
   * the compiler's configuration tells, else the general one.
   */
  static String warning(String version, CompilerSetup setup) {
    Optional<String> reason = whyNotRun(setup, version);
    if (reason.isPresent() && configured(setup)) {
      return "hotrestart:run: no generated " + RuntimeContract.PROXY_PREFIX + "* classes found, so no"
          + " method will restart after a crash: the annotation processor did not run. " + reason.get();
    }
    String general = warning(version);
    if (!configured(setup) && olderThan(setup.pluginVersion(), 3, 5)) {
      general += System.lineSeparator() + oldPluginAdvice(setup.pluginVersion()).trim();
    }
    return general;
  }

  /** The {@code maven-compiler-plugin} configuration that runs the processor. */
  static String snippet(String version) {
    String nl = System.lineSeparator();
    return String.join(
            nl,
            "<plugin>",
            "  <groupId>org.apache.maven.plugins</groupId>",
            "  <artifactId>maven-compiler-plugin</artifactId>",
            "  <configuration>",
            "    <annotationProcessorPaths>",
            path(version, "      "),
            "    </annotationProcessorPaths>",
            "  </configuration>",
            "</plugin>")
        + nl;
  }

  /** The processor's {@code <path>} element, each line indented by {@code indent}. */
  private static String path(String version, String indent) {
    return String.join(
        System.lineSeparator(),
        indent + "<path>",
        indent + "  <groupId>" + RuntimeContract.PROCESSOR_GROUP_ID + "</groupId>",
        indent + "  <artifactId>" + RuntimeContract.PROCESSOR_ARTIFACT_ID + "</artifactId>",
        indent + "  <version>" + version + "</version>",
        indent + "</path>");
  }
}
