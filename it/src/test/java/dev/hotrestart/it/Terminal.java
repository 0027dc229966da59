package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command running on a real terminal, driven as a person would: {@code script} gives it a
 * pseudo-terminal (so {@code System.console()} is non-null and input echoes), this class types
 * lines into it and reads the screen's text as it comes.
 */
final class Terminal implements AutoCloseable {

  /** Control sequences (CSI, such as colours) and the keypad mode switches a line editor sends. */
  private static final Pattern ANSI = Pattern.compile("\u001B(\\[[0-9;?]*[A-Za-z]|[=>])");

  private final Process process;
  private final OutputStream keyboard;
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private final Thread reader;
  private int consumed;

  private Terminal(Process process) {
    this.process = process;
    this.keyboard = process.getOutputStream();
    InputStream output = process.getInputStream();
    this.reader =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try {
                for (int n; (n = output.read(buffer)) >= 0; ) {
                  synchronized (screen) {
                    screen.write(buffer, 0, n);
                    screen.notifyAll();
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
              synchronized (screen) {
                screen.notifyAll();
              }
            },
            "terminal-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Runs {@code command} (a shell command line) in {@code directory} on a pseudo-terminal of type
   * {@code dumb}, without colours: the plain reader, and text as it is.
   */
  static Terminal start(Path directory, String command) throws IOException {
    return start(directory, command, "dumb", true, Map.of());
  }

  /** Like {@link #start(Path, String)}, with extra environment variables. */
  static Terminal start(Path directory, String command, Map<String, String> environment)
      throws IOException {
    return start(directory, command, "dumb", true, environment);
  }

  /**
   * Runs {@code command} on a pseudo-terminal of type {@code term}, 120 by 40 (a pseudo-terminal
   * starts with no size, and a line editor needs one).
   *
   * @param noColor whether to set {@code NO_COLOR}
   */
  static Terminal start(Path directory, String command, String term, boolean noColor)
      throws IOException {
    return start(directory, command, term, noColor, Map.of());
  }

  /** Like {@link #start(Path, String, String, boolean)}, with extra environment variables. */
  static Terminal start(
      Path directory, String command, String term, boolean noColor, Map<String, String> environment)
      throws IOException {
    // Ctrl-C goes to the whole foreground group, this shell included. A person's interactive
    // shell survives it; a plain sh -c (dash, when SHELL is unset, as on CI) would die before
    // the lines after the command run, so the shell traps it and carries on.
    ProcessBuilder builder =
        new ProcessBuilder(
                "script", "-qfec", "trap : INT; stty cols 120 rows 40; " + command, "/dev/null")
            .directory(directory.toFile())
            .redirectErrorStream(true);
    builder.environment().put("TERM", term);
    if (noColor) {
      builder.environment().put("NO_COLOR", "1");
    } else {
      builder.environment().remove("NO_COLOR");
    }
    builder.environment().remove("MAVEN_OPTS");
    builder.environment().putAll(environment);
    return new Terminal(builder.start());
  }

  /** Runs {@code command} with no terminal at all: stdin and stdout are pipes. */
  static Terminal startWithoutTerminal(Path directory, List<String> command) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    builder.environment().remove("MAVEN_OPTS");
    return new Terminal(builder.start());
  }

  /** Everything printed so far, exactly as the terminal got it. */
  String raw() {
    synchronized (screen) {
      return screen.toString(StandardCharsets.UTF_8);
    }
  }

  /** Everything printed so far, with CRLF folded and escape sequences removed. */
  String text() {
    synchronized (screen) {
      return clean(screen.toString(StandardCharsets.UTF_8));
    }
  }

  private static String clean(String raw) {
    return ANSI.matcher(raw.replace("\r\n", "\n").replace("\r", "")).replaceAll("");
  }

  /**
   * Waits until {@code regex} appears in output not yet consumed, and returns the output up to
   * the end of the match; later waits look only after it.
   */
  String expect(String regex, Duration timeout) {
    Pattern pattern = Pattern.compile(regex);
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (screen) {
      while (true) {
        String all = clean(screen.toString(StandardCharsets.UTF_8));
        Matcher matcher = pattern.matcher(all);
        if (matcher.find(Math.min(consumed, all.length()))) {
          String seen = all.substring(Math.min(consumed, all.length()), matcher.end());
          consumed = matcher.end();
          return seen;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
          fail(
              "expected /"
                  + regex
                  + "/ on the terminal within "
                  + timeout.toSeconds()
                  + " s; "
                  + (process.isAlive() ? "still running" : "the process ended")
                  + ". Output after the last match:\n"
                  + all.substring(Math.min(consumed, all.length())));
        }
        try {
          screen.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          fail("interrupted");
        }
      }
    }
  }

  /** Waits for the debugger's prompt and returns what was printed before it. */
  String prompt() {
    return expect("\\(hotrestart\\) ", Duration.ofSeconds(120));
  }

  /** Types a line, as if followed by Enter. */
  void type(String line) throws IOException {
    keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
  }

  /** Types raw characters, such as Ctrl-D ({@code \u0004}). */
  void press(String keys) throws IOException {
    keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
  }

  /** The processes the command started, such as Maven and the program's JVM. */
  java.util.stream.Stream<ProcessHandle> descendants() {
    return process.descendants();
  }

  /** Waits for the command to end and returns its exit status. */
  int exitCode(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      String text = text();
      close();
      fail("still running after " + timeout.toSeconds() + " s; output:\n" + text);
    }
    reader.join(5_000);
    return process.exitValue();
  }

  /** The output after the last {@link #expect} match. */
  String rest() {
    String all = text();
    return all.substring(Math.min(consumed, all.length()));
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
