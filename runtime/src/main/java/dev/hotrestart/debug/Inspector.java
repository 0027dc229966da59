package dev.hotrestart.debug;

import dev.hotrestart.reload.Evaluation;
import dev.hotrestart.reload.LocalCapture;
import dev.hotrestart.reload.ModuleAccess;
import dev.hotrestart.reload.NewFields;
import dev.hotrestart.slot.Crash;
import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.slot.SlotRegistry;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the selected frame's call was given, what it held and what it threw: the commands {@code
 * args}, {@code this}, {@code locals}, {@code p}, {@code pp} and {@code exception}. They act on
 * the frame {@link FrameCursor} selected: the crashed call (its arguments, receiver and the local
 * variables captured at the throw), a wrapped method the exception left before (all of it from
 * its captured variables), a wrapped caller still waiting for the crashed call (its variables as
 * they are, read through {@link dev.hotrestart.reload.LiveLocals}), or a frame whose variables
 * are unknown, which they say. Each may run
 * user code (a {@code toString}, an expression), which the session has made safe: a throw there
 * is shown, not raised.
 */
final class Inspector {

  private final Crash crash;
  private final Actions actions;
  private final FrameCursor frames;
  private final Output out;

  /**
   * An inspector of one crash.
   *
   * @param crash the crash
   * @param actions the evaluator
   * @param frames the selected frame
   * @param out where to print
   */
  Inspector(Crash crash, Actions actions, FrameCursor frames, Output out) {
    this.crash = crash;
    this.actions = actions;
    this.frames = frames;
    this.out = out;
  }

  /**
   * What a frame's commands see: its call (method, receiver, arguments) and its variables.
   *
   * @param call the call, as a crash of its method
   * @param locals its variables at the throw, or empty
   */
  record Scope(Crash call, Optional<LocalCapture.Frame> locals) {}

  /**
   * The selected frame's scope, or empty after printing why nothing is known of it.
   *
   * @return the scope
   */
  Optional<Scope> scope() {
    int index = frames.selectedIndex();
    int crashed = frames.frames().crashed();
    Optional<LocalCapture.Frame> captured = frames.captured(index);
    if (index == crashed || crashed < 0) {
      return Optional.of(new Scope(crash, crashed < 0 ? Optional.empty() : captured));
    }
    Frames.Frame frame = frames.selectedFrame();
    if (captured.isPresent()) {
      List<String> missing = new ArrayList<>();
      Optional<Crash> call = callOf(captured.get(), missing);
      if (frame.live() && !missing.isEmpty()) {
        out.error(
            "frame #" + index + " (" + frame.describe() + ") runs code the JIT compiled, which"
                + " no longer keeps " + String.join(", ", missing) + " (not used after the call);"
                + " r lets the exception go to it, and its prompt shows them. f " + crashed
                + " selects the crashed method.");
        return Optional.empty();
      }
      if (call.isPresent()) {
        return Optional.of(new Scope(call.get(), captured));
      }
    }
    String why;
    if (!frame.live()) {
      why = "only wrapped methods capture their variables as the exception leaves them";
    } else if (frame.wrapped() && frames.liveUnavailable().isPresent()) {
      why = frames.liveUnavailable().get();
    } else if (frame.wrapped()) {
      why = "it is a caller still running whose variables the JVM did not give";
    } else {
      why = "it is a caller still running that is not a wrapped method, whose variables"
          + " hotrestart does not read; r lets the exception go to it";
    }
    out.error(
        "nothing is known of the variables of frame #" + index + " (" + frame.describe() + "): "
            + why + ". f " + crashed + " selects the crashed method.");
    return Optional.empty();
  }

  /**
   * A wrapped method's frame, left by the exception or waiting for it, as a crash of its own.
   * The receiver and parameters it has not kept (a compiled live frame) are added to {@code
   * missing}.
   */
  private Optional<Crash> callOf(LocalCapture.Frame captured, List<String> missing) {
    for (MethodSlot slot : SlotRegistry.all()) {
      if (slot.declaringClass() == captured.running()
          && LocalCapture.methodKey(slot).equals(captured.methodKey())) {
        List<Object> arguments = new ArrayList<>();
        if (!captured.has("this")) {
          missing.add("this");
        }
        for (String name : slot.parameterNames()) {
          arguments.add(captured.value(name));
          if (!captured.has(name)) {
            missing.add(name);
          }
        }
        return Optional.of(
            new Crash(
                slot, crash.thrown(), captured.value("this"), arguments, crash.thread()));
      }
    }
    return Optional.empty();
  }

  /**
   * {@code args}: each parameter of the selected frame's method with the value it was called
   * with.
   *
   * @param argument ignored
   */
  void args(String argument) {
    Optional<Scope> scope = scope();
    if (scope.isEmpty()) {
      return;
    }
    Crash call = scope.get().call();
    List<String> names = call.slot().parameterNames();
    List<Object> values = call.arguments();
    if (values.isEmpty()) {
      out.println("(no arguments)");
    }
    for (int i = 0; i < values.size(); i++) {
      String name = i < names.size() ? names.get(i) : "arg" + i;
      out.println(name + " = " + Values.format(values.get(i)) + unsureNote(name));
    }
  }

  /** A mark after a live caller's variable that its method does not read again. */
  private String unsureNote(String name) {
    return frames.unsure(frames.selectedIndex()).contains(name)
        ? "   (not used after this call: 0 or null if the JIT dropped it)"
        : "";
  }

  /**
   * {@code this}: the receiver's instance fields, private ones included, class by class, with
   * the fields a reload added to each class after its declared ones.
   *
   * @param argument ignored
   */
  void receiver(String argument) {
    Optional<Scope> scope = scope();
    if (scope.isEmpty()) {
      return;
    }
    Crash call = scope.get().call();
    Object receiver = call.receiver();
    if (receiver == null) {
      out.println("(no receiver: a static method)");
      return;
    }
    out.println("this (" + call.slot().declaringClass().getName() + "):" + unsureNote("this"));
    List<NewFields.Added> added = NewFields.in(receiver);
    boolean first = true;
    for (Class<?> type = receiver.getClass(); type != null && type != Object.class;
        type = type.getSuperclass()) {
      if (Frames.isProxy(type.getName())) {
        continue; // a proxy adds only its static slots
      }
      List<String> lines = new ArrayList<>();
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
          lines.add(field.getName() + " = " + fieldValue(field, receiver));
        }
      }
      for (NewFields.Added field : added) {
        if (field.declaringClass() == type) {
          lines.add(addedLine(field));
        }
      }
      String indent = "  ";
      if (!first && !lines.isEmpty()) {
        out.println("  from " + type.getName() + ":");
        indent = "    ";
      }
      for (String line : lines) {
        out.println(indent + line);
      }
      first = false;
    }
  }

  /** A field a reload added, marked: reflection, and so a debugger's listing, misses it. */
  private static String addedLine(NewFields.Added field) {
    return field.name() + " = " + Values.format(field.value()) + "   (added by a reload)";
  }

  private static String fieldValue(Field field, Object receiver) {
    try {
      ModuleAccess.open(field.getDeclaringClass());
      if (!field.trySetAccessible()) {
        return "<inaccessible: "
            + field.getDeclaringClass().getModule()
            + " does not open it; "
            + ModuleAccess.needed(field.getDeclaringClass())
            + ">";
      }
      return Values.format(field.get(receiver));
    } catch (IllegalAccessException | RuntimeException e) {
      return "<unreadable: " + e + ">";
    }
  }

  /**
   * {@code locals}: the selected frame's local variables as they were when the exception left
   * it, with their values; parameters and {@code this} are left to {@code a} and {@code this}. A
   * variable not assigned yet, or out of scope, at the throw is not shown.
   *
   * @param argument ignored
   */
  void locals(String argument) {
    Optional<Scope> scope = scope();
    if (scope.isEmpty()) {
      return;
    }
    MethodSlot slot = scope.get().call().slot();
    Optional<LocalCapture.Frame> locals = scope.get().locals();
    if (locals.isEmpty()) {
      out.error(
          "the local variables of " + slot.describe() + " are not known: "
              + LocalCapture.whyNot(slot.declaringClass(), LocalCapture.methodKey(slot))
                  .orElse("they were not captured at this crash (the method ran code that"
                      + " hotrestart could not copy to capture them)"));
      return;
    }
    LocalCapture.Frame frame = locals.get();
    int shown = 0;
    for (int i = 0; i < frame.variables().size(); i++) {
      String name = frame.variables().get(i).name();
      if (name.equals("this") || slot.parameterNames().contains(name)) {
        continue;
      }
      out.println(name + " = " + Values.format(frame.values().get(i)) + unsureNote(name));
      shown++;
    }
    if (frames.compiled(frames.selectedIndex())) {
      out.println("(this caller runs compiled code, which keeps only the variables it still"
          + " needs: the others are not shown)");
    } else if (shown == 0) {
      out.println("(no local variables were assigned and in scope where it failed; a shows the"
          + " arguments)");
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
    Optional<Scope> scope = scope();
    if (scope.isEmpty()) {
      return;
    }
    Evaluation result;
    try {
      result = actions.evaluate(scope.get().call(), scope.get().locals(), expression);
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
      // Its toString() cannot show fields a reload added (unless edited to): list them.
      for (NewFields.Added field : NewFields.in(result.value())) {
        out.println("  " + addedLine(field));
      }
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
