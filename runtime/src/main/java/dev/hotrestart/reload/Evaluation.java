package dev.hotrestart.reload;

/**
 * The result of evaluating a debugger expression.
 *
 * @param succeeded whether the expression compiled and ran
 * @param value its value when it succeeded (may be null)
 * @param error javac's diagnostics or the exception it threw, as text, when it did not
 */
public record Evaluation(boolean succeeded, Object value, String error) {
  /** The value of a void expression; never shown, see {@link #returnedNothing()}. */
  private static final Object NOTHING = new Object();


  static Evaluation value(Object value) {
    return new Evaluation(true, value, null);
  }

  /**
   * What a void expression (a call of a void method) gives: it ran, and has no value.
   *
   * @return the evaluation
   */
  public static Evaluation nothing() {
    return new Evaluation(true, NOTHING, null);
  }

  /**
   * Whether the expression was void: it ran and returned nothing.
   *
   * @return true for a void expression
   */
  public boolean returnedNothing() {
    return value == NOTHING;
  }

  static Evaluation error(String error) {
    return new Evaluation(false, null, error);
  }
}
