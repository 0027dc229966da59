package dev.hotrestart.maven;

/** The one-line message for a program that ended with a non-zero exit code. */
final class ExitStatus {

  private ExitStatus() {}

  /**
   * {@code hotrestart:run: <mainClass> exited with code N}, naming the signal for the codes a
   * POSIX shell reports for the usual ones (128 + signal number).
   */
  static String message(String mainClass, int code) {
    return worded("hotrestart:run: " + mainClass, code);
  }

  /**
   * The tests' JVM: 1 is the runtime's "a test failed" (the summary above lists them); other
   * codes as {@link #message(String, int)} words them.
   */
  static String testMessage(int code) {
    if (code == 1) {
      return "hotrestart:test: there are test failures (the summary above lists them)";
    }
    return worded("hotrestart:test: the tests' JVM", code);
  }

  private static String worded(String what, int code) {
    String message = what + " exited with code " + code;
    String cause = switch (code) {
      case 130 -> " (interrupted: Ctrl-C / SIGINT)";
      case 137 -> " (killed: SIGKILL)";
      case 143 -> " (terminated: SIGTERM)";
      default -> "";
    };
    return message + cause;
  }
}
