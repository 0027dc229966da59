package dev.hotrestart.debug;

import dev.hotrestart.slot.Crash;
import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.slot.Outcome;
import dev.hotrestart.source.SourceLocator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * What the test proxies call instead of {@link MethodSlot#failed}: a session the test installed
 * for this thread, or, with none, the real {@code failed} (and through it {@link PostMortem}).
 * Public because the proxies are compiled at test time into their own class loader.
 */
public final class Harness {

  static final ThreadLocal<Function<Crash, Outcome>> SESSION = new ThreadLocal<>();

  private Harness() {}

  /**
   * Installs, for this thread, a debugger session over the sources under {@code root}; the test
   * removes it with {@code SESSION.remove()}.
   */
  static void debugWith(
      Input input, PrintWriter out, Actions actions, Path root, Debugger.Options options) {
    SESSION.set(
        crash ->
            new Debugger(crash, input, out, actions, new SourceLocator(List.of(root)), options)
                .run());
  }

  /**
   * The proxy's catch block.
   *
   * @param slot the slot
   * @param thrown what the implementation threw
   * @param receiver the proxy
   * @param arguments the arguments
   * @throws Throwable {@code thrown}, unless the session said continue
   */
  public static void failed(MethodSlot slot, Throwable thrown, Object receiver, Object[] arguments)
      throws Throwable {
    Function<Crash, Outcome> session = SESSION.get();
    if (session == null) {
      slot.failed(thrown, receiver, arguments);
      return;
    }
    Outcome outcome = session.apply(new Crash(slot, thrown, receiver, arguments));
    // As the slot: call again, where a forced return's value waits (MethodSlot.returnNext).
    if (outcome != Outcome.CONTINUE && outcome != Outcome.RETURN) {
      throw thrown;
    }
  }
}
