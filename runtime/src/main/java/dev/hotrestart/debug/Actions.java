package dev.hotrestart.debug;

import dev.hotrestart.config.Jvm;
import dev.hotrestart.reload.Evaluation;
import dev.hotrestart.reload.Evaluator;
import dev.hotrestart.reload.LocalCapture;
import dev.hotrestart.reload.ReloadResult;
import dev.hotrestart.reload.Reloader;
import dev.hotrestart.slot.Crash;
import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.slot.SlotRegistry;
import java.util.Optional;

/**
 * What the debugger asks of the rest of the runtime. An interface so that tests can run the
 * debugger with fakes while {@link PostMortem} uses the real reloader and evaluator.
 */
interface Actions {

  /**
   * Recompiles and swaps in one method. Should not throw; the debugger treats a throw as an
   * internal error and stays at the prompt.
   *
   * @param slot the method
   * @return what happened
   */
  ReloadResult reload(MethodSlot slot);

  /**
   * Evaluates an expression in the crashed method's scope. Should not throw.
   *
   * @param crash the crash
   * @param expression Java source of an expression
   * @return its value or the error
   */
  Evaluation evaluate(Crash crash, String expression);

  /**
   * Evaluates an expression in a call's scope with the local variables given. Should not throw.
   *
   * @param call the call: its method, receiver and arguments
   * @param locals its local variables at the throw, or empty
   * @param expression Java source of an expression
   * @return its value or the error
   */
  default Evaluation evaluate(
      Crash call, Optional<LocalCapture.Frame> locals, String expression) {
    return evaluate(call, expression);
  }

  /**
   * The value of {@code return EXPR} in the crashed method, checked against its return type.
   * Should not throw.
   *
   * @param crash the crash
   * @param locals its local variables at the throw, or empty
   * @param expression Java source of an expression
   * @return its value or the error
   */
  default Evaluation returnValue(
      Crash crash, Optional<LocalCapture.Frame> locals, String expression) {
    return evaluate(crash, expression);
  }

  /**
   * What {@code c} does by default ({@code -Dhotrestart.reloadAll}, true unless set to false):
   * reloads {@code crashed}, every other wrapped method whose code changed and every other saved
   * file of the program, all or nothing. Should not throw.
   *
   * @param crashed the method the user continues
   * @return what happened, one line per class
   */
  ReloadResult reloadChanged(MethodSlot crashed);

  /**
   * The source text of each class's running version, kept for the life of the JVM.
   *
   * @return the store
   */
  SourceSnapshots snapshots();

  /** The real actions: the JVM's {@link Reloader} and {@link Evaluator}. */
  static Actions jvm() {
    return JvmActions.INSTANCE;
  }

  /** The real actions, and the source snapshots that {@code diff} compares with. */
  final class JvmActions implements Actions {
    static final JvmActions INSTANCE = new JvmActions();

    private final SourceSnapshots snapshots =
        new SourceSnapshots(
            StartupSnapshots.shared()::get, StartupSnapshots.shared()::getByName, Jvm.started());

    private JvmActions() {}

    @Override
    public SourceSnapshots snapshots() {
      return snapshots;
    }

    @Override
    public ReloadResult reload(MethodSlot slot) {
      return Reloader.shared().reload(slot);
    }

    @Override
    public Evaluation evaluate(Crash crash, String expression) {
      return Evaluator.shared().evaluate(crash, expression);
    }

    @Override
    public Evaluation evaluate(
        Crash call, Optional<LocalCapture.Frame> locals, String expression) {
      return Evaluator.shared().evaluate(call, locals, expression);
    }

    @Override
    public Evaluation returnValue(
        Crash crash, Optional<LocalCapture.Frame> locals, String expression) {
      return Evaluator.shared().returnValue(crash, locals, expression);
    }

    @Override
    public ReloadResult reloadChanged(MethodSlot crashed) {
      return Reloader.shared().reloadChanged(crashed, SlotRegistry.all());
    }
  }
}
