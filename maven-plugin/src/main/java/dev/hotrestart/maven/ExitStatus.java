package dev.hotrestart.maven;

/** The one-line message for a program that ended with a non-zero exit code. */
final class ExitStatus {

  private ExitStatus() {}

  /**
   * {@code hotrestart:run: <mainClass> exited with code N}, naming the signal for the codes a
   * POSIX shell reports for the usual ones (128 + signal number).
   */
  static String message(String mainClass, int code) {
    String message = "hotrestart:run: " + mainClass + " exited with code " + code;
    String cause = switch (code) {
      case 130 -> " (interrupted: Ctrl-C / SIGINT)";
      case 137 -> " (killed: SIGKILL)";
      case 143 -> " (terminated: SIGTERM)";
      default -> "";
    };
    return message + cause;
  }
}
