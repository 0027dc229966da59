package dev.hotrestart.debug;

import dev.hotrestart.reload.Evaluation;
import dev.hotrestart.slot.Crash;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * What the crashed call was given and what it threw: the commands {@code args}, {@code this},
 * {@code p}, {@code pp} and {@code exception}. Each may run user code (a {@code toString}, an
 * expression), which the session has made safe: a throw there is shown, not raised.
 */
final class Inspector {

  private final Crash crash;
  private final Actions actions;
  private final Output out;

  /**
   * An inspector of one crash.
   *
   * @param crash the crash
   * @param actions the evaluator
   * @param out where to print
   */
  Inspector(Crash crash, Actions actions, Output out) {
    this.crash = crash;
    this.actions = actions;
    this.out = out;
  }

  /**
   * {@code args}: each parameter of the crashed method with the value it was called with.
   *
   * @param argument ignored
   */
  void args(String argument) {
    List<String> names = crash.slot().parameterNames();
    List<Object> values = crash.arguments();
    if (values.isEmpty()) {
      out.println("(no arguments)");
    }
    for (int i = 0; i < values.size(); i++) {
      String name = i < names.size() ? names.get(i) : "arg" + i;
      out.println(name + " = " + Values.format(values.get(i)));
    }
  }

  /**
   * {@code this}: the receiver's instance fields, private ones included, class by class.
   *
   * @param argument ignored
   */
  void receiver(String argument) {
    Object receiver = crash.receiver();
    if (receiver == null) {
      out.println("(no receiver: a static method)");
      return;
    }
    out.println("this (" + crash.slot().declaringClass().getName() + "):");
    boolean first = true;
    for (Class<?> type = receiver.getClass(); type != null && type != Object.class;
        type = type.getSuperclass()) {
      if (Frames.isProxy(type.getName())) {
        continue; // a proxy adds only its static slots
      }
      List<Field> fields = new ArrayList<>();
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
          fields.add(field);
        }
      }
      String indent = "  ";
      if (!first && !fields.isEmpty()) {
        out.println("  from " + type.getName() + ":");
        indent = "    ";
      }
      for (Field field : fields) {
        out.println(indent + field.getName() + " = " + fieldValue(field, receiver));
      }
      first = false;
    }
  }

  private static String fieldValue(Field field, Object receiver) {
    try {
      if (!field.trySetAccessible()) {
        return "<inaccessible: " + field.getDeclaringClass().getModule() + " does not open it>";
      }
      return Values.format(field.get(receiver));
    } catch (IllegalAccessException | RuntimeException e) {
      return "<unreadable: " + e + ">";
    }
  }

  /**
   * {@code p EXPR}: evaluates an expression where the crashed method runs and prints its value.
   *
   * @param expression the expression
   */
  void print(String expression) {
    evaluate(expression, false);
  }

  /**
   * {@code pp EXPR}: like {@code p}, with arrays, collections and maps one element per line.
   *
   * @param expression the expression
   */
  void prettyPrint(String expression) {
    evaluate(expression, true);
  }

  private void evaluate(String expression, boolean pretty) {
    if (expression.isBlank()) {
      out.error("usage: " + (pretty ? "pp" : "p") + " EXPR");
      return;
    }
    Evaluation result;
    try {
      result = actions.evaluate(crash, expression);
    } catch (RuntimeException | LinkageError e) {
      out.error("evaluating failed: " + e);
      return;
    }
    if (result == null) {
      out.error("the evaluator returned nothing");
    } else if (result.returnedNothing()) {
      out.println("(ran; a void expression has no value)");
    } else if (result.succeeded()) {
      out.println(pretty ? Values.pretty(result.value()) : Values.format(result.value()));
    } else {
      out.error(result.error());
    }
  }

  /**
   * {@code exception}: the stack trace as Java prints it, causes and suppressed ones included.
   *
   * @param argument ignored
   */
  void exception(String argument) {
    crash.thrown().printStackTrace(out.writer());
  }
}
