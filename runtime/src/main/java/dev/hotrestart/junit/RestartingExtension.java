package dev.hotrestart.junit;

import dev.hotrestart.HotRestart;
import dev.hotrestart.slot.MethodSlot;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * The Jupiter extension of {@code mvn hotrestart:test}: when a test method (a {@code @Test}, or
 * one invocation of a {@code @ParameterizedTest} or {@code @RepeatedTest}) fails, the failure
 * goes to the method's {@link MethodSlot}, which opens the prompt on it; after {@code c} the
 * (reloaded) method runs again on the same test instance with the same arguments, until it passes
 * or the user types {@code r} or {@code q}.
 *
 * <p>The run again is the same test call going on, as {@code c} in a wrapped method is: it is
 * made inside the interceptor, so {@code @BeforeEach} and {@code @AfterEach} methods, the
 * extensions' callbacks and the interceptors registered after this one do not run again around
 * it, and {@code @BeforeAll} state, static fixtures and extension stores are untouched.
 *
 * <p>Registered only by {@link TestMain} (see {@link ExtensionServiceLoader}); it is public with a
 * public constructor because Jupiter makes it with {@link java.util.ServiceLoader}. The state it
 * shares with the run's summary is static: one test run per JVM.
 */
public final class RestartingExtension implements InvocationInterceptor {

  private static final TestSlots SLOTS = new TestSlots();
  private static final Set<String> RESTARTED = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean DYNAMIC_NOTED = new AtomicBoolean();
  private static final AtomicBoolean UNREACHABLE_NOTED = new AtomicBoolean();
  private static volatile PrintStream out = System.out;

  /** Made by Jupiter's {@link java.util.ServiceLoader} lookup. */
  public RestartingExtension() {}

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    runRestarting(invocation, invocationContext, extensionContext);
  }

  @Override
  public void interceptTestTemplateMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    runRestarting(invocation, invocationContext, extensionContext);
  }

  @Override
  public void interceptDynamicTest(
      Invocation<Void> invocation,
      DynamicTestInvocationContext invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    // A dynamic test's executable is a lambda made by its factory: no method of its own to
    // reload and call again. Said once, when it matters.
    try {
      invocation.proceed();
    } catch (Throwable e) {
      if (HotRestart.isEnabled() && DYNAMIC_NOTED.compareAndSet(false, true)) {
        out.println(
            "hotrestart: dynamic tests (@TestFactory) fail without the prompt; their failures are"
                + " reported at the end");
      }
      throw e;
    }
  }

  /** The unique ids of the tests that passed or failed after at least one {@code c}. */
  static Set<String> restarted() {
    return Set.copyOf(RESTARTED);
  }

  static void output(PrintStream stream) {
    out = stream;
  }

  private static void runRestarting(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> context,
      ExtensionContext extension)
      throws Throwable {
    Optional<Object> target = context.getTarget();
    if (target.isEmpty() || !HotRestart.isEnabled()) {
      invocation.proceed();
      return;
    }
    Method method = context.getExecutable();
    List<Object> call = new ArrayList<>();
    call.add(target.get());
    call.addAll(context.getArguments());
    // Made before the first run, as a proxy's slots are when its class starts: the test class's
    // source is read then, so that the prompt and diff know the text the running code came from
    // even when the file is edited while earlier tests run.
    MethodSlot slot;
    try {
      slot = SLOTS.of(method);
    } catch (IllegalStateException e) {
      // The test class cannot be reached (a named module that does not open its package): the
      // test still runs, as under mvn test, and the reason is said once.
      if (UNREACHABLE_NOTED.compareAndSet(false, true)) {
        out.println(e.getMessage());
      }
      invocation.proceed();
      return;
    }
    Throwable failure;
    if (slot.version() > 0) {
      // An earlier invocation reloaded this method: JUnit's reflective call would run the code
      // as it was compiled, so this invocation runs through the slot too.
      invocation.skip();
      failure = callThrough(slot, call);
    } else {
      failure = proceed(invocation);
    }
    while (failure != null) {
      if (isAbort(failure)) {
        throw failure; // an assumption that does not hold: skipped, nothing to fix
      }
      // Returns when the user typed c and the reload worked; else rethrows the failure.
      slot.failed(failure, call.get(0), call.subList(1, call.size()).toArray());
      RESTARTED.add(extension.getUniqueId());
      failure = callThrough(slot, call);
    }
  }

  private static Throwable proceed(Invocation<Void> invocation) {
    try {
      invocation.proceed();
      return null;
    } catch (Throwable e) {
      return e;
    }
  }

  private static Throwable callThrough(MethodSlot slot, List<Object> call) {
    try {
      slot.erasedInvoker().invokeWithArguments(call);
      return null;
    } catch (Throwable e) {
      return e;
    }
  }

  /** opentest4j's {@code TestAbortedException} (JUnit's assumptions), by name: no dependency. */
  private static boolean isAbort(Throwable failure) {
    for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
      if (type.getName().equals("org.opentest4j.TestAbortedException")) {
        return true;
      }
    }
    return false;
  }
}
