package dev.hotrestart.reload;

import dev.hotrestart.config.Settings;
import dev.hotrestart.slot.ClassStartListener;
import dev.hotrestart.slot.MethodSlot;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Makes each wrapped method run as a copy of its own code that captures its local variables when
 * an exception leaves it ({@link LocalCapture}), so that the debugger's {@code p} and {@code
 * locals} see them: registered in {@code META-INF/services/dev.hotrestart.slot.ClassStartListener}.
 *
 * <p>When a class starts, its class file is read once and the wrapped methods (those its proxy
 * overrides) are moved, unchanged but for the capturing handlers, into one work class {@code
 * Foo$HR$copy$0} beside it, defined and linked; then each slot, as it is created, gets its copy
 * instead of {@code super.m}. Nothing else moves: private methods, lambda bodies and anonymous
 * classes stay the running ones. Only with a prompt possible ({@link Settings#interactive()}):
 * without one, no crash shows variables, and start-up is left alone. A method that cannot be
 * copied runs its original code, and the debugger says why its variables are unknown.
 */
public final class LocalsPreparation implements ClassStartListener {

  private static final System.Logger LOG = System.getLogger(LocalsPreparation.class.getName());

  /** The copies built at class start, waiting for their slots, by class and method key. */
  private static final Map<Class<?>, Map<String, MethodHandle>> COPIES = new ConcurrentHashMap<>();

  /** Called by {@link java.util.ServiceLoader}. */
  public LocalsPreparation() {}

  @Override
  public void classStarted(MethodSlot first) {
    if (Settings.interactive()) {
      prepare(first);
    }
  }

  /**
   * Builds the copies of the wrapped methods of {@code first}'s class, which {@link
   * #methodStarted} then installs.
   *
   * @param first the class's first slot
   */
  static void prepare(MethodSlot first) {
    Class<?> running = first.declaringClass();
    long start = System.nanoTime();
    List<String> roots = new ArrayList<>();
    try {
      byte[] bytes = ClassFiles.of(running);
      if (bytes.length == 0) {
        note(running, wrappedKeys(first), "the class file of " + running.getName()
            + " cannot be read from its class loader");
        return;
      }
      ClassNode original = ClassFiles.read(bytes);
      Set<String> wrapped = wrappedKeys(first);
      for (MethodNode method : original.methods) {
        String key = method.name + method.desc;
        if (!wrapped.contains(key) || method.instructions.size() == 0) {
          continue;
        }
        if (method.localVariables == null || method.localVariables.isEmpty()) {
          // Nothing to capture: the original code runs, under its own name.
          LocalCapture.withoutNames(running, key);
        } else {
          roots.add(key);
        }
      }
      if (roots.isEmpty()) {
        return;
      }
      Transplant.Result copy =
          Transplant.build(
              Map.of(running.getName(), bytes),
              running,
              original,
              roots,
              Type.getInternalName(running) + LocalCapture.COPY_MARK,
              Transplant.Mode.COPY);
      COPIES.put(running, new ConcurrentHashMap<>(Definer.define(running, copy)));
      long end = System.nanoTime();
      LOG.log(
          System.Logger.Level.DEBUG,
          () -> String.format(
              Locale.ROOT,
              "copied %d wrapped methods of %s to capture their variables in %.1f ms",
              copy.rootDescriptors().size(),
              running.getName(),
              (end - start) / 1e6));
    } catch (ReloadRefusal | RuntimeException | LinkageError e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot copy the wrapped methods of " + running, e);
      note(running, roots, "its code could not be copied to capture them (" + e.getMessage()
          + ")");
    }
  }

  @Override
  public void methodStarted(MethodSlot slot) {
    Map<String, MethodHandle> copies = COPIES.get(slot.declaringClass());
    if (copies == null) {
      return;
    }
    MethodHandle copy = copies.remove(LocalCapture.methodKey(slot));
    if (copy != null) {
      slot.replaceOriginal(copy);
    }
    if (copies.isEmpty()) {
      COPIES.remove(slot.declaringClass());
    }
  }


  private static void note(Class<?> running, Iterable<String> keys, String reason) {
    for (String key : keys) {
      LocalCapture.unavailable(running, key, reason);
    }
  }

  /**
   * The wrapped methods: those the agent routes, or those a proxy overrides. A routed class starts
   * before its proxy (if it has one) exists, and its own methods include the routed bodies.
   */
  private static Set<String> wrappedKeys(MethodSlot first) {
    if (first.routed()) {
      return new HashSet<>(first.routedKeys());
    }
    Set<String> keys = new HashSet<>();
    for (Method method : first.proxyClass().getDeclaredMethods()) {
      if (!Modifier.isStatic(method.getModifiers()) && !method.isSynthetic()) {
        keys.add(method.getName() + Type.getMethodDescriptor(method));
      }
    }
    return keys;
  }
}
