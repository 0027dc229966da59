package dev.hotrestart.reload;

import dev.hotrestart.slot.MethodSlot;

/** Recompiles the source of a wrapped method and swaps the new code into its slot. */
public final class Reloader {

  private static final Reloader SHARED = new Reloader();

  private Reloader() {}

  /** The reloader of this JVM. */
  public static Reloader shared() {
    return SHARED;
  }

  /**
   * Recompiles the file that declares {@code slot}'s method and, if it compiles and the class
   * keeps its shape, swaps the edited method in. Never throws: every failure is a result, and a
   * failure leaves the running code as it was.
   *
   * @param slot the method to reload
   * @return what happened, to show the user
   */
  public ReloadResult reload(MethodSlot slot) {
    return ReloadResult.failure("hotrestart: reloading is not implemented yet for " + slot);
  }

  /** Starts compiling a tiny class in the background so that the first reload is fast. */
  public void warmUp() {}
}
