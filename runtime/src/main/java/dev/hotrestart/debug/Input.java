package dev.hotrestart.debug;

import java.io.BufferedReader;
import java.io.IOException;
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
   * Waits for the next line.
   *
   * @return the line, or {@code null} at end of input
   * @throws IOException if the input is broken
   */
  Line read() throws IOException;

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
    return () -> {
      synchronized (queue) {
        String next = queue.poll();
        return next == null ? null : new Line(next, echo);
      }
    };
  }

  /**
   * Lines from a reader, not echoed.
   *
   * @param reader the reader; shared, never closed here
   * @return an input over it
   */
  static Input of(BufferedReader reader) {
    return () -> {
      String line = reader.readLine();
      return line == null ? null : new Line(line, false);
    };
  }

  /**
   * This input's lines, then {@code next}'s: a commands file, then the terminal.
   *
   * @param next where to read once this input has ended
   * @return the concatenation
   */
  default Input then(Input next) {
    Input first = this;
    return new Input() {
      private boolean firstEnded;

      @Override
      public synchronized Line read() throws IOException {
        if (!firstEnded) {
          Line line = first.read();
          if (line != null) {
            return line;
          }
          firstEnded = true;
        }
        return next.read();
      }
    };
  }
}
