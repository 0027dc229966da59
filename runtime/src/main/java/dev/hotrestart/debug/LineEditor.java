package dev.hotrestart.debug;

import java.io.File;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Line editing and history at the prompt, by JLine, which the runtime neither depends on nor
 * links against: {@code mvn hotrestart:run} passes the path of the JLine jar it resolved as
 * {@code -Dhotrestart.consoleClassPath}, and JLine is loaded from there into a class loader of
 * its own, whose parent is the platform class loader. So the runtime stays JDK-only, and a JLine
 * on the program's class path (any version) is neither seen nor disturbed.
 *
 * <p>The few calls needed (build a terminal and a reader, read a line, print above it) are made
 * by reflection: they have been stable across JLine 3. If anything fails, {@link #load} says why
 * in the log and the debugger uses the plain reader.
 *
 * <p>The terminal is built with {@code nativeSignals(false)}: while JLine reads, it turns the
 * terminal's signal keys off and reads Ctrl-C as a key ({@code UserInterruptException}), so it
 * needs no SIGINT handler of its own, and the session's handler rules the rest of the time. A
 * resized window still gets the line redrawn at its new width ({@code LineEditingIT} resizes the
 * terminal at a prompt).
 */
final class LineEditor implements Input {

  private final Object reader;
  private final Method readLine;
  private final Method printAbove;
  private final Class<?> userInterrupt;
  private final Class<?> endOfFile;

  private LineEditor(Object reader, ClassLoader jline) throws ReflectiveOperationException {
    this.reader = reader;
    Class<?> lineReader = jline.loadClass("org.jline.reader.LineReader");
    this.readLine = lineReader.getMethod("readLine", String.class);
    this.printAbove = lineReader.getMethod("printAbove", String.class);
    this.userInterrupt = jline.loadClass("org.jline.reader.UserInterruptException");
    this.endOfFile = jline.loadClass("org.jline.reader.EndOfFileException");
  }

  /**
   * A line editor on this JVM's terminal.
   *
   * @param classPath JLine's jars, separated by the path separator
   * @param history the history file, or empty to keep history for this run only
   * @return the editor, or empty (and why, in the log) if JLine cannot be loaded or finds no
   *     terminal
   */
  static Optional<Input> load(String classPath, Optional<Path> history) {
    try {
      List<URL> urls = new ArrayList<>();
      for (String entry : classPath.split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          urls.add(Path.of(entry.trim()).toUri().toURL());
        }
      }
      ClassLoader jline =
          new URLClassLoader(
              "hotrestart-console", urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
      // JLine finds its terminal providers through the context class loader.
      Thread thread = Thread.currentThread();
      ClassLoader context = thread.getContextClassLoader();
      thread.setContextClassLoader(jline);
      try {
        return Optional.of(build(jline, history));
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

  private static LineEditor build(ClassLoader jline, Optional<Path> history)
      throws ReflectiveOperationException {
    Class<?> terminalBuilder = jline.loadClass("org.jline.terminal.TerminalBuilder");
    Object builder = terminalBuilder.getMethod("builder").invoke(null);
    terminalBuilder.getMethod("system", boolean.class).invoke(builder, true);
    terminalBuilder.getMethod("nativeSignals", boolean.class).invoke(builder, false);
    // No dumb fallback: without a real terminal the plain reader does better.
    terminalBuilder.getMethod("dumb", boolean.class).invoke(builder, false);
    Object terminal = terminalBuilder.getMethod("build").invoke(builder);

    Class<?> readerBuilder = jline.loadClass("org.jline.reader.LineReaderBuilder");
    Object readerBuilt = readerBuilder.getMethod("builder").invoke(null);
    readerBuilder
        .getMethod("terminal", jline.loadClass("org.jline.terminal.Terminal"))
        .invoke(readerBuilt, terminal);
    readerBuilder.getMethod("appName", String.class).invoke(readerBuilt, "hotrestart");
    if (history.isPresent()) {
      readerBuilder
          .getMethod("variable", String.class, Object.class)
          .invoke(readerBuilt, "history-file", history.get());
    }
    Object reader = readerBuilder.getMethod("build").invoke(readerBuilt);
    return new LineEditor(reader, jline);
  }

  @Override
  public Line read(String prompt) throws IOException {
    try {
      return new Line((String) readLine.invoke(reader, prompt), false);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (userInterrupt.isInstance(cause)) {
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

  private static System.Logger logger() {
    return System.getLogger(LineEditor.class.getName());
  }
}
