package dev.hotrestart.reload;

import dev.hotrestart.slot.ClassStartListener;
import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.slot.SlotRegistry;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Says, once, that a wrapped method crashed on an instance its proxy did not make, when the
 * runtime is not the program's Java agent (an IDE run with {@code -Dhotrestart.enabled=true} only): registered
 * in {@code META-INF/services/dev.hotrestart.slot.ClassStartListener}.
 *
 * <p>Without the agent nothing of hotrestart runs inside such an instance's method, so the crash
 * cannot open a prompt; the one place left to see it is the end of its thread. When the first
 * unrouted class starts (its proxy is initialised), this installs the JVM's default uncaught
 * exception handler, in front of the one there was (or of the JVM's own printing), and names the
 * crashed method and the option that routes it the first time an exception ending a thread passed
 * through a wrapped method with no proxy frame calling it. A crash a framework catches and logs,
 * or one before any proxy of the program was initialised, is not seen: the documentation says so.
 */
public final class UnroutedInstances implements ClassStartListener {

  private static final AtomicBoolean INSTALLED = new AtomicBoolean();
  private static final AtomicBoolean SAID = new AtomicBoolean();

  /** Called by {@link java.util.ServiceLoader}. */
  public UnroutedInstances() {}

  @Override
  public void classStarted(MethodSlot first) {
    // With the agent, a class it does not route comes from a jar, which the option cannot name.
    if (!first.routed()
        && Redefiner.instrumentation().isEmpty()
        && INSTALLED.compareAndSet(false, true)) {
      Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
      Thread.setDefaultUncaughtExceptionHandler(
          (thread, thrown) -> {
            if (previous != null) {
              previous.uncaughtException(thread, thrown);
            } else {
              // What ThreadGroup.uncaughtException prints when no default handler is set.
              System.err.print("Exception in thread \"" + thread.getName() + "\" ");
              thrown.printStackTrace(System.err);
            }
            tellOnce(thrown, System.err);
          });
    }
  }

  /** Prints {@link #notice} for {@code thrown} if it has one and none was printed before. */
  static void tellOnce(Throwable thrown, PrintStream err) {
    notice(thrown, SlotRegistry.all())
        .filter(text -> SAID.compareAndSet(false, true))
        .ifPresent(err::println);
  }

  /**
   * What to tell of an exception that ended a thread: the first wrapped method it passed through
   * (its causes included) on an instance no proxy made, and how to make such instances restart.
   *
   * @param thrown the exception
   * @param slots the slots of the program's proxies
   * @return the notice, or empty if every wrapped frame was called by its proxy
   */
  static Optional<String> notice(Throwable thrown, List<MethodSlot> slots) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
      StackTraceElement[] trace = t.getStackTrace();
      for (int i = 0; i < trace.length; i++) {
        for (MethodSlot slot : slots) {
          if (!slot.routed() && slot.proxied() && isUnproxiedCall(trace, i, slot)) {
            return Optional.of(text(slot));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isUnproxiedCall(StackTraceElement[] trace, int i, MethodSlot slot) {
    if (!trace[i].getClassName().equals(slot.declaringClass().getName())
        || !trace[i].getMethodName().equals(slot.methodName())) {
      return false;
    }
    return i + 1 == trace.length
        || !trace[i + 1].getClassName().equals(slot.proxyClass().getName());
  }

  private static String text(MethodSlot slot) {
    String proxy = slot.proxyClass().getSimpleName();
    return "hotrestart: " + slot.describe() + " threw on an instance not made by " + proxy
        + ".create (made with new, by reflection or by a framework), so no prompt opened: such"
        + " instances restart only when the runtime jar is the program's Java agent. Run the"
        + " program with mvn hotrestart:run, or add " + Redefiner.agentOption() + "="
        + InstanceRouting.OPTION + "=" + classesOf(slot.declaringClass())
        + " to its JVM options.";
  }

  private static String classesOf(Class<?> type) {
    try {
      CodeSource source = type.getProtectionDomain().getCodeSource();
      if (source != null && source.getLocation() != null) {
        return Path.of(source.getLocation().toURI()).toString();
      }
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      // not a local directory: the generic form below
    }
    return "<the program's class directories>";
  }
}
