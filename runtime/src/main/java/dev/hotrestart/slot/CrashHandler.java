package dev.hotrestart.slot;

/**
 * What a slot hands a crash to while restarting is on: the post-mortem debugger. The slot knows
 * nothing of the debugger; the debugger registers an implementation in {@code
 * META-INF/services/dev.hotrestart.slot.CrashHandler}, loaded the first time a wrapped method
 * throws with restarting on. The first provider found is used.
 *
 * <p>Before calling it the slot has already let through what never prompts: every crash while
 * restarting is off, and the exceptions the class's {@code propagate} lists.
 */
public interface CrashHandler {

  /**
   * Decides what to do about a crash: open the prompt, or let the exception go. Blocks while the
   * user works. Must not throw: whatever goes wrong inside is reported and ends as {@link
   * Outcome#RAISE}.
   *
   * @param crash the throw, on the current thread
   * @return {@link Outcome#CONTINUE} to call the method again, else how to rethrow
   */
  Outcome crashed(Crash crash);
}
