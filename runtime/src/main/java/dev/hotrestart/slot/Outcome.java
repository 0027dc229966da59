package dev.hotrestart.slot;

/** How the handling of a crash ends, and so what the slot does next. */
public enum Outcome {
  /** Call the (possibly reloaded) method again with the same arguments. */
  CONTINUE,
  /** Rethrow the exception to the caller. */
  RAISE,
  /**
   * Return the value the handler gave {@link MethodSlot#returnNext} to the caller, without calling
   * the method again; rethrow if it gave none.
   */
  RETURN,
  /** Rethrow, and stop restarting everywhere for the rest of the program. */
  QUIT
}
