package dev.hotrestart.reload;

/**
 * Why an edit cannot be swapped into the running program. Thrown before anything is defined or
 * swapped, so the running code stays as it was.
 */
final class ReloadRefusal extends Exception {
  private static final long serialVersionUID = 1L;

  ReloadRefusal(String message) {
    super(message);
  }
}
