package dev.hotrestart.debug;

import dev.hotrestart.reload.Evaluation;
import dev.hotrestart.reload.ReloadResult;
import dev.hotrestart.slot.Crash;
import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.slot.Outcome;
import java.util.List;
import java.util.Optional;

/**
 * The ways out of the prompt: {@code continue} reloads the edited method and calls it again,
 * {@code return} ends the crashed call with a value and no retry, {@code raise} lets the
 * exception go to the caller, {@code quit} turns hotrestart off and lets it go.
 */
final class Resume {

  private final Crash crash;
  private final Actions actions;
  private final Debugger.Options options;
  private final RunningSource source;
  private final FrameCursor frames;
  private final Output out;

  /**
   * The ways out of one crash's prompt.
   *
   * @param crash the crash
   * @param actions the reloader
   * @param options whether {@code c} reloads, and what
   * @param source where a reload records the text it compiled
   * @param frames the crashed frame's captured variables, which {@code return EXPR} sees
   * @param out where to print
   */
  Resume(
      Crash crash,
      Actions actions,
      Debugger.Options options,
      RunningSource source,
      FrameCursor frames,
      Output out) {
    this.crash = crash;
    this.actions = actions;
    this.options = options;
    this.source = source;
    this.frames = frames;
    this.out = out;
  }

  /**
   * {@code continue}: reloads (unless reloading is off) and calls the method again; stays at the
   * prompt if the reload failed, with the old code still in place.
   *
   * @param argument ignored
   * @return {@link Outcome#CONTINUE}, or empty to stay at the prompt
   */
  Optional<Outcome> resume(String argument) {
    MethodSlot slot = crash.slot();
    if (!options.reloadOnContinue()) {
      out.println("calling " + slot.describe() + " again (reloading is off)");
      return Optional.of(Outcome.CONTINUE);
    }
    ReloadResult result;
    try {
      result = options.reloadAll() ? actions.reloadChanged(slot) : actions.reload(slot);
    } catch (RuntimeException | LinkageError e) {
      out.internalError(e);
      result =
          new ReloadResult(
              false,
              "hotrestart: reloading "
                  + slot.describe()
                  + " failed: "
                  + e
                  + "; the old code is still running. Type c to try again, or r to raise the"
                  + " exception.");
    }
    String message = result.message();
    if (message == null || message.isBlank()) {
      message =
          result.succeeded()
              ? "hotrestart: reloaded " + slot.describe()
              : "hotrestart: could not reload "
                  + slot.describe()
                  + "; the old code is still running. Fix it and type c again, or r to raise"
                  + " the exception.";
    }
    out.println(message);
    if (!result.succeeded()) {
      if (!message.contains("old code is still running")) {
        out.println(
            "hotrestart: the old code is still running. Fix it and type c again, or r to raise"
                + " the exception.");
      }
      return Optional.empty();
    }
    List<MethodSlot> swapped = result.swapped().stream().map(ReloadResult.Swapped::slot).toList();
    source.unappliedWrapped(swapped).forEach(out::println);
    source.recordReload(result.swapped());
    if (!result.changed()) {
      out.println("calling " + slot.describe() + " again");
    }
    return Optional.of(Outcome.CONTINUE);
  }

  /**
   * {@code return [EXPR]}: ends the crashed call, which returns the value of {@code EXPR} (nothing
   * for a {@code void} method) to its caller; the method is not called again. The expression sees
   * what {@code p} sees in the crashed frame, whichever frame is selected, and is compiled as the
   * method's return value, so javac checks its type.
   *
   * @param argument the expression, or empty for a {@code void} method
   * @return {@link Outcome#RETURN}, or empty to stay at the prompt
   */
  Optional<Outcome> returnValue(String argument) {
    MethodSlot slot = crash.slot();
    Class<?> type = slot.methodType().returnType();
    String expression = argument.strip();
    Object value = null;
    if (type == void.class) {
      if (!expression.isEmpty()) {
        out.error(slot.describe() + " returns void: type return alone to end the call");
        return Optional.empty();
      }
    } else {
      if (expression.isEmpty()) {
        out.error(
            slot.describe() + " returns " + type.getSimpleName() + ": type return EXPR with a"
                + " value for the caller, for example return " + example(type));
        return Optional.empty();
      }
      Evaluation result;
      try {
        result = actions.returnValue(crash, frames.captured(frames.frames().crashed()), expression);
      } catch (RuntimeException | LinkageError e) {
        out.error("evaluating failed: " + e);
        return Optional.empty();
      }
      if (!result.succeeded()) {
        out.error(result.error());
        return Optional.empty();
      }
      value = result.value();
    }
    try {
      slot.returnNext(value);
    } catch (IllegalArgumentException e) {
      out.error("cannot return that: " + e.getMessage());
      return Optional.empty();
    }
    out.println(
        "returning "
            + (type == void.class ? "" : Values.format(value) + " ")
            + "from "
            + slot.describe()
            + " to its caller; the method is not called again");
    return Optional.of(Outcome.RETURN);
  }

  private static String example(Class<?> type) {
    if (type == boolean.class) {
      return "false";
    }
    if (type == char.class) {
      return "'?'";
    }
    return type.isPrimitive() ? "0" : "null";
  }

  /**
   * {@code raise}: rethrows the exception to the caller.
   *
   * @param argument ignored
   * @return {@link Outcome#RAISE}
   */
  Optional<Outcome> raise(String argument) {
    out.println("raising " + crash.thrown().getClass().getName() + " to the caller");
    return Optional.of(Outcome.RAISE);
  }

  /**
   * {@code quit}: turns restarting off for the rest of the program and rethrows.
   *
   * @param argument ignored
   * @return {@link Outcome#QUIT}
   */
  Optional<Outcome> quit(String argument) {
    out.println(
        "hotrestart: restarting is now off for the rest of the program; raising "
            + crash.thrown().getClass().getName());
    return Optional.of(Outcome.QUIT);
  }
}
