package dev.hotrestart.debug;

import dev.hotrestart.slot.Outcome;
import java.io.PrintWriter;
import java.util.function.IntConsumer;

/**
 * Ctrl-C while one session's prompt is open. The first Ctrl-C interrupts a pending read, or, while
 * a command runs, makes the session raise when the command ends; a second one within the same
 * session ends the program, as Ctrl-C does without hotrestart: the way out of a command that
 * hangs.
 *
 * <p>The count and the reading flag are shared with the thread that delivers Ctrl-C (the JVM's
 * signal thread), so they are guarded by one lock.
 */
final class CtrlCWatch {

  /** The exit status of a program ended by Ctrl-C, as a shell reports SIGINT (128 + 2). */
  static final int CTRL_C_STATUS = 130;

  private final PrintWriter out;
  private final IntConsumer exit;

  /** Guards {@link #count} and {@link #reading} against the signal thread. */
  private final Object lock = new Object();
  /** Ctrl-Cs since the prompt opened. */
  private int count;
  /** Whether the session's thread waits for a line (so that Ctrl-C may interrupt it). */
  private boolean reading;
  /** Whether a program the session started (the editor) has the terminal: Ctrl-C is its key. */
  private boolean childOwnsTerminal;
  /** Ctrl-Cs that came while {@link #childOwnsTerminal}. */
  private int childCtrlCs;
  private Thread sessionThread;
  /** The handler {@link #arm} installed, put back after each read. */
  private Interrupts.Armed armed = () -> {};

  /**
   * A watch for one session.
   *
   * @param out where the Ctrl-C notices go
   * @param exit ends the JVM with a status, on a second Ctrl-C
   */
  CtrlCWatch(PrintWriter out, IntConsumer exit) {
    this.out = out;
    this.exit = exit;
  }

  /**
   * Starts watching, for the session on the current thread.
   *
   * @param interrupts where Ctrl-C comes from
   * @return the handle that gives Ctrl-C its previous meaning back
   */
  Interrupts.Armed arm(Interrupts interrupts) {
    sessionThread = Thread.currentThread();
    armed = interrupts.arm(this::pressedNow);
    return armed;
  }

  /**
   * Marks whether the session waits for a line. Once it stops waiting, Ctrl-C no longer
   * interrupts it; an interrupt sent just before is cleared here, so that it cannot leak into a
   * command or into the program. When a read ends, the handler is installed again: a line
   * editor may have replaced it while it read (JLine leaves the default handler behind, and the
   * first Ctrl-C during the next command would end the program).
   *
   * @param now whether a read starts (true) or ended (false)
   */
  void setReading(boolean now) {
    if (!now) {
      armed.reinstall();
    }
    synchronized (lock) {
      reading = now;
      if (!now && count > 0) {
        Thread.interrupted();
      }
    }
  }

  /**
   * Marks whether a program the session runs in the terminal (the editor of {@code edit}) has it;
   * meanwhile Ctrl-C, which the terminal sends to that program and to this JVM alike, is that
   * program's and does not count here.
   *
   * @param now whether the program starts (true) or ended (false)
   */
  void childOwnsTerminal(boolean now) {
    synchronized (lock) {
      childOwnsTerminal = now;
      childCtrlCs = 0;
    }
  }

  /**
   * Gives the terminal back after a program that Ctrl-C ended: the same Ctrl-C reaches this JVM
   * too, through its signal thread, maybe after the program's end was seen; it is waited for (a
   * second at most), so that it does not count at the prompt.
   */
  void childEndedByCtrlC() {
    long deadline = System.nanoTime() + 1_000_000_000L;
    synchronized (lock) {
      try {
        while (childCtrlCs == 0 && System.nanoTime() < deadline) {
          lock.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    childOwnsTerminal(false);
  }

  /** Whether Ctrl-C was pressed since the prompt opened. */
  boolean pressed() {
    synchronized (lock) {
      return count > 0;
    }
  }

  /** Counts a Ctrl-C that a line editor read as a key: no SIGINT came for it. */
  void typedAtLineEditor() {
    synchronized (lock) {
      count = Math.max(count, 1);
    }
  }

  /**
   * Says that Ctrl-C raises the exception, for the session to return {@link Outcome#RAISE}.
   *
   * @param thrown the crash's exception
   * @return {@link Outcome#RAISE}
   */
  Outcome raise(Throwable thrown) {
    out.println();
    out.println("Ctrl-C: raising " + thrown.getClass().getName() + " to the caller");
    out.flush();
    return Outcome.RAISE;
  }

  /** One Ctrl-C, on the signal thread. */
  private void pressedNow() {
    int now;
    boolean wasReading;
    synchronized (lock) {
      if (childOwnsTerminal) {
        childCtrlCs++;
        lock.notifyAll();
        return;
      }
      now = ++count;
      wasReading = reading;
      if (now == 1 && wasReading) {
        sessionThread.interrupt();
      }
    }
    if (now > 1) {
      out.println();
      out.println("hotrestart: Ctrl-C again: ending the program");
      out.flush();
      exit.accept(CTRL_C_STATUS);
    } else if (!wasReading) {
      out.println();
      out.println(
          "hotrestart: Ctrl-C: raising the exception when this command ends (Ctrl-C again ends"
              + " the program)");
      out.flush();
    }
  }
}
