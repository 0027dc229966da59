package dev.hotrestart.reload;

/**
 * The result of evaluating a debugger expression.
 *
 * @param succeeded whether the expression compiled and ran
 * @param value its value when it succeeded (may be null)
 * @param error javac's diagnostics or the exception it threw, as text, when it did not
 */
public record Evaluation(boolean succeeded, Object value, String error) {

  static Evaluation value(Object value) {
    return new Evaluation(true, value, null);
  }

  static Evaluation error(String error) {
    return new Evaluation(false, null, error);
  }
}
