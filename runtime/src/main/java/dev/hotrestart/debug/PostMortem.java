package dev.hotrestart.debug;

import dev.hotrestart.config.Settings;
import dev.hotrestart.slot.Crash;
import dev.hotrestart.slot.CrashHandler;
import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.slot.Outcome;

/**
 * The entry points of the post-mortem debugger, reached through {@link Handler} when a wrapped
 * method throws with restarting on. Every session of the JVM shares one prompt, one input
 * (System.in, after the commands file of {@code -Dhotrestart.commands}) and System.out.
 */
public final class PostMortem {

  /**
   * The debugger as the slots' {@link CrashHandler}, registered in {@code
   * META-INF/services/dev.hotrestart.slot.CrashHandler}: the crash policy once restarting is on.
   */
  public static final class Handler implements CrashHandler {

    /** Called by {@link java.util.ServiceLoader}. */
    public Handler() {}

    /**
     * Lets a crash inside the debugger's own work (an expression, a {@code toString}) propagate
     * to the debugger, lets every crash go without a prompt when nobody can answer it (with a
     * notice, once), and otherwise opens the prompt.
     */
    @Override
    public Outcome crashed(Crash crash) {
      if (isEvaluating()) {
        return Outcome.RAISE;
      }
      if (!Settings.interactive()) {
        noticeNotInteractive(crash.slot(), crash.thrown());
        return Outcome.RAISE;
      }
      return open(crash);
    }
  }

  private static final ThreadLocal<Boolean> IN_DEBUGGER = ThreadLocal.withInitial(() -> false);

  private static volatile Host host;

  private PostMortem() {}

  /**
   * Opens the prompt on a crash and returns what the user chose. Blocks while the user works, and
   * while another thread's prompt is open. Never throws: if the debugger itself fails, the crash
   * is raised.
   *
   * @param crash the crash
   * @return how to go on
   */
  static Outcome open(Crash crash) {
    Host current = host();
    try {
      return current.open(crash);
    } catch (Throwable e) { // the debugger must never be what kills the program
      current.internalError(e);
      return Outcome.RAISE;
    }
  }

  /**
   * Whether this thread is inside the debugger: evaluating an expression, or running any other
   * user code for it (a {@code toString}, a reload). Its crashes must propagate, not prompt again.
   *
   * @return whether this thread is in a debugger session
   */
  static boolean isEvaluating() {
    return IN_DEBUGGER.get();
  }

  /**
   * Tells the user, once per JVM, that a crash was not caught because no terminal is attached.
   *
   * @param slot the method that threw
   * @param thrown what it threw
   */
  static void noticeNotInteractive(MethodSlot slot, Throwable thrown) {
    try {
      host().noticeNotInteractive(slot, thrown);
    } catch (RuntimeException | LinkageError e) {
      // The program is about to see the real exception; a failed notice must not replace it.
      System.getLogger(PostMortem.class.getName())
          .log(System.Logger.Level.ERROR, "the no-terminal notice failed", e);
    }
  }

  /** Marks this thread as in a session; returns the previous state for {@link #leaveDebugger}. */
  static boolean enterDebugger() {
    boolean previous = IN_DEBUGGER.get();
    IN_DEBUGGER.set(true);
    return previous;
  }

  /** Restores the state {@link #enterDebugger} returned. */
  static void leaveDebugger(boolean previous) {
    IN_DEBUGGER.set(previous);
  }

  private static Host host() {
    Host current = host;
    if (current == null) {
      synchronized (PostMortem.class) {
        if (host == null) {
          host = Host.jvm();
        }
        current = host;
      }
    }
    return current;
  }

  /**
   * Replaces the JVM's host, for tests that drive the real entry points.
   *
   * @param replacement the new host, or null to go back to the real one
   * @return the host before
   */
  static Host swapHost(Host replacement) {
    synchronized (PostMortem.class) {
      Host before = host;
      host = replacement;
      return before;
    }
  }
}
