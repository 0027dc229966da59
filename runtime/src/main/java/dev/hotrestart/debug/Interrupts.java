package dev.hotrestart.debug;

import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Where Ctrl-C comes from while a prompt is open. The JVM's is SIGINT; tests press it by hand.
 */
@FunctionalInterface
interface Interrupts {

  /** Stops the handler that {@link #arm} installed and puts the previous one back. */
  @FunctionalInterface
  interface Armed extends AutoCloseable {
    @Override
    void close();

    /**
     * Installs the handler again, after a line editor replaced it while it read a line: JLine's
     * {@code readLine} installs its own SIGINT handler and, when it returns, the default one
     * (which ends the JVM), never the handler that was there before it.
     */
    default void reinstall() {}
  }

  /**
   * Calls {@code onCtrlC} (on another thread) for each Ctrl-C until the result is closed.
   *
   * @param onCtrlC what to do
   * @return the handle that restores the previous behaviour of Ctrl-C
   */
  Armed arm(Runnable onCtrlC);

  /** No Ctrl-C at all. */
  static Interrupts none() {
    return onCtrlC -> () -> {};
  }

  /**
   * SIGINT, through {@code sun.misc.Signal}. The JDK has no public signal API, and a direct
   * reference to {@code sun.misc} draws javac's internal-API warning, which no annotation
   * suppresses (the build runs with {@code -Werror}), so it is called by reflection. Where the
   * handler cannot be installed ({@code -Xrs}, a JVM without {@code jdk.unsupported}), Ctrl-C keeps
   * its usual meaning, ending the program, and the log says why at DEBUG.
   */
  static Interrupts sigint() {
    return onCtrlC -> {
      try {
        Class<?> signalClass = Class.forName("sun.misc.Signal");
        Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
        Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
        Object signal = signalClass.getConstructor(String.class).newInstance("INT");
        InvocationHandler calls =
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "handle" -> {
                    onCtrlC.run();
                    yield null;
                  }
                  case "equals" -> proxy == args[0];
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "toString" -> "hotrestart prompt SIGINT handler";
                  default -> throw new UnsupportedOperationException(method.toString());
                };
        Object handler =
            Proxy.newProxyInstance(
                Interrupts.class.getClassLoader(), new Class<?>[] {handlerClass}, calls);
        Object previous = handle.invoke(null, signal, handler);
        return new Armed() {
          @Override
          public void close() {
            install(previous, "restore");
          }

          @Override
          public void reinstall() {
            install(handler, "reinstall");
          }

          private void install(Object which, String verb) {
            try {
              handle.invoke(null, signal, which);
            } catch (ReflectiveOperationException e) {
              // It was installed through the same method a moment ago: only a JVM shutting down
              // gets here, and then Ctrl-C has no meaning left to restore.
              logger().log(Level.WARNING, "cannot " + verb + " the SIGINT handler", e);
            }
          }
        };
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        logger().log(
            Level.DEBUG, "cannot handle Ctrl-C at the prompt; Ctrl-C will end the program", e);
        return () -> {};
      }
    };
  }

  private static System.Logger logger() {
    return System.getLogger(Interrupts.class.getName());
  }
}
