package dev.hotrestart.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.testing.LogCapture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line editor: JLine loaded from its jar into a class loader of its own, as in a program
 * under {@code mvn hotrestart:run}; without a usable JLine, the plain reader and a log line why.
 */
class LineEditorTest {

  @Test
  void aClassPathWithoutJLineGivesNoEditorAndAWarning(@TempDir Path empty) {
    List<String> notices = new ArrayList<>();
    Optional<Input> editor;
    List<LogRecord> logged;
    try (LogCapture log = LogCapture.of("dev.hotrestart.debug")) {
      editor =
          LineEditor.load(
              empty.toString(), Optional.empty(), Commands.standard()::complete, notices::add);
      logged = log.records();
    }
    assertEquals(Optional.empty(), editor);
    assertEquals(1, logged.size(), logged::toString);
    assertEquals(Level.WARNING, logged.get(0).getLevel());
    assertTrue(logged.get(0).getMessage().startsWith("cannot load JLine from " + empty));
    assertEquals(List.of(), notices);
  }

  /** The history holds every command, data included: only its owner may read it. */
  @Test
  void theHistoryFileIsCreatedForItsOwnerOnlyAndAnOpenOneIsTightened(@TempDir Path home)
      throws Exception {
    Path created = home.resolve("created");
    Typed typed = type(Optional.of(created), "w\n", "p secret()\n");
    assertEquals(List.of(), typed.notices());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(created)));
    List<String> saved = Files.readAllLines(created);
    assertTrue(saved.get(saved.size() - 1).endsWith("p secret()"), saved.toString());

    Path open = Files.writeString(home.resolve("open"), "");
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
    assertEquals(List.of(), type(Optional.of(open), "w\n").notices());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(open)));
  }

  /**
   * A history file that cannot be written is said once, in one line, whether it cannot be
   * created or a save fails later; the prompt reads on.
   */
  @Test
  void aHistoryFileThatCannotBeWrittenIsSaidOnceInOneLine(@TempDir Path home) throws Exception {
    Path underAFile = Files.writeString(home.resolve("file"), "").resolve("history");
    Typed typed = type(Optional.of(underAFile), "w\n", "a\n");
    assertEquals(List.of("w", "a"), typed.lines());
    assertEquals(1, typed.notices().size(), typed.notices()::toString);
    assertTrue(
        typed.notices().get(0).startsWith("hotrestart: cannot use the history file " + underAFile),
        typed.notices()::toString);
    assertFalse(typed.notices().get(0).contains("\n"), typed.notices()::toString);

    Path history = home.resolve("history");
    Typed failing =
        type(
            Optional.of(history),
            () -> {
              // the file becomes a directory once JLine read it: every save fails
              Files.delete(history);
              Files.createDirectory(history);
            },
            "w\n", "a\n", "l\n");
    assertEquals(List.of("w", "a", "l"), failing.lines());
    assertEquals(1, failing.notices().size(), failing.notices()::toString);
    assertTrue(
        failing.notices().get(0).startsWith("hotrestart: cannot use the history file " + history),
        failing.notices()::toString);
  }

  /**
   * Tab at the prompt, through JLine's own line reader: a unique prefix completes to the command
   * and a space, an ambiguous one lists the table's names, and words after the command (an
   * expression of {@code p}) are not completed from the table.
   */
  @Test
  void tabCompletesCommandNamesFromTheTable() throws Exception {
    Typed typed = type("li\t\n", "lon\t\n", "whe\t\n", "pp\t\n", "l\t\n", "p li\t\n");
    assertEquals(List.of("list ", "longlist ", "where ", "pp ", "l", "p li"), typed.lines());
    String screen = typed.screen().replaceAll("\u001B(\\[[0-9;?]*)?[A-Za-z=>]", "");
    assertTrue(
        screen.matches("(?s).*\\(hotrestart\\) l\\s+l +list +ll +locals +longlist\\s.*"), screen);
  }

  /**
   * The line reaches the evaluator as typed: JLine's history expansion ({@code !!}) and its
   * backslash handling would change the value of a Java expression.
   */
  @Test
  void theLineIsReadExactlyAsTyped() throws Exception {
    List<String> typed =
        List.of(
            "p \"a\\\\b\".length()",
            "p \"x!!y\"",
            "p \"!$\" + '\\\\'",
            "p \"\\n\\t\\\"\" + \"\\u0041\"",
            "p \"unclosed");
    Typed read = type(typed.stream().map(line -> line + "\n").toArray(String[]::new));
    assertEquals(typed, read.lines());
  }

  /**
   * While the editor reads, the terminal's ISIG flag is off and Ctrl-C arrives as a key, which
   * ends the read as {@link Input.CtrlC}: a key wakes a read that a signal's interrupt cannot
   * reach. When the read ends the flag is on again, so Ctrl-C during a command is a signal, and
   * the next read works.
   */
  @Test
  void ctrlCIsAKeyWhileTheEditorReadsAndASignalOtherwise() throws Exception {
    ClassLoader jline = LineEditor.loader(jlineClassPath());
    java.io.PipedOutputStream keyboard = new java.io.PipedOutputStream();
    InputStream in = new java.io.PipedInputStream(keyboard);
    Object terminal = terminal(jline, in, new ByteArrayOutputStream());
    try {
      LineEditor editor =
          LineEditor.build(jline, terminal, Optional.empty(), Commands.standard()::complete, notices -> {});
      assertTrue(isig(terminal), "a terminal starts with ISIG on");
      java.util.concurrent.CompletableFuture<Object> read =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try {
                  return editor.read(Debugger.PROMPT);
                } catch (IOException e) {
                  return e;
                }
              });
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
      while (isig(terminal)) {
        assertTrue(System.nanoTime() < deadline, "ISIG still on while the editor reads");
        Thread.sleep(5);
      }
      keyboard.write(3); // Ctrl-C
      keyboard.flush();
      Object ended = read.get(20, java.util.concurrent.TimeUnit.SECONDS);
      assertTrue(ended instanceof Input.CtrlC, String.valueOf(ended));
      assertTrue(isig(terminal), "ISIG back on once the read ended");

      keyboard.write("w\r".getBytes(StandardCharsets.UTF_8));
      keyboard.flush();
      assertEquals("w", editor.read(Debugger.PROMPT).text());
    } finally {
      keyboard.close();
      terminal.getClass().getMethod("close").invoke(terminal);
    }
  }

  private static boolean isig(Object terminal) throws ReflectiveOperationException {
    ClassLoader jline = terminal.getClass().getClassLoader();
    Object attributes = terminal.getClass().getMethod("getAttributes").invoke(terminal);
    Class<?> localFlag = jline.loadClass("org.jline.terminal.Attributes$LocalFlag");
    @SuppressWarnings({"unchecked", "rawtypes"})
    Object isig = Enum.valueOf((Class) localFlag, "ISIG");
    return (boolean)
        attributes.getClass().getMethod("getLocalFlag", localFlag).invoke(attributes, isig);
  }

  /**
   * What a line editor on a terminal of streams read, and what the terminal showed.
   *
   * @param lines the lines read, one per line typed
   * @param screen what was written to the terminal
   */
  private record Typed(List<String> lines, String screen, List<String> notices) {}

  /** Something done to the files after the line editor read its first line. */
  @FunctionalInterface
  private interface Change {
    void run() throws IOException;
  }

  /** Types {@code lines} into a line editor on JLine loaded as a program loads it. */
  private static Typed type(String... lines) throws Exception {
    return type(Optional.empty(), () -> {}, lines);
  }

  private static Typed type(Optional<Path> history, String... lines) throws Exception {
    return type(history, () -> {}, lines);
  }

  private static Typed type(Optional<Path> history, Change afterFirstLine, String... lines)
      throws Exception {
    ClassLoader jline = LineEditor.loader(jlineClassPath());
    CountDownLatch done = new CountDownLatch(1);
    InputStream in = keys(String.join("", lines), done);
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    Object terminal = terminal(jline, in, screen);
    List<String> read = new ArrayList<>();
    List<String> notices = new ArrayList<>();
    try {
      LineEditor editor =
          LineEditor.build(jline, terminal, history, Commands.standard()::complete, notices::add);
      for (int i = 0; i < lines.length; i++) {
        Input.Line line = editor.read(Debugger.PROMPT);
        read.add(line == null ? null : line.text());
        if (i == 0) {
          afterFirstLine.run();
        }
      }
    } finally {
      done.countDown();
      terminal.getClass().getMethod("close").invoke(terminal);
    }
    return new Typed(read, screen.toString(StandardCharsets.UTF_8), notices);
  }

  private static String jlineClassPath() {
    String classPath = System.getProperty("hotrestart.test.jline", "");
    assertTrue(
        Files.isRegularFile(Path.of(classPath)),
        "the build passes JLine's jar as -Dhotrestart.test.jline (run the test phase): "
            + classPath);
    return classPath;
  }

  /** Keystrokes, then nothing until {@code done}: a terminal's input does not end by itself. */
  private static InputStream keys(String typed, CountDownLatch done) {
    return new SequenceInputStream(
        new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
        new InputStream() {
          @Override
          public int read() throws IOException {
            try {
              done.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new InterruptedIOException("the test ended");
            }
            return -1;
          }
        });
  }

  /** A JLine terminal of {@code jline}'s loader on streams, as a test's keyboard and screen. */
  private static Object terminal(ClassLoader jline, InputStream in, OutputStream out)
      throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader context = thread.getContextClassLoader();
    thread.setContextClassLoader(jline);
    try {
      Class<?> builderType = jline.loadClass("org.jline.terminal.TerminalBuilder");
      Object builder = builderType.getMethod("builder").invoke(null);
      builderType.getMethod("system", boolean.class).invoke(builder, false);
      builderType
          .getMethod("streams", InputStream.class, OutputStream.class)
          .invoke(builder, in, out);
      builderType.getMethod("type", String.class).invoke(builder, "xterm");
      // JLine's pure Java terminal on the streams, rather than a pseudo-terminal around them.
      builderType.getMethod("provider", String.class).invoke(builder, "exec");
      Object terminal = builderType.getMethod("build").invoke(builder);
      assertEquals("hotrestart-console", terminal.getClass().getClassLoader().getName());
      return terminal;
    } finally {
      thread.setContextClassLoader(context);
    }
  }
}
