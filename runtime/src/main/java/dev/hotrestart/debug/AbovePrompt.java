package dev.hotrestart.debug;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The program's own output while a line editor waits for a command. Threads that did not crash
 * keep running at the prompt, and what they print would land after the prompt and the half-typed
 * line, then scroll them away. For the duration of one read, {@link System#out} and {@link
 * System#err} are streams that hand each complete line to the line editor, which prints it above
 * the prompt and draws the prompt and the line being typed again below it.
 *
 * <p>Only writes made through {@code System.out} and {@code System.err} as they are at the time
 * of the write are moved: a stream a program kept from before the prompt (a {@code
 * java.util.logging.ConsoleHandler} keeps {@code System.err} from its creation) prints where it
 * always did. A line not yet ended when the read ends is printed then, to the real stream.
 */
final class AbovePrompt implements AutoCloseable {

  private final PrintStream out;
  private final PrintStream err;
  private final Lines outLines;
  private final Lines errLines;

  private AbovePrompt(Input editor) {
    this.out = System.out;
    this.err = System.err;
    this.outLines = new Lines(editor, out);
    this.errLines = new Lines(editor, err);
  }

  /**
   * Moves the program's lines above {@code editor}'s prompt until {@link #close}.
   *
   * @param editor an input that {@link Input#drawsPrompt() draws its prompt}
   * @return the handle that puts the real streams back
   */
  static AbovePrompt during(Input editor) {
    AbovePrompt above = new AbovePrompt(editor);
    System.setOut(new PrintStream(above.outLines, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(above.errLines, true, StandardCharsets.UTF_8));
    return above;
  }

  /** Puts the real streams back and prints there what was left of an unfinished line. */
  @Override
  public void close() {
    System.setOut(out);
    System.setErr(err);
    outLines.close();
    errLines.close();
  }

  /**
   * Bytes cut into lines, each printed above the prompt once complete. After {@link #close},
   * bytes go straight to the real stream: a thread may still hold this stream from before.
   */
  private static final class Lines extends OutputStream {

    private final Input editor;
    private final PrintStream real;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean closed;

    Lines(Input editor, PrintStream real) {
      this.editor = editor;
      this.real = real;
    }

    @Override
    public synchronized void write(int b) {
      if (closed) {
        real.write(b);
      } else if (b == '\n') {
        printAbove();
      } else {
        line.write(b);
      }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      if (closed) {
        real.write(bytes, offset, length);
        return;
      }
      for (int i = offset; i < offset + length; i++) {
        write(bytes[i]);
      }
    }

    @Override
    public synchronized void flush() {
      if (closed) {
        real.flush();
      }
    }

    private void printAbove() {
      String text = line.toString(StandardCharsets.UTF_8);
      if (text.endsWith("\r")) {
        text = text.substring(0, text.length() - 1);
      }
      line.reset();
      if (!editor.printAbove(text)) {
        real.println(text);
        real.flush();
      }
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        if (line.size() > 0) {
          real.print(line.toString(StandardCharsets.UTF_8));
          real.flush();
          line.reset();
        }
      }
    }
  }
}
