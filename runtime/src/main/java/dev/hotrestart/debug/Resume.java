package dev.hotrestart.debug;

import dev.hotrestart.reload.ReloadResult;
import dev.hotrestart.slot.Crash;
import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.slot.Outcome;
import java.util.List;
import java.util.Optional;

/**
 * The ways out of the prompt: {@code continue} reloads the edited method and calls it again,
 * {@code raise} lets the exception go to the caller, {@code quit} turns hotrestart off and lets
 * it go.
 */
final class Resume {

  private final Crash crash;
  private final Actions actions;
  private final Debugger.Options options;
  private final RunningSource source;
  private final Output out;

  /**
   * The ways out of one crash's prompt.
   *
   * @param crash the crash
   * @param actions the reloader
   * @param options whether {@code c} reloads, and what
   * @param source where a reload records the text it compiled
   * @param out where to print
   */
  Resume(
      Crash crash,
      Actions actions,
      Debugger.Options options,
      RunningSource source,
      Output out) {
    this.crash = crash;
    this.actions = actions;
    this.options = options;
    this.source = source;
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
