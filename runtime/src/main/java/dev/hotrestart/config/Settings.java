package dev.hotrestart.config;

import java.io.File;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runtime's switches, read from system properties each time they are asked for, so that a
 * test or a program may change them while it runs. {@code mvn hotrestart:run} sets them on the
 * forked JVM.
 */
public final class Settings {

  /** {@code true} turns the debugger on; {@code mvn hotrestart:run} sets it. */
  public static final String ENABLED = "hotrestart.enabled";
  /** Forces (true) or forbids (false) waiting for commands; by default only on a terminal. */
  public static final String INTERACTIVE = "hotrestart.interactive";
  /** Where the sources of the running classes are, separated by the path separator. */
  public static final String SOURCE_ROOTS = "hotrestart.sourceRoots";
  /** {@code false}: {@code c} calls the method again without recompiling it. */
  public static final String RELOAD_ON_CONTINUE = "hotrestart.reloadOnContinue";
  /**
   * {@code true} (the default): {@code c} applies every source file of the program saved since
   * its running code was compiled, all or nothing; {@code false}: only the crashed method's class
   * (and its other wrapped methods stay as they run).
   */
  public static final String RELOAD_ALL = "hotrestart.reloadAll";
  /** A file of debugger commands read before the terminal. */
  public static final String COMMANDS = "hotrestart.commands";
  /** JLine's jars, for line editing at the prompt; {@code mvn hotrestart:run} sets it. */
  public static final String CONSOLE_CLASS_PATH = "hotrestart.consoleClassPath";
  /** {@code false}: read the prompt with the plain reader even where JLine could edit lines. */
  public static final String LINE_EDITING = "hotrestart.lineEditing";
  /** The prompt's history file; {@code none} keeps history for the run only. */
  public static final String HISTORY = "hotrestart.history";
  /** The encoding of the source files; {@code mvn hotrestart:run} passes {@code project.build.sourceEncoding}. */
  public static final String ENCODING = "hotrestart.encoding";
  /**
   * Jars and directories reloads and {@code p} compile against besides the running class path,
   * such as {@code provided} dependencies; {@code mvn hotrestart:run} sets it.
   */
  public static final String COMPILE_CLASS_PATH = "hotrestart.compileClassPath";
  /**
   * Where reloads and {@code p} find the build's annotation processors (Lombok, MapStruct), as
   * javac's {@code -processorpath}; unset, they run none. {@code mvn hotrestart:run} sets it.
   */
  public static final String PROCESSOR_PATH = "hotrestart.processorPath";

  private Settings() {}

  public static boolean enabled() {
    return Boolean.getBoolean(ENABLED);
  }

  /**
   * Whether the debugger may wait for commands: a terminal is attached, or the user forced it.
   * Without this a crash propagates at once, so a batch job never hangs on a prompt nobody sees.
   */
  public static boolean interactive() {
    String forced = System.getProperty(INTERACTIVE);
    if (forced != null && !forced.isBlank()) {
      return Boolean.parseBoolean(forced.trim());
    }
    return Terminal.isAttached();
  }

  public static boolean reloadOnContinue() {
    return !"false".equalsIgnoreCase(System.getProperty(RELOAD_ON_CONTINUE, "true").trim());
  }

  /**
   * Whether {@code c} applies every changed file of the program (the default) rather than the
   * crashed method alone ({@code -Dhotrestart.reloadAll=false}).
   */
  public static boolean reloadAll() {
    return !"false".equalsIgnoreCase(System.getProperty(RELOAD_ALL, "true").trim());
  }

  /**
   * JLine's class path, if line editing is wanted and possible: on a terminal that can move the
   * cursor ({@code TERM} set and not {@code dumb}, which editors' shells such as Emacs's set
   * because they edit lines themselves), unless {@code -Dhotrestart.lineEditing=false}.
   */
  public static Optional<String> lineEditorClassPath() {
    String classPath = System.getProperty(CONSOLE_CLASS_PATH);
    if (classPath == null
        || classPath.isBlank()
        || "false".equalsIgnoreCase(System.getProperty(LINE_EDITING, "true").trim())
        || !Terminal.isAttached()
        || !cursorAddressable(System.getenv("TERM"))) {
      return Optional.empty();
    }
    return Optional.of(classPath);
  }

  /**
   * Whether the debugger's output is coloured: on a terminal that can show colours, unless
   * {@code NO_COLOR} is set (to anything, see no-color.org).
   */
  public static boolean colours() {
    return colours(System.getenv("NO_COLOR"), Terminal.isAttached(), System.getenv("TERM"));
  }

  /**
   * The rule of {@link #colours()}.
   *
   * @param noColor the {@code NO_COLOR} variable, or null when unset
   * @param terminal whether standard input and output are a terminal
   * @param term the {@code TERM} variable
   * @return whether to colour
   */
  static boolean colours(String noColor, boolean terminal, String term) {
    return noColor == null && terminal && cursorAddressable(term);
  }

  /** Whether a terminal of type {@code term} can redraw a line. */
  static boolean cursorAddressable(String term) {
    return term != null && !term.isBlank() && !term.equals("dumb");
  }

  /**
   * The history file of the prompt: {@code ~/.hotrestart_history} unless {@code
   * -Dhotrestart.history} names another, or is {@code none} (history for this run only).
   */
  public static Optional<Path> historyFile() {
    String configured = System.getProperty(HISTORY);
    if (configured == null || configured.isBlank()) {
      return Optional.of(Path.of(System.getProperty("user.home"), ".hotrestart_history"));
    }
    if (configured.trim().equals("none")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(configured.trim()));
  }

  public static Optional<Path> commandsFile() {
    String file = System.getProperty(COMMANDS);
    return file == null || file.isBlank() ? Optional.empty() : Optional.of(Path.of(file.trim()));
  }

  /**
   * The source roots to search, in order. When none are configured, {@code src/main/java} and
   * {@code src/test/java} below the working directory, where they exist.
   */
  public static List<Path> sourceRoots() {
    List<Path> roots = new ArrayList<>();
    String configured = System.getProperty(SOURCE_ROOTS);
    if (configured != null && !configured.isBlank()) {
      for (String root : configured.split(File.pathSeparator)) {
        if (!root.isBlank()) {
          roots.add(Path.of(root.trim()).toAbsolutePath().normalize());
        }
      }
      return roots;
    }
    for (String conventional : List.of("src/main/java", "src/test/java")) {
      Path root = Path.of(conventional).toAbsolutePath().normalize();
      if (Files.isDirectory(root)) {
        roots.add(root);
      }
    }
    return roots;
  }

  /**
   * The encoding of the program's source files, in which reloads compile them and the debugger
   * shows them: {@code -Dhotrestart.encoding}, UTF-8 when it is not set or not a known charset
   * (logged as a warning).
   */
  public static Charset sourceEncoding() {
    String configured = System.getProperty(ENCODING);
    if (configured != null && !configured.isBlank()) {
      try {
        return Charset.forName(configured.trim());
      } catch (RuntimeException e) {
        System.getLogger(Settings.class.getName())
            .log(
                System.Logger.Level.WARNING,
                ENCODING + "=" + configured + " is not a known charset; reading UTF-8",
                e);
      }
    }
    return StandardCharsets.UTF_8;
  }

  /** The entries of {@link #COMPILE_CLASS_PATH}, in order; empty when it is not set. */
  public static List<String> compileClassPath() {
    return pathList(COMPILE_CLASS_PATH);
  }

  /** The entries of {@link #PROCESSOR_PATH}, in order; empty when it is not set. */
  public static List<String> processorPath() {
    return pathList(PROCESSOR_PATH);
  }

  private static List<String> pathList(String property) {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty(property, "").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(entry.trim());
      }
    }
    return entries;
  }
}
