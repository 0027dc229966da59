package dev.hotrestart.debug;

import dev.hotrestart.slot.MethodSlot;
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
    if (session.apply(new Crash(slot, thrown, receiver, arguments)) != Outcome.CONTINUE) {
      throw thrown;
    }
  }
}
