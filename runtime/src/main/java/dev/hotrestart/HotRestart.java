package dev.hotrestart;

import dev.hotrestart.config.Settings;

/**
 * Static controls of the hotrestart runtime, for programs that want to know or change whether
 * crashes open the post-mortem debugger.
 */
public final class HotRestart {

  private static volatile boolean exited;

  private HotRestart() {}

  /**
   * Whether a crash in a wrapped method opens the debugger. True when the program runs under
   * {@code mvn hotrestart:run} or with {@code -Dhotrestart.enabled=true}, until {@link #exit()}
   * is called or the user types {@code q} at the prompt.
   *
   * @return whether restarting is on
   */
  public static boolean isEnabled() {
    return !exited && Settings.enabled();
  }

  /**
   * Stops restarting everywhere, for the rest of the program: from now on an exception in a
   * wrapped method propagates as it would without hotrestart. The counterpart of {@code q} at the
   * prompt and of {@code hot_restart.exit()} in the Python original.
   */
  public static void exit() {
    exited = true;
  }
}
