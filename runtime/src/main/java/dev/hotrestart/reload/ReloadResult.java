package dev.hotrestart.reload;

/**
 * What {@link Reloader#reload} did.
 *
 * @param succeeded whether new code now runs
 * @param message what to tell the user: what was reloaded and how long it took, or why nothing
 *     was (javac's diagnostics, the shape change that needs a restart, the missing file)
 */
public record ReloadResult(boolean succeeded, String message) {

  static ReloadResult failure(String message) {
    return new ReloadResult(false, message);
  }
}
