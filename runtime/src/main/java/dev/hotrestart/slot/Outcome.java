package dev.hotrestart.slot;

/** How the handling of a crash ends, and so what the slot does next. */
public enum Outcome {
  /** Call the (possibly reloaded) method again with the same arguments. */
  CONTINUE,
  /** Rethrow the exception to the caller. */
  RAISE,
  /** Rethrow, and stop restarting everywhere for the rest of the program. */
  QUIT
}
