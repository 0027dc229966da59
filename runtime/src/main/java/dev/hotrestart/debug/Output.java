package dev.hotrestart.debug;

import java.io.PrintWriter;

/**
 * Where one session prints, in its colours: plain lines, {@code ***} errors, and the debugger's
 * own failures. Every owner of a session's state prints through it, so that an error looks the
 * same whichever command reports it.
 */
final class Output {

  /**
   * The logger of the debugger's own failures. Named after the session class, not this one: the
   * message at the prompt tells the user to look for that name.
   */
  private static final System.Logger LOG = System.getLogger(Debugger.class.getName());

  private final PrintWriter out;
  private final Style style;

  /**
   * An output.
   *
   * @param out the writer; flushed by the session after each command
   * @param style the colours
   */
  Output(PrintWriter out, Style style) {
    this.out = out;
    this.style = style;
  }

  /** The writer, for text that is printed whole ({@code print}) or by the JDK (a stack trace). */
  PrintWriter writer() {
    return out;
  }

  /** The colours. */
  Style style() {
    return style;
  }

  /**
   * Prints a line.
   *
   * @param line the line
   */
  void println(String line) {
    out.println(line);
  }

  /**
   * Prints an error message: {@code *** message}, in the error colour.
   *
   * @param message the message
   */
  void error(String message) {
    out.println(style.error("*** " + message));
  }

  /**
   * Reports a failure of the debugger itself, and carries on.
   *
   * @param e what it threw
   */
  void internalError(Throwable e) {
    out.println(
        "hotrestart: internal error: " + e + " (the stack trace is logged as " + LOG.getName()
            + ")");
    out.flush();
    LOG.log(System.Logger.Level.ERROR, "internal error in the debugger; the prompt goes on", e);
  }
}
