package dev.hotrestart.reload;

/**
 * Why an edit cannot be swapped into the running program. Thrown before anything is defined or
 * swapped, so the running code stays as it was.
 */
final class ReloadRefusal extends Exception {
  private static final long serialVersionUID = 1L;

  /** What to type about it, when it is not the usual "fix it and type c again". */
  private final String advice;

  /**
   * A refusal whose remedy is to fix the source and type {@code c} again.
   *
   * @param message what failed and where, without what to type
   */
  ReloadRefusal(String message) {
    this(message, null);
  }

  /**
   * A refusal with its own remedy.
   *
   * @param message what failed and where
   * @param advice what to do, a sentence; null for the usual one
   */
  ReloadRefusal(String message, String advice) {
    super(message);
    this.advice = advice;
  }

  /** What to do, or null for the usual "fix it and type c again". */
  String advice() {
    return advice;
  }
}
