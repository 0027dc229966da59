package dev.hotrestart.maven;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Keeps Ctrl-C from ending Maven while the program runs. A terminal sends SIGINT to the whole
 * foreground process group, Maven's JVM and the forked one alike; without this trap the first
 * Ctrl-C at the debugger's prompt would end Maven and take the terminal away from the program.
 * With it, only the program decides what Ctrl-C means (the debugger keeps its prompt; a plain
 * program exits with 130, which Maven then reports).
 *
 * <p>The JDK has no public signal API, so {@code sun.misc.Signal} (module
 * {@code jdk.unsupported}, exported) is used by reflection: a direct reference would draw
 * javac's "internal proprietary API" warning, which cannot be suppressed. Where the handler
 * cannot be installed (for example {@code -Xrs}), the trap does nothing and says so at debug
 * level.
 */
final class SigIntTrap implements AutoCloseable {

  private final Object signal;
  private final Object previousHandler;
  private final AtomicInteger trapped;

  private SigIntTrap(Object signal, Object previousHandler, AtomicInteger trapped) {
    this.signal = signal;
    this.previousHandler = previousHandler;
    this.trapped = trapped;
  }

  /** Installs a handler that ignores SIGINT; {@link #close()} puts the previous one back. */
  static SigIntTrap install(Consumer<String> debug) {
    AtomicInteger trapped = new AtomicInteger();
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Object signal = signalClass.getConstructor(String.class).newInstance("INT");
      InvocationHandler ignore =
          (proxy, method, args) ->
              switch (method.getName()) {
                case "handle" -> {
                  // the program received the same signal; it decides what happens next
                  trapped.incrementAndGet();
                  yield null;
                }
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> "hotrestart SIGINT trap";
                default -> throw new UnsupportedOperationException(method.toString());
              };
      Object handler =
          Proxy.newProxyInstance(
              SigIntTrap.class.getClassLoader(), new Class<?>[] {handlerClass}, ignore);
      Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
      Object previous = handle.invoke(null, signal, handler);
      return new SigIntTrap(signal, previous, trapped);
    } catch (InvocationTargetException e) {
      debug.accept("hotrestart:run: cannot trap Ctrl-C (" + e.getCause() + "); Ctrl-C will also end Maven");
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      debug.accept("hotrestart:run: no sun.misc.Signal (" + e + "); Ctrl-C will also end Maven");
    }
    return new SigIntTrap(null, null, trapped);
  }

  /** Whether the handler is in place. */
  boolean installed() {
    return signal != null;
  }

  /**
   * Whether this JVM started with SIGINT ignored, as a command started in the background
   * ({@code mvn ... &}) or with {@code nohup} does: the JVM then keeps it ignored and never calls
   * the handler, so there is nothing to trap and Ctrl-C cannot end Maven anyway.
   */
  boolean ignoredSinceStart() {
    return previousHandler != null && "SIG_IGN".equals(previousHandler.toString());
  }

  /** How many SIGINTs were kept from Maven so far. */
  int trapped() {
    return trapped.get();
  }

  /** Puts the previous handler back. */
  @Override
  public void close() {
    if (signal == null) {
      return;
    }
    try {
      Class<?> signalClass = signal.getClass();
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, previousHandler);
    } catch (ReflectiveOperationException e) {
      // installing worked through the same methods, so this means the JVM is shutting down
      throw new IllegalStateException("cannot restore the SIGINT handler", e);
    }
  }
}
