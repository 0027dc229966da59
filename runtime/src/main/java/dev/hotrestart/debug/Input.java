package dev.hotrestart.debug;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Where the debugger's commands come from: a script, the terminal, or a test's strings. One
 * {@code Input} may serve many prompts, so lines typed ahead are kept for the next one.
 */
interface Input {

  /**
   * One command line.
   *
   * @param text the line, without its line terminator
   * @param echo whether the debugger should print it after the prompt: a line from a script is
   *     not on the screen yet, a line typed at a terminal already is
   */
  record Line(String text, boolean echo) {}

  /**
   * Ctrl-C typed while a line was being read: the session raises. A line editor reads Ctrl-C as
   * a key (no SIGINT is sent while it reads), so it throws this itself; a plain reader is
   * interrupted by the session's SIGINT handler and throws an ordinary {@link
   * InterruptedIOException}.
   */
  final class CtrlC extends InterruptedIOException {
    private static final long serialVersionUID = 1L;

    /** The exception. */
    CtrlC() {
      super("Ctrl-C");
    }
  }

  /**
   * Waits for the next line. An input that {@link #drawsPrompt() draws the prompt} shows {@code
   * prompt} itself; any other ignores it, because the session has printed it already.
   *
   * @param prompt the prompt, possibly preceded by a thread label line
   * @return the line, or {@code null} at end of input
   * @throws InterruptedIOException if the reading thread was interrupted, or Ctrl-C was typed
   * @throws IOException if the input is broken
   */
  Line read(String prompt) throws IOException;

  /**
   * Whether {@link #read} shows the prompt itself (a line editor redraws it as the line changes).
   *
   * @return false unless the input is a line editor
   */
  default boolean drawsPrompt() {
    return false;
  }

  /**
   * Prints a line above a pending {@link #read}'s prompt and redraws the prompt, for inputs that
   * {@link #drawsPrompt() draw it}.
   *
   * @param text the line
   * @return whether it was printed; if not, the caller prints it and the prompt again
   */
  default boolean printAbove(String text) {
    return false;
  }

  /**
   * The width of the terminal this input reads from, in columns, where it knows it.
   *
   * @return the width, or 0 when unknown (only a line editor knows it)
   */
  default int width() {
    return 0;
  }

  /**
   * Fixed lines, as if typed at a terminal (not echoed); then end of input.
   *
   * @param lines the lines
   * @return an input that returns them in order
   */
  static Input of(String... lines) {
    return of(List.of(lines), false);
  }

  /**
   * Fixed lines; then end of input.
   *
   * @param lines the lines
   * @param echo whether the debugger echoes them (true for a commands file)
   * @return an input that returns them in order
   */
  static Input of(List<String> lines, boolean echo) {
    Deque<String> queue = new ArrayDeque<>(lines);
    return prompt -> {
      synchronized (queue) {
        String next = queue.poll();
        return next == null ? null : new Line(next, echo);
      }
    };
  }
}
