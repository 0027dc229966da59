package dev.hotrestart.debug;

import java.io.File;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Line editing and history at the prompt, by JLine, which the runtime neither depends on nor
 * links against: {@code mvn hotrestart:run} passes the path of the JLine jar it resolved as
 * {@code -Dhotrestart.consoleClassPath}, and JLine is loaded from there into a class loader of
 * its own, whose parent is the platform class loader. So the runtime stays JDK-only, and a JLine
 * on the program's class path (any version) is neither seen nor disturbed.
 *
 * <p>The few calls needed (build a terminal and a reader, read a line, print above it) are made
 * by reflection: they have been stable across JLine 3. If anything fails, {@link #load} says why
 * in the log and the debugger uses the plain reader. Tab completes command names from the
 * {@link Commands command table}, through a {@link Proxy} of JLine's {@code Completer} interface
 * defined in JLine's class loader.
 *
 * <p>The terminal is built with {@code nativeSignals(false)}: while JLine reads, it turns the
 * terminal's signal keys off and reads Ctrl-C as a key ({@code UserInterruptException}), so it
 * needs no SIGINT handler of its own, and the session's handler rules the rest of the time. A
 * resized window still gets the line redrawn at its new width ({@code LineEditingIT} resizes the
 * terminal at a prompt).
 */
final class LineEditor implements Input {

  private static final String READER = "org.jline.reader.";

  private final Object reader;
  private final Method readLine;
  private final Method printAbove;
  private final Class<?> userInterrupt;
  private final Class<?> endOfFile;
  private final Method terminalOf;
  private final Method widthOf;
  private final Method saveHistory;
  private final Optional<HistoryFile> historyFile;

  private LineEditor(Object reader, ClassLoader jline, Optional<HistoryFile> historyFile)
      throws ReflectiveOperationException {
    this.reader = reader;
    this.historyFile = historyFile;
    Class<?> lineReader = jline.loadClass(READER + "LineReader");
    this.readLine = lineReader.getMethod("readLine", String.class);
    this.printAbove = lineReader.getMethod("printAbove", String.class);
    this.userInterrupt = jline.loadClass(READER + "UserInterruptException");
    this.endOfFile = jline.loadClass(READER + "EndOfFileException");
    this.terminalOf = lineReader.getMethod("getTerminal");
    this.widthOf = jline.loadClass("org.jline.terminal.Terminal").getMethod("getWidth");
    this.saveHistory = lineReader.getMethod("getHistory").getReturnType().getMethod("save");
  }

  /**
   * A line editor on this JVM's terminal.
   *
   * @param classPath JLine's jars, separated by the path separator
   * @param history the history file, or empty to keep history for this run only
   * @param commandNames the names that a command word being typed may complete to, given what
   *     has been typed of it ({@link Commands#complete})
   * @param notice prints a one-line notice for the user (a history file that cannot be used)
   * @return the editor, or empty (and why, in the log) if JLine cannot be loaded or finds no
   *     terminal
   */
  static Optional<Input> load(
      String classPath,
      Optional<Path> history,
      Function<String, List<String>> commandNames,
      Consumer<String> notice) {
    try {
      ClassLoader jline = loader(classPath);
      // JLine finds its terminal providers through the context class loader.
      Thread thread = Thread.currentThread();
      ClassLoader context = thread.getContextClassLoader();
      thread.setContextClassLoader(jline);
      try {
        return Optional.of(build(jline, systemTerminal(jline), history, commandNames, notice));
      } finally {
        thread.setContextClassLoader(context);
      }
    } catch (InvocationTargetException e) {
      logger().log(Level.DEBUG, "JLine found no terminal; using the plain reader", e.getCause());
    } catch (ReflectiveOperationException | MalformedURLException | RuntimeException
        | LinkageError e) {
      logger()
          .log(Level.WARNING, "cannot load JLine from " + classPath + "; using the plain reader", e);
    }
    return Optional.empty();
  }

  /**
   * JLine's own class loader, whose parent is the platform class loader: JLine's classes are
   * seen only through it, never through the program's class path.
   *
   * @param classPath JLine's jars, separated by the path separator
   * @return the loader
   * @throws MalformedURLException if an entry is not a path
   */
  static ClassLoader loader(String classPath) throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        urls.add(Path.of(entry.trim()).toUri().toURL());
      }
    }
    return new URLClassLoader(
        "hotrestart-console", urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
  }

  private static Object systemTerminal(ClassLoader jline) throws ReflectiveOperationException {
    Class<?> terminalBuilder = jline.loadClass("org.jline.terminal.TerminalBuilder");
    Object builder = terminalBuilder.getMethod("builder").invoke(null);
    terminalBuilder.getMethod("system", boolean.class).invoke(builder, true);
    terminalBuilder.getMethod("nativeSignals", boolean.class).invoke(builder, false);
    // The exec provider runs stty for the terminal's modes and size. The others load native
    // code: JLine's JNI library, copied to java.io.tmpdir (left behind when the JVM is killed,
    // two warnings at the prompt when tmpdir is read-only or full, and JDK 24+ warns about
    // System.load), or the FFM API (JDK 22+ warns about restricted methods).
    terminalBuilder.getMethod("provider", String.class).invoke(builder, "exec");
    // JLine's readLine installs a SIGINT handler of its own while it reads and, when it returns,
    // installs the terminal's default: with SIG_DFL that is the OS default, which ends the JVM
    // at the next Ctrl-C, until the session puts its handler back (CtrlCWatch.setReading). With
    // SIG_IGN it is a handler that ignores the signal, so that short gap cannot end the program.
    Class<?> signalHandler = jline.loadClass("org.jline.terminal.Terminal$SignalHandler");
    terminalBuilder
        .getMethod("signalHandler", signalHandler)
        .invoke(builder, signalHandler.getField("SIG_IGN").get(null));
    // No dumb fallback: without a real terminal the plain reader does better.
    terminalBuilder.getMethod("dumb", boolean.class).invoke(builder, false);
    return terminalBuilder.getMethod("build").invoke(builder);
  }

  /**
   * A line editor on a JLine terminal.
   *
   * @param jline JLine's class loader ({@link #loader})
   * @param terminal an {@code org.jline.terminal.Terminal} of that loader
   * @param history the history file, or empty to keep history for this run only
   * @param commandNames the names that a command word being typed may complete to
   * @param notice prints a one-line notice for the user (a history file that cannot be used)
   * @return the editor
   * @throws ReflectiveOperationException if this JLine lacks a method used here
   */
  static LineEditor build(
      ClassLoader jline,
      Object terminal,
      Optional<Path> history,
      Function<String, List<String>> commandNames,
      Consumer<String> notice)
      throws ReflectiveOperationException {
    Class<?> readerBuilder = jline.loadClass(READER + "LineReaderBuilder");
    Object readerBuilt = readerBuilder.getMethod("builder").invoke(null);
    readerBuilder
        .getMethod("terminal", jline.loadClass("org.jline.terminal.Terminal"))
        .invoke(readerBuilt, terminal);
    readerBuilder.getMethod("appName", String.class).invoke(readerBuilt, "hotrestart");
    // The line reaches the debugger as typed: without this, JLine expands history events
    // ("!!", "!$") and drops one level of backslashes ("a\\b" became "ab"), which changes
    // the value of a Java expression without a word.
    readerBuilder
        .getMethod("option", jline.loadClass(READER + "LineReader$Option"), boolean.class)
        .invoke(readerBuilt, option(jline, "DISABLE_EVENT_EXPANSION"), true);
    Optional<Path> historyFile = history.filter(file -> HistoryFile.prepare(file, notice));
    if (historyFile.isPresent()) {
      readerBuilder
          .getMethod("variable", String.class, Object.class)
          .invoke(readerBuilt, "history-file", historyFile.get());
    }
    // JLine saves the history after each line itself, and logs a stack trace each time it
    // cannot; read() saves it instead, and says so once.
    readerBuilder
        .getMethod("option", jline.loadClass(READER + "LineReader$Option"), boolean.class)
        .invoke(readerBuilt, option(jline, "HISTORY_INCREMENTAL"), false);
    Class<?> completer = jline.loadClass(READER + "Completer");
    readerBuilder
        .getMethod("completer", completer)
        .invoke(readerBuilt, completer(jline, completer, commandNames));
    Object reader = readerBuilder.getMethod("build").invoke(readerBuilt);
    insertTypedAheadAtOnce(jline, reader);
    readCtrlCAsAKey(jline, reader, terminal);
    return new LineEditor(reader, jline, historyFile.map(file -> new HistoryFile(file, notice)));
  }

  /**
   * Makes each typed character also insert the text characters already typed after it, before
   * JLine redraws the line. JLine redraws the whole line after every key, which costs time in
   * proportion to its length: a 100 KB line typed (or pasted by a terminal without bracketed
   * paste) took 469 s at full CPU, quadratic. Characters that are waiting to be read are inserted
   * together, with one redraw; a person typing sees no difference.
   */
  private static void insertTypedAheadAtOnce(ClassLoader jline, Object reader)
      throws ReflectiveOperationException {
    Class<?> lineReader = jline.loadClass(READER + "LineReader");
    Class<?> widget = jline.loadClass(READER + "Widget");
    Method apply = widget.getMethod("apply");
    Map<?, ?> widgets = (Map<?, ?>) lineReader.getMethod("getWidgets").invoke(reader);
    Object selfInsert = widgets.get("self-insert");
    Method peek = reader.getClass().getMethod("peekCharacter", long.class);
    Method read = reader.getClass().getMethod("readCharacter");
    Method insert = reader.getClass().getMethod("putString", CharSequence.class);
    putWidget(
        widgets,
        "self-insert",
        widget(
            jline,
            widget,
            "hotrestart self-insert of the characters typed ahead",
            () -> {
              boolean inserted = (boolean) apply.invoke(selfInsert);
              try {
                StringBuilder ahead = new StringBuilder();
                // peek waits 1 ms at most: -2 when nothing waits, -1 at the end of input
                while (isText((int) peek.invoke(reader, 1L))) {
                  ahead.appendCodePoint((int) read.invoke(reader));
                }
                insert.invoke(reader, ahead);
              } catch (ReflectiveOperationException | RuntimeException e) {
                // A throw here would end JLine's readLine, and with it the prompt.
                logger().log(Level.DEBUG, "cannot insert the characters typed ahead", e);
              }
              return inserted;
            }));
  }

  /**
   * Makes Ctrl-C a key while JLine reads, rather than a signal. JLine's own way (a SIGINT that
   * interrupts the reading thread) depends on the thread being in an interruptible wait; with
   * the exec provider it sometimes is not: the soak caught the prompt blocked in the terminal's
   * native read, where an interrupt never arrives, and Ctrl-C then did nothing at all. A key
   * always ends such a read. So once JLine has put the terminal in raw mode, the widget JLine
   * calls at that point clears the terminal's ISIG flag (JLine restores the attributes it saved
   * when the read ends), and the Ctrl-C key, in every key map, ends the read as JLine's
   * interrupt does. Ctrl-\ and Ctrl-Z are keys too while the prompt waits, which they are in
   * any line editor that reads raw.
   */
  private static void readCtrlCAsAKey(ClassLoader jline, Object reader, Object terminal)
      throws ReflectiveOperationException {
    Class<?> lineReader = jline.loadClass(READER + "LineReader");
    Class<?> widget = jline.loadClass(READER + "Widget");
    Class<?> terminalType = jline.loadClass("org.jline.terminal.Terminal");
    Class<?> attributes = jline.loadClass("org.jline.terminal.Attributes");
    Class<?> localFlag = jline.loadClass("org.jline.terminal.Attributes$LocalFlag");
    Method getAttributes = terminalType.getMethod("getAttributes");
    Method setAttributes = terminalType.getMethod("setAttributes", attributes);
    Method setLocalFlag = attributes.getMethod("setLocalFlag", localFlag, boolean.class);
    Object isig = enumConstant(localFlag, "ISIG");
    Map<?, ?> widgets = (Map<?, ?>) lineReader.getMethod("getWidgets").invoke(reader);
    putWidget(
        widgets,
        (String) lineReader.getField("CALLBACK_INIT").get(null),
        widget(
            jline,
            widget,
            "hotrestart: Ctrl-C is a key while the prompt reads",
            () -> {
              try {
                Object now = getAttributes.invoke(terminal);
                setLocalFlag.invoke(now, isig, false);
                setAttributes.invoke(terminal, now);
              } catch (ReflectiveOperationException | RuntimeException e) {
                // Ctrl-C then stays a signal, which JLine's interrupt handles most of the time.
                logger().log(Level.DEBUG, "cannot make Ctrl-C a key at the prompt", e);
              }
              return true;
            }));
    String ctrlCWidget = "hotrestart-ctrl-c";
    putWidget(
        widgets,
        ctrlCWidget,
        widget(
            jline,
            widget,
            "hotrestart: Ctrl-C ends the read",
            () -> {
              throw new CtrlCKey();
            }));
    Class<?> keyMap = jline.loadClass("org.jline.keymap.KeyMap");
    Method bind = keyMap.getMethod("bind", Object.class, CharSequence.class);
    Object reference = jline.loadClass(READER + "Reference").getConstructor(String.class)
        .newInstance(ctrlCWidget);
    Map<?, ?> keyMaps = (Map<?, ?>) lineReader.getMethod("getKeyMaps").invoke(reader);
    for (Object map : keyMaps.values()) {
      bind.invoke(map, reference, "\u0003");
    }
  }

  /** The Ctrl-C key at the prompt, thrown by its widget out of JLine's readLine. */
  private static final class CtrlCKey extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CtrlCKey() {
      super("Ctrl-C", null, false, false);
    }
  }

  /** What a widget does when its key is read: whether it succeeded (else JLine beeps). */
  @FunctionalInterface
  private interface WidgetAction {
    boolean apply() throws ReflectiveOperationException;
  }

  /** A JLine {@code Widget} named {@code name} that runs {@code action}. */
  private static Object widget(
      ClassLoader jline, Class<?> widget, String name, WidgetAction action) {
    InvocationHandler calls =
        (proxy, method, args) ->
            switch (method.getName()) {
              case "apply" -> action.apply();
              case "equals" -> proxy == args[0];
              case "hashCode" -> System.identityHashCode(proxy);
              case "toString" -> name;
              default -> throw new UnsupportedOperationException(method.toString());
            };
    return Proxy.newProxyInstance(jline, new Class<?>[] {widget}, calls);
  }

  @SuppressWarnings("unchecked") // JLine's Map<String, Widget>, whose value type is not ours
  private static void putWidget(Map<?, ?> widgets, String name, Object widget) {
    ((Map<String, Object>) widgets).put(name, widget);
  }

  /** Whether a character is one that a key inserts as itself (not a control key). */
  private static boolean isText(int character) {
    return character >= ' ' && character != 0x7f;
  }

  private static Object option(ClassLoader jline, String name) throws ReflectiveOperationException {
    return enumConstant(jline.loadClass(READER + "LineReader$Option"), name);
  }

  private static Object enumConstant(Class<?> type, String name) throws NoSuchFieldException {
    for (Object constant : type.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(name)) {
        return constant;
      }
    }
    throw new NoSuchFieldException(type.getName() + "." + name);
  }

  /**
   * A JLine {@code Completer} that offers command names for the first word of the line and
   * nothing after it (an expression is not completed from the command table). It is a {@link
   * Proxy} of JLine's interface, so that the runtime does not link against JLine.
   */
  private static Object completer(
      ClassLoader jline, Class<?> completer, Function<String, List<String>> commandNames)
      throws ReflectiveOperationException {
    Class<?> parsedLine = jline.loadClass(READER + "ParsedLine");
    Method wordIndex = parsedLine.getMethod("wordIndex");
    Method word = parsedLine.getMethod("word");
    Method wordCursor = parsedLine.getMethod("wordCursor");
    Constructor<?> candidate = jline.loadClass(READER + "Candidate").getConstructor(String.class);
    InvocationHandler calls =
        (proxy, method, args) ->
            switch (method.getName()) {
              case "complete" -> {
                // complete(LineReader reader, ParsedLine line, List<Candidate> candidates)
                try {
                  if ((int) wordIndex.invoke(args[1]) == 0) {
                    String typed = (String) word.invoke(args[1]);
                    String prefix = typed.substring(0, (int) wordCursor.invoke(args[1]));
                    List<Object> offered = candidates(args[2]);
                    for (String name : commandNames.apply(prefix)) {
                      offered.add(candidate.newInstance(name));
                    }
                  }
                } catch (ReflectiveOperationException | RuntimeException e) {
                  // A throw here would end JLine's readLine, and with it the prompt.
                  logger().log(Level.DEBUG, "cannot complete; offering nothing", e);
                }
                yield null;
              }
              case "equals" -> proxy == args[0];
              case "hashCode" -> System.identityHashCode(proxy);
              case "toString" -> "hotrestart command name completer";
              default -> throw new UnsupportedOperationException(method.toString());
            };
    return Proxy.newProxyInstance(jline, new Class<?>[] {completer}, calls);
  }

  @SuppressWarnings("unchecked") // JLine's List<Candidate>, whose element type is not ours
  private static List<Object> candidates(Object list) {
    return (List<Object>) list;
  }

  @Override
  public Line read(String prompt) throws IOException {
    try {
      String line = (String) readLine.invoke(reader, prompt);
      historyFile.ifPresent(file -> file.save(() -> saveHistory.invoke(historyOf(reader))));
      return new Line(line, false);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (userInterrupt.isInstance(cause) || cause instanceof CtrlCKey) {
        throw new CtrlC();
      }
      if (endOfFile.isInstance(cause)) {
        return null;
      }
      throw new IOException("the line editor failed: " + cause, cause);
    } catch (IllegalAccessException e) {
      throw new IOException("the line editor failed: " + e, e);
    }
  }

  private static Object historyOf(Object reader) throws ReflectiveOperationException {
    return reader.getClass().getMethod("getHistory").invoke(reader);
  }

  @Override
  public boolean drawsPrompt() {
    return true;
  }

  @Override
  public boolean printAbove(String text) {
    try {
      printAbove.invoke(reader, text);
      return true;
    } catch (ReflectiveOperationException e) {
      logger().log(Level.DEBUG, "printAbove failed; printing below the prompt", e);
      return false;
    }
  }

  @Override
  public int width() {
    try {
      return (int) widthOf.invoke(terminalOf.invoke(reader));
    } catch (ReflectiveOperationException | RuntimeException e) {
      logger().log(Level.DEBUG, "cannot read the terminal's width", e);
      return 0;
    }
  }

  private static System.Logger logger() {
    return System.getLogger(LineEditor.class.getName());
  }
}
