package dev.hotrestart.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports the processor's diagnostics, always on an element of the user's source (never on
 * generated code), and counts the errors so that a class in error is not written while the
 * other classes of the compile are still checked: one compile shows every problem.
 *
 * <p>Each message starts with a stable tag such as {@code [HotRestartFinal]}, then one sentence
 * saying why and what to do. Warnings are suppressed by {@code @SuppressWarnings("hotrestart")}
 * on the element or any element enclosing it.
 */
final class ErrorReporter {

  /** The key of {@code @SuppressWarnings} that silences this processor's warnings. */
  static final String SUPPRESSION_KEY = "hotrestart";

  private final Messager messager;
  private int errorCount;

  ErrorReporter(Messager messager) {
    this.messager = messager;
  }

  /** Reports an error on {@code element}; {@code tag} is given without brackets. */
  void error(Element element, String tag, String message) {
    errorCount++;
    messager.printMessage(Diagnostic.Kind.ERROR, format(tag, message), element);
  }

  /** Counts an error that was printed elsewhere (on a source tree rather than an element). */
  void countError() {
    errorCount++;
  }

  /**
   * Reports a warning on {@code element} unless it, or an element enclosing it, carries
   * {@code @SuppressWarnings("hotrestart")}.
   */
  void warning(Element element, String tag, String message) {
    if (!Annotations.suppresses(element, SUPPRESSION_KEY)) {
      messager.printMessage(Diagnostic.Kind.WARNING, format(tag, message), element);
    }
  }

  /** How many errors have been reported so far in this compile. */
  int errorCount() {
    return errorCount;
  }

  static String format(String tag, String message) {
    return "[" + tag + "] " + message;
  }
}
