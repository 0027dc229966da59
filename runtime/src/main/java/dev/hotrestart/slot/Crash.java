package dev.hotrestart.slot;

import java.util.Arrays;
import java.util.List;

/**
 * One throw out of a wrapped method: what the slot hands its {@link CrashHandler} (the
 * post-mortem debugger opens on it, and evaluates expressions in its scope).
 *
 * @param slot the method that threw
 * @param thrown what it threw
 * @param receiver the proxy instance the method was called on
 * @param arguments the call's arguments, boxed, in order
 * @param thread the thread that crashed
 */
public record Crash(
    MethodSlot slot, Throwable thrown, Object receiver, List<Object> arguments, Thread thread) {

  /**
   * A crash on the current thread.
   *
   * @param slot the method that threw
   * @param thrown what it threw
   * @param receiver the proxy instance
   * @param arguments the arguments as the proxy passed them
   */
  public Crash(MethodSlot slot, Throwable thrown, Object receiver, Object[] arguments) {
    this(slot, thrown, receiver, Arrays.asList(arguments.clone()), Thread.currentThread());
  }
}
