package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A fresh copy of a sample project (or of the demo) in {@code target/it-work}, built against the
 * hotrestart artifacts of this build, which the invoker plugin installed into {@code
 * target/it-repo}. Maven resolves everything else from the user's own local repository, through
 * a file mirror, so the tests need no network.
 */
final class SampleProject {

  private static final AtomicInteger COPIES = new AtomicInteger();

  static final String VERSION = property("hotrestart.it.version");
  static final Path REPO = Path.of(property("hotrestart.it.repo"));
  static final Path USER_REPO = Path.of(property("hotrestart.it.userRepo"));
  static final Path MAVEN_HOME = Path.of(property("hotrestart.it.mavenHome"));
  static final Path PROJECTS = Path.of(property("hotrestart.it.projects"));
  static final Path DEMO = Path.of(property("hotrestart.it.demo"));
  static final Path WORK = Path.of(property("hotrestart.it.work"));
  static final Path MAVEN_DISTS = Path.of(property("hotrestart.it.mavenDists"));
  /** The root of this build's source tree. */
  static final Path ROOT = Path.of(property("hotrestart.it.root")).normalize();

  final Path dir;

  private SampleProject(Path dir) {
    this.dir = dir;
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(name + " is not set: run the tests with mvn verify");
    }
    return value;
  }

  /** A copy of {@code src/it/<name>}, or of the demo for {@code "demo"}. */
  static SampleProject copy(String name) {
    Path source = name.equals("demo") ? DEMO : PROJECTS.resolve(name);
    Path target = WORK.resolve(name + "-" + COPIES.incrementAndGet());
    try {
      copyTree(source, target);
      Path pom = target.resolve("pom.xml");
      Files.writeString(
          pom, Files.readString(pom).replace("@project.version@", VERSION), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SampleProject(target);
  }

  /** Copies a directory, leaving out its {@code target}. */
  static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        Path relative = source.relativize(path);
        if (relative.startsWith("target")) {
          continue;
        }
        Path copy = target.resolve(relative.toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** The settings that point Maven at the user's local repository as its only remote. */
  static synchronized Path settings() throws IOException {
    Path settings = WORK.resolve("settings.xml");
    if (!Files.exists(settings)) {
      writeSettings(settings, "");
    }
    return settings;
  }

  /** Like {@link #settings()}, in {@code file}, with {@code <pluginGroups>} naming {@code group}. */
  static Path settingsWithPluginGroup(Path file, String group) throws IOException {
    return writeSettings(
        file, "  <pluginGroups>\n    <pluginGroup>" + group + "</pluginGroup>\n  </pluginGroups>\n");
  }

  private static Path writeSettings(Path file, String more) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    String url = USER_REPO.toUri().toString();
    return Files.writeString(
        file,
        String.join(
            "\n",
            "<settings>",
            more + "  <mirrors>",
            "    <mirror>",
            "      <id>user-local-repository</id>",
            "      <mirrorOf>*</mirrorOf>",
            "      <url>" + url + "</url>",
            "    </mirror>",
            "  </mirrors>",
            "</settings>",
            ""));
  }

  /** The runtime jar as installed for the tests, for a program started without Maven. */
  static Path runtimeJar() {
    return REPO.resolve(
        "dev/hotrestart/hotrestart-runtime/" + VERSION + "/hotrestart-runtime-" + VERSION + ".jar");
  }

  /** A directory a test prepared itself, built like a sample project. */
  static SampleProject at(Path dir) {
    return new SampleProject(dir);
  }

  /**
   * Maven with the goals and options given, run to its end without a terminal, with its own
   * settings file and local repository instead of the shared ones.
   */
  Build buildWith(Path settings, Path repository, String... goalsAndOptions)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(MAVEN_HOME.resolve("bin/mvn").toString(), "-B", "-ntp"));
    command.addAll(List.of("-s", settings.toString(), "-Dmaven.repo.local=" + repository));
    command.addAll(List.of(goalsAndOptions));
    try (Terminal pipe = Terminal.startWithoutTerminal(dir, command)) {
      int exitCode = pipe.exitCode(Duration.ofSeconds(240));
      return new Build(exitCode, pipe.text());
    }
  }

  /** The Maven command line, with the goals and options given. */
  List<String> maven(String... goalsAndOptions) throws IOException {
    return mavenOf(MAVEN_HOME, goalsAndOptions);
  }

  /** The command line of the Maven installed at {@code mavenHome}, with the goals and options given. */
  List<String> mavenOf(Path mavenHome, String... goalsAndOptions) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(mavenHome.resolve("bin/mvn").toString());
    command.add("-B");
    command.add("-ntp");
    command.add("-s");
    command.add(settings().toString());
    command.add("-Dmaven.repo.local=" + REPO);
    command.addAll(List.of(goalsAndOptions));
    return command;
  }

  /** {@code mvn hotrestart:run} with extra options, on a terminal. */
  Terminal run(String... options) throws IOException {
    return runOn(Path.of(System.getProperty("java.home")), options);
  }

  /**
   * How the prompt reads lines on a terminal: the plain reader (a {@code dumb} terminal, as in
   * Emacs) or the line editor (an {@code xterm}, as most people have). The prompt's end-to-end
   * tests run with both.
   */
  enum Reader {
    PLAIN("dumb"),
    LINE_EDITOR("xterm-256color");

    final String term;

    Reader(String term) {
      this.term = term;
    }
  }

  /**
   * {@code mvn hotrestart:run} with extra options, on a terminal (120 by 40, without colours)
   * whose prompt reads with {@code reader}. The line editor's history is kept for the run only,
   * added to any {@code -Dhotrestart.jvmArgs} given, so that no test writes to the home
   * directory.
   */
  Terminal run(Reader reader, String... options) throws IOException {
    return runOn(Path.of(System.getProperty("java.home")), reader, options);
  }

  /** Like {@link #run(Reader, String...)}, with Maven and the program on the JDK in {@code javaHome}. */
  Terminal runOn(Path javaHome, Reader reader, String... options) throws IOException {
    List<String> command = new ArrayList<>(List.of("hotrestart:run"));
    String history = "-Dhotrestart.history=none";
    boolean merged = false;
    for (String option : options) {
      if (option.startsWith("-Dhotrestart.jvmArgs=") && reader == Reader.LINE_EDITOR) {
        command.add(option + " " + history);
        merged = true;
      } else {
        command.add(option);
      }
    }
    if (reader == Reader.LINE_EDITOR && !merged) {
      command.add("-Dhotrestart.jvmArgs=" + history);
    }
    return Terminal.start(
        dir,
        shell(maven(command.toArray(new String[0]))),
        reader.term,
        true,
        Map.of("JAVA_HOME", javaHome.toString()));
  }

  /**
   * {@code mvn hotrestart:run} with Maven, and so the program, running on the JDK in {@code
   * javaHome}.
   */
  Terminal runOn(Path javaHome, String... options) throws IOException {
    List<String> command = new ArrayList<>(List.of("hotrestart:run"));
    command.addAll(List.of(options));
    return Terminal.start(
        dir, shell(maven(command.toArray(new String[0]))), Map.of("JAVA_HOME", javaHome.toString()));
  }

  /** {@code mvn hotrestart:test} with extra options, on a terminal (the plain reader). */
  Terminal test(String... options) throws IOException {
    List<String> command = new ArrayList<>(List.of("hotrestart:test"));
    command.addAll(List.of(options));
    return Terminal.start(dir, shell(maven(command.toArray(new String[0]))));
  }

  /** The JDKs to run the end-to-end tests on: this one, and Temurin 25 where it is installed. */
  static List<Path> jdks() {
    List<Path> jdks = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
    Path newest = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    if (Files.isExecutable(newest.resolve("bin/java")) && !jdks.contains(newest)) {
      jdks.add(newest);
    }
    return jdks;
  }

  /** Maven with the goals and options given, with no terminal: stdin and stdout are pipes. */
  Terminal pipe(String... goalsAndOptions) throws IOException {
    return Terminal.startWithoutTerminal(dir, maven(goalsAndOptions));
  }

  /**
   * Maven with the goals and options given, without a terminal, but with the debugger's prompt
   * forced on ({@code -Dhotrestart.interactive=true} through {@code hotrestart.jvmArgs}), so a
   * test can type into the pipe: faster than a pseudo-terminal where the terminal itself does
   * not matter.
   */
  Terminal pipeWithPrompt(String... goalsAndOptions) throws IOException {
    List<String> all = new ArrayList<>(List.of(goalsAndOptions));
    all.add("-Dhotrestart.jvmArgs=-Dhotrestart.interactive=true");
    return pipe(all.toArray(new String[0]));
  }

  /** Maven with the goals and options given, run to its end without a terminal. */
  Build build(String... goalsAndOptions) throws IOException, InterruptedException {
    try (Terminal pipe = pipe(goalsAndOptions)) {
      int exitCode = pipe.exitCode(Duration.ofSeconds(120));
      return new Build(exitCode, pipe.text());
    }
  }

  /** A finished Maven run: its exit code and everything it printed. */
  record Build(int exitCode, String output) {

    /** Fails with the output unless Maven exited with 0. */
    Build succeeded() {
      assertEquals(0, exitCode, output);
      return this;
    }

    /** Fails with the output unless Maven exited with something else than 0. */
    Build failed() {
      assertNotEquals(0, exitCode, output);
      return this;
    }
  }

  /**
   * {@code mvn hotrestart:run} on an {@code xterm}, with line editing and, unless {@code
   * noColor}, colours; then the shell prints {@code exit status N} and the terminal's modes
   * ({@code stty -a}), to show the program left the terminal as it found it. The shell first
   * notes the terminal's device, for {@link #resize}.
   */
  Terminal runOnXterm(boolean noColor, String... options) throws IOException {
    List<String> command = new ArrayList<>(List.of("hotrestart:run"));
    command.addAll(List.of(options));
    String line =
        "tty > " + TERMINAL_DEVICE + "; " + shell(maven(command.toArray(new String[0])))
            + "; echo \"exit status $?\"; stty -a";
    return Terminal.start(dir, line, "xterm", noColor);
  }

  private static final String TERMINAL_DEVICE = "terminal-device.txt";

  /**
   * Resizes the window of a {@link #runOnXterm} run, as a person dragging its corner would: the
   * kernel then sends SIGWINCH to the programs in the foreground.
   */
  void resize(int columns, int rows) throws IOException, InterruptedException {
    String device = Files.readString(dir.resolve(TERMINAL_DEVICE)).strip();
    Process stty =
        new ProcessBuilder("stty", "-F", device, "cols", "" + columns, "rows", "" + rows)
            .redirectErrorStream(true)
            .start();
    String output = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, stty.waitFor(), "stty -F " + device + ": " + output);
  }

  static String shell(List<String> command) {
    StringBuilder line = new StringBuilder();
    for (String word : command) {
      line.append(line.length() == 0 ? "" : " ").append('\'').append(word.replace("'", "'\\''")).append('\'');
    }
    return line.toString();
  }

  Path file(String relative) {
    return dir.resolve(relative);
  }

  /** Edits a source file the way a person would: replaces one piece of text with another. */
  void edit(String relative, String before, String after) throws IOException {
    Path file = file(relative);
    String text = Files.readString(file);
    assertTrue(text.contains(before), () -> relative + " does not contain: " + before);
    Files.writeString(file, text.replace(before, after));
  }
}
