package dev.hotrestart.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The command line of the forked JVM, in this order: the {@code java} executable, the JVM
 * arguments, the runtime jar as a Java agent watching Maven ({@code
 * -javaagent:hotrestart-runtime.jar=watchParent=PID,instances=FILE}, when the class path has that
 * jar; {@code instances} when the project has proxies, see {@link InstanceList}),
 * {@code -Dhotrestart.enabled=true}, {@code -Dhotrestart.sourceRoots=...} and the
 * plugin's other switches, the {@code systemProperties} of the pom, the runtime settings given
 * to Maven as user properties, the class path, the main class, the program arguments.
 *
 * <p>The user's JVM arguments come first and the user's system properties after ours (the JVM
 * keeps the last {@code -D} of a name), so a {@code systemProperties} entry can override a
 * {@code hotrestart.*} switch and a {@code -D} in {@code jvmArguments} cannot turn the debugger
 * off by accident. The command line's settings come last: what a user types for this run wins
 * over the pom.
 */
final class JavaCommand {

  private final Path javaExecutable;
  private final List<String> jvmArguments;
  private final Path runtimeAgent;
  private final Path instanceList;
  private final List<Path> sourceRoots;
  private final String sourceEncoding;
  private final List<Path> consoleClassPath;
  private final Map<String, String> systemProperties;
  private final Map<String, String> userProperties;
  private final ClassPath classPath;
  private final String mainClass;
  private final List<String> arguments;

  private JavaCommand(Builder builder) {
    this.javaExecutable = Objects.requireNonNull(builder.javaExecutable, "javaExecutable");
    this.mainClass = Objects.requireNonNull(builder.mainClass, "mainClass");
    this.classPath = Objects.requireNonNull(builder.classPath, "classPath");
    this.jvmArguments = List.copyOf(builder.jvmArguments);
    this.runtimeAgent = builder.runtimeAgent;
    this.instanceList = builder.instanceList;
    this.sourceRoots = List.copyOf(builder.sourceRoots);
    this.sourceEncoding = builder.sourceEncoding;
    this.consoleClassPath = List.copyOf(builder.consoleClassPath);
    this.systemProperties = new LinkedHashMap<>(builder.systemProperties);
    this.userProperties = new LinkedHashMap<>(builder.userProperties);
    this.arguments = List.copyOf(builder.arguments);
  }

  static Builder builder() {
    return new Builder();
  }

  /** {@code bin/java} (or {@code java.exe}) of the given Java home. */
  static Path javaExecutable(Path javaHome) {
    boolean windows = File.separatorChar == '\\';
    return javaHome.resolve("bin").resolve(windows ? "java.exe" : "java");
  }

  String mainClass() {
    return mainClass;
  }

  /**
   * The command line. If the class path is longer than {@code argFileThreshold} it is written to
   * {@code argFile} and passed as {@code @argFile}.
   */
  List<String> toList(int argFileThreshold, Path argFile) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable.toString());
    command.addAll(jvmArguments);
    if (runtimeAgent != null) {
      // the program ends when this JVM, Maven, ends: even by kill -9, where no shutdown hook runs
      // and, last as a path may hold commas, the classes whose every instance restarts
      command.add("-javaagent:" + runtimeAgent + "=" + RuntimeContract.AGENT_WATCH_PARENT + "="
          + ProcessHandle.current().pid()
          + (instanceList == null
              ? ""
              : "," + RuntimeContract.AGENT_INSTANCES + "=" + instanceList.toAbsolutePath()));
    }
    // The debugger reads the variables of the callers still waiting for a crashed call through
    // the JDK's java.lang.LiveStackFrame, which only an opened java.lang lets it use.
    command.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
    command.add("-D" + RuntimeContract.ENABLED + "=true");
    if (!sourceRoots.isEmpty()) {
      command.add("-D" + RuntimeContract.SOURCE_ROOTS + "=" + joined(sourceRoots));
    }
    if (!consoleClassPath.isEmpty()) {
      command.add("-D" + RuntimeContract.CONSOLE_CLASS_PATH + "=" + joined(consoleClassPath));
    }
    if (sourceEncoding != null && !sourceEncoding.isBlank()) {
      command.add("-D" + RuntimeContract.ENCODING + "=" + sourceEncoding.trim());
    }
    addDefinitions(command, systemProperties);
    addDefinitions(command, userProperties);
    command.addAll(classPath.launcherArguments(argFileThreshold, argFile));
    command.add(mainClass);
    command.addAll(arguments);
    return command;
  }

  /**
   * The hotrestart-runtime jar of {@code classPath}, to start as a Java agent, or null with the
   * reason given to {@code debug}: the runtime is not on the class path, or is a directory (a
   * reactor module's {@code target/classes}, which the JVM cannot load an agent from), or is a
   * jar without the agent (an older runtime, or the program's own jar with the runtime inside),
   * which {@code -javaagent} would refuse, ending the JVM before {@code main}.
   *
   * @throws IOException if a jar of the class path cannot be read
   */
  static Path runtimeAgent(ClassPath classPath, Consumer<String> debug) throws IOException {
    Path element = classPath.elementHolding(RuntimeContract.AGENT_CLASS);
    String noWatch = "; the program will not end by itself if Maven is killed";
    if (element == null) {
      debug.accept("hotrestart:run: no hotrestart-runtime with its agent on the class path" + noWatch);
      return null;
    }
    if (Files.isDirectory(element)) {
      debug.accept("hotrestart:run: hotrestart-runtime is the directory " + element
          + ", which cannot be a Java agent (only a jar can)" + noWatch);
      return null;
    }
    try (JarFile jar = new JarFile(element.toFile())) {
      Manifest manifest = jar.getManifest();
      String premain = manifest == null ? null : manifest.getMainAttributes().getValue("Premain-Class");
      if (!RuntimeContract.AGENT_CLASS.equals(premain)) {
        debug.accept("hotrestart:run: " + element + " holds the runtime but its Premain-Class is "
            + premain + ", not " + RuntimeContract.AGENT_CLASS + noWatch);
        return null;
      }
    }
    return element;
  }

  private static void addDefinitions(List<String> command, Map<String, String> properties) {
    for (Map.Entry<String, String> property : properties.entrySet()) {
      // <name/> in the pom gives null: -Dname, which Java reads as the empty string
      String value = property.getValue();
      command.add("-D" + property.getKey() + (value == null ? "" : "=" + value));
    }
  }

  private static String joined(List<Path> paths) {
    List<String> names = new ArrayList<>();
    for (Path path : paths) {
      names.add(path.toString());
    }
    return String.join(File.pathSeparator, names);
  }

  /** Collects the parts; {@code javaExecutable}, {@code classPath} and {@code mainClass} are required. */
  static final class Builder {
    private Path javaExecutable;
    private final List<String> jvmArguments = new ArrayList<>();
    private Path runtimeAgent;
    private Path instanceList;
    private final List<Path> sourceRoots = new ArrayList<>();
    private String sourceEncoding;
    private final List<Path> consoleClassPath = new ArrayList<>();
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final Map<String, String> userProperties = new LinkedHashMap<>();
    private ClassPath classPath;
    private String mainClass;
    private final List<String> arguments = new ArrayList<>();

    private Builder() {}

    Builder javaExecutable(Path javaExecutable) {
      this.javaExecutable = javaExecutable;
      return this;
    }

    Builder jvmArguments(List<String> jvmArguments) {
      this.jvmArguments.addAll(jvmArguments);
      return this;
    }

    /**
     * The runtime jar to start as a Java agent that ends the program when this JVM (Maven's)
     * ends, as {@link JavaCommand#runtimeAgent} finds it; null for none.
     */
    Builder runtimeAgent(Path jar) {
      this.runtimeAgent = jar;
      return this;
    }

    /**
     * The list of classes the agent routes ({@link InstanceList}); null for none. Used only with
     * {@link #runtimeAgent}.
     */
    Builder instanceList(Path file) {
      this.instanceList = file;
      return this;
    }

    /** Adds source roots; a root given twice is passed once. */
    Builder sourceRoots(List<Path> roots) {
      for (Path root : roots) {
        if (!sourceRoots.contains(root)) {
          sourceRoots.add(root);
        }
      }
      return this;
    }

    /** The project's source encoding, so the reloader reads sources as javac did; may be null. */
    Builder sourceEncoding(String encoding) {
      this.sourceEncoding = encoding;
      return this;
    }

    /** The jars of the prompt's line editor (JLine); none for the plain reader. */
    Builder consoleClassPath(List<Path> jars) {
      this.consoleClassPath.addAll(jars);
      return this;
    }

    /** Adds system properties in the map's iteration order. */
    Builder systemProperties(Map<String, String> properties) {
      this.systemProperties.putAll(properties);
      return this;
    }

    /** Adds the settings of Maven's command line, in the map's iteration order. */
    Builder userProperties(Map<String, String> properties) {
      this.userProperties.putAll(properties);
      return this;
    }

    Builder classPath(ClassPath classPath) {
      this.classPath = classPath;
      return this;
    }

    Builder mainClass(String mainClass) {
      this.mainClass = mainClass;
      return this;
    }

    Builder arguments(List<String> arguments) {
      this.arguments.addAll(arguments);
      return this;
    }

    JavaCommand build() {
      return new JavaCommand(this);
    }
  }
}
