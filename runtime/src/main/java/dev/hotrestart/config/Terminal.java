package dev.hotrestart.config;

import java.io.Console;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Whether this JVM talks to a person at a terminal. */
public final class Terminal {

  private Terminal() {}

  /** Whether standard input and standard output are both a terminal. */
  static boolean isAttached() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    // From JDK 22, System.console() is non-null even when redirected; isTerminal() tells.
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true; // JDK 17-21: a non-null console means stdin and stdout are a terminal
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  /**
   * Why no prompt opens on this JVM, as the end of a sentence: which of standard input and
   * standard output is not a terminal, where the JVM can tell (Linux's {@code /proc}). With
   * {@code mvn hotrestart:run | tee log} the keyboard is there but the prompt would go into a
   * pipe, and the user should be told that, not that no terminal is attached.
   *
   * @return the reason
   */
  public static String whyNotAttached() {
    Optional<Boolean> in = isTerminal(0);
    Optional<Boolean> out = isTerminal(1);
    if (in.orElse(false) && !out.orElse(true)) {
      return "standard output is not a terminal (piped, as to tee, or redirected), so the prompt"
          + " would not be seen";
    }
    if (out.orElse(false) && !in.orElse(true)) {
      return "standard input is not a terminal (piped or redirected)";
    }
    return "no terminal is attached";
  }

  /** Whether file descriptor {@code fd} of this process is a terminal, or empty if unknown. */
  private static Optional<Boolean> isTerminal(int fd) {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return Optional.of(target.startsWith("/dev/pts/") || target.startsWith("/dev/tty"));
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return Optional.empty(); // no /proc (macOS, Windows): say what is sure
    }
  }
}
