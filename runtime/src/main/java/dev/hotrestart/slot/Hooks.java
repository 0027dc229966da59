package dev.hotrestart.slot;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The implementations of the slot's SPI ({@link CrashHandler}, {@link ClassStartListener}), found
 * with {@link ServiceLoader} in the runtime's own class loader. They are looked up only once
 * restarting is on, so a program running without hotrestart never loads the debugger or the
 * reloader.
 */
final class Hooks {

  private static final System.Logger LOG = System.getLogger(Hooks.class.getName());

  /** The declaring classes whose start the listeners were told of. */
  private static final Set<Class<?>> STARTED = ConcurrentHashMap.newKeySet();

  /** Loaded at first use, so that the lookup happens only with restarting on. */
  private static final class Loaded {
    static final CrashHandler HANDLER = handler();
    static final List<ClassStartListener> LISTENERS = load(ClassStartListener.class);
  }

  private Hooks() {}

  /**
   * Tells the listeners that {@code slot}'s class started, if this is its first slot since
   * restarting was on, then that its method started.
   *
   * @param slot a slot just created, with restarting on
   */
  static void slotCreated(MethodSlot slot) {
    if (STARTED.add(slot.declaringClass())) {
      for (ClassStartListener listener : Loaded.LISTENERS) {
        listener.classStarted(slot);
      }
    }
    for (ClassStartListener listener : Loaded.LISTENERS) {
      listener.methodStarted(slot);
    }
  }

  /** The crash handler of this JVM. */
  static CrashHandler crashHandler() {
    return Loaded.HANDLER;
  }

  private static CrashHandler handler() {
    List<CrashHandler> found = load(CrashHandler.class);
    if (!found.isEmpty()) {
      return found.get(0);
    }
    LOG.log(
        System.Logger.Level.ERROR,
        "hotrestart: no crash handler in META-INF/services/" + CrashHandler.class.getName()
            + " (was the runtime jar repackaged without its service files?); crashes propagate"
            + " as if hotrestart were off");
    return crash -> Outcome.RAISE;
  }

  private static <T> List<T> load(Class<T> service) {
    List<T> found = new ArrayList<>();
    Iterator<T> providers = ServiceLoader.load(service, Hooks.class.getClassLoader()).iterator();
    try {
      while (providers.hasNext()) {
        found.add(providers.next());
      }
    } catch (ServiceConfigurationError e) {
      // The iterator cannot be trusted to go on after an error: keep what loaded.
      LOG.log(
          System.Logger.Level.ERROR,
          "hotrestart: cannot load every " + service.getSimpleName() + "; going on with "
              + found.size(),
          e);
    }
    return List.copyOf(found);
  }
}
