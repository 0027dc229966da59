package dev.hotrestart.debug;

/** How a debugger session ends. */
public enum Outcome {
  /** Call the (possibly reloaded) method again with the same arguments. */
  CONTINUE,
  /** Rethrow the exception to the caller. */
  RAISE,
  /** Rethrow, and stop restarting everywhere for the rest of the program. */
  QUIT
}
