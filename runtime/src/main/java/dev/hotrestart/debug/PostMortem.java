package dev.hotrestart.debug;

import dev.hotrestart.slot.MethodSlot;

/** The entry points of the post-mortem debugger, called by {@link MethodSlot}. */
public final class PostMortem {

  private PostMortem() {}

  /**
   * Opens the prompt on a crash and returns what the user chose. Blocks while the user works.
   *
   * @param crash the crash
   * @return how to go on
   */
  public static Outcome open(Crash crash) {
    return Outcome.RAISE;
  }

  /** Whether this thread is evaluating a debugger expression: its crashes must not prompt. */
  public static boolean isEvaluating() {
    return false;
  }

  /**
   * Tells the user, once per JVM, that a crash was not caught because no terminal is attached.
   *
   * @param slot the method that threw
   * @param thrown what it threw
   */
  public static void noticeNotInteractive(MethodSlot slot, Throwable thrown) {}
}
