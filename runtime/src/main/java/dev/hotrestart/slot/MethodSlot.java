package dev.hotrestart.slot;

import dev.hotrestart.HotRestart;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The swappable implementation of one wrapped method. Used by generated code only.
 *
 * <p>A generated proxy holds one slot per overridden method, all built by {@link #all} into a
 * {@code static final} array, and calls each slot's {@link #erasedInvoker()}, kept in a {@code
 * static final} field of its own, with {@code invokeExact}. The invoker is the dynamic invoker of a {@link MutableCallSite}, so
 * the JIT inlines the current implementation and pays a deoptimisation only when {@link #swap}
 * changes it. The first implementation is {@code super.m(...)} of the annotated class.
 *
 * <p>The slot is the bottom of the restart path and knows nothing of the debugger or the
 * reloader: on a crash with restarting on it asks the {@link CrashHandler} what to do, and the
 * first slot of a class tells the {@link ClassStartListener}s, both registered as services by the
 * layers above.
 *
 * <p>The shape of a generated method:
 *
 * <pre>{@code
 * public int work(int x) {
 *   while (true) {
 *     try {
 *       return (int) HR_CALL_0.invokeExact((Object) this, x);
 *     } catch (Throwable e) {
 *       HR_SLOTS[0].failed(e, this, new Object[] {x});
 *     }
 *   }
 * }
 * }</pre>
 */
public final class MethodSlot {

  /**
   * The suffix of the name under which the agent keeps a routed method's own body: {@code
   * work$HR$body} beside the {@code work} that routes through the slot. Private and synthetic.
   */
  public static final String BODY_SUFFIX = "$HR$body";

  /** The routed slots, by declaring class, then by name and descriptor; proxies join them. */
  private static final Map<Class<?>, Map<String, MethodSlot>> ROUTED = new ConcurrentHashMap<>();

  private final Class<?> ownClass;
  private volatile Class<?> proxyClass;
  private final boolean routed;
  private final List<String> routedKeys;
  private final Class<?> declaringClass;
  private final String methodName;
  private final MethodType methodType;
  private final List<String> parameterNames;
  private final List<Class<? extends Throwable>> propagated;
  private final MutableCallSite site;
  private final MethodHandle erasedInvoker;
  private volatile int version;

  /** The value {@link #returnNext} set, for the next call on its thread only. */
  private record ForcedReturn(Thread thread, Object value, MethodHandle fallback) {}

  private static final MethodHandle PENDING;
  private static final MethodHandle TAKE;

  static {
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    try {
      PENDING =
          lookup.findVirtual(
              MethodSlot.class, "forcedReturnPending", MethodType.methodType(boolean.class));
      TAKE =
          lookup.findVirtual(
              MethodSlot.class, "takeForcedReturn", MethodType.methodType(Object.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Guarded by this. */
  private ForcedReturn forcedReturn;

  private MethodSlot(
      Class<?> proxyClass,
      Class<?> declaringClass,
      String methodName,
      MethodType methodType,
      List<String> parameterNames,
      List<Class<? extends Throwable>> propagated,
      MethodHandle original,
      List<String> routedKeys) {
    this.ownClass = proxyClass;
    this.proxyClass = proxyClass;
    this.routed = routedKeys != null;
    this.routedKeys = routedKeys == null ? List.of() : routedKeys;
    this.declaringClass = declaringClass;
    this.methodName = methodName;
    this.methodType = methodType;
    this.parameterNames = parameterNames;
    this.propagated = propagated;
    this.site = new MutableCallSite(original);
    MethodHandle invoker = site.dynamicInvoker();
    this.erasedInvoker = invoker.asType(invoker.type().erase());
  }

  /**
   * Creates the slot of one method of a proxy, from the values {@link #of} decodes.
   *
   * @param proxyLookup the proxy's own lookup ({@code MethodHandles.lookup()}), which may call
   *     the overridden method with {@code super} semantics
   * @param declaringClass the annotated class that declares the method
   * @param methodName the method's name
   * @param methodType the method's erased type, without the receiver
   * @param parameterNames the parameters' names in the source, for the debugger
   * @param propagated exceptions that pass through without a prompt
   * @return the slot, already registered with the runtime
   */
  private static MethodSlot create(
      MethodHandles.Lookup proxyLookup,
      Class<?> declaringClass,
      String methodName,
      MethodType methodType,
      String[] parameterNames,
      Class<?>[] propagated) {
    Class<?> proxy = proxyLookup.lookupClass();
    MethodHandle original;
    try {
      original = proxyLookup.findSpecial(declaringClass, methodName, methodType, proxy);
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new IllegalStateException(
          "hotrestart: " + proxy.getName() + " was generated for a different version of "
              + declaringClass.getName() + " (no " + methodName + methodType
              + "); rebuild the project so the proxy is generated again",
          e);
    }
    return register(
        proxy, declaringClass, methodName, methodType, parameterNames, propagated, original, null);
  }

  private static MethodSlot register(
      Class<?> proxy,
      Class<?> declaringClass,
      String methodName,
      MethodType methodType,
      String[] parameterNames,
      Class<?>[] propagated,
      MethodHandle original,
      List<String> routedKeys) {
    List<Class<? extends Throwable>> propagatedTypes =
        Stream.of(propagated).map(MethodSlot::throwableType).collect(Collectors.toUnmodifiableList());
    MethodSlot slot =
        new MethodSlot(
            proxy,
            declaringClass,
            methodName,
            methodType,
            List.of(parameterNames),
            propagatedTypes,
            original,
            routedKeys);
    if (routedKeys != null) {
      ROUTED
          .computeIfAbsent(declaringClass, type -> new ConcurrentHashMap<>())
          .put(methodName + methodType.toMethodDescriptorString(), slot);
    }
    SlotRegistry.register(slot);
    if (HotRestart.isEnabled()) {
      Hooks.slotCreated(slot);
    }
    return slot;
  }

  /**
   * Creates the slot of one method of a proxy; called from the proxy's static initialiser. The
   * method is described by constants only, which javac compiles faster than {@link MethodType}
   * and array expressions.
   *
   * <p>A method without a proxy (a test method, which JUnit calls) gets a slot too, with the
   * private lookup of its own class as {@code proxyLookup}: its first implementation is the
   * method itself, and whoever calls it through {@link #erasedInvoker()} plays the proxy's part
   * ({@link #proxied()} is then false).
   *
   * @param proxyLookup the proxy's own lookup ({@code MethodHandles.lookup()}), or the declaring
   *     class's private lookup for a method without a proxy
   * @param declaringClass the annotated class that declares the method
   * @param methodName the method's name
   * @param descriptor the method's erased type as a JVM descriptor ({@code "(ILjava/lang/String;)V"})
   * @param parameterNames the parameters' names in the source, separated by single spaces
   *     ({@code ""} for none)
   * @param propagated binary names of the exceptions that pass through without a prompt,
   *     separated by single spaces ({@code ""} for none)
   * @return the slot, already registered with the runtime
   */
  public static MethodSlot of(
      MethodHandles.Lookup proxyLookup,
      Class<?> declaringClass,
      String methodName,
      String descriptor,
      String parameterNames,
      String propagated) {
    Map<String, MethodSlot> routedHere = ROUTED.get(declaringClass);
    MethodSlot shared = routedHere == null ? null : routedHere.get(methodName + descriptor);
    if (shared != null) {
      // The agent routes the class: its slot already calls the method's own body, which the
      // proxy's super.m would now reach only through the routing again.
      if (proxyLookup.lookupClass() != declaringClass) {
        shared.proxyClass = proxyLookup.lookupClass();
      }
      return shared;
    }
    Decoded decoded = decode(proxyLookup, methodName, descriptor, propagated);
    return create(
        proxyLookup,
        declaringClass,
        methodName,
        decoded.type(),
        words(parameterNames),
        decoded.propagated());
  }

  /** A method's type and propagated exceptions, decoded from a proxy's constants. */
  private record Decoded(MethodType type, Class<?>[] propagated) {}

  private static Decoded decode(
      MethodHandles.Lookup lookup, String methodName, String descriptor, String propagated) {
    ClassLoader loader = lookup.lookupClass().getClassLoader();
    try {
      MethodType type = MethodType.fromMethodDescriptorString(descriptor, loader);
      String[] names = words(propagated);
      Class<?>[] propagatedTypes = new Class<?>[names.length];
      for (int i = 0; i < names.length; i++) {
        propagatedTypes[i] = Class.forName(names[i], false, loader);
      }
      return new Decoded(type, propagatedTypes);
    } catch (ClassNotFoundException | TypeNotPresentException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "hotrestart: " + lookup.lookupClass().getName() + " names a type that is not on"
              + " the class path (" + methodName + descriptor + ", " + propagated + "); rebuild"
              + " the project so the proxy is generated again",
          e);
    }
  }

  /**
   * Creates the slots of the wrapped methods of a class that the runtime's Java agent routes:
   * called from the class's static initialiser, which the agent extends as the class loads. Each
   * method {@code m} of the class then calls its slot as a proxy's override does, and its own
   * body, kept as the private {@code m$HR$body} ({@link #BODY_SUFFIX}), is the slot's first
   * implementation. The class's proxy, initialised after it, gets these same slots from {@link
   * #of}, so a proxy and an instance made by {@code new}, reflection or a framework restart
   * through one slot per method.
   *
   * @param lookup the class's own lookup
   * @param declaringClass the annotated class
   * @param methods one per method, as {@link #all} takes them
   * @return the slots, in the order of {@code methods}, already registered with the runtime
   */
  public static MethodSlot[] routed(
      MethodHandles.Lookup lookup, Class<?> declaringClass, String... methods) {
    List<String[]> specs = Stream.of(methods).map(method -> fields(lookup, method)).collect(
        Collectors.toUnmodifiableList());
    List<String> keys =
        specs.stream().map(spec -> spec[0] + spec[1]).collect(Collectors.toUnmodifiableList());
    MethodSlot[] slots = new MethodSlot[methods.length];
    for (int i = 0; i < slots.length; i++) {
      String[] spec = specs.get(i);
      Decoded decoded = decode(lookup, spec[0], spec[1], spec[3]);
      MethodHandle body;
      try {
        body = lookup.findVirtual(declaringClass, spec[0] + BODY_SUFFIX, decoded.type());
      } catch (NoSuchMethodException | IllegalAccessException e) {
        throw new IllegalStateException(
            "hotrestart: the agent routed " + declaringClass.getName() + "." + spec[0]
                + " but its body " + spec[0] + BODY_SUFFIX + decoded.type() + " is missing",
            e);
      }
      slots[i] =
          register(
              declaringClass,
              declaringClass,
              spec[0],
              decoded.type(),
              words(spec[2]),
              decoded.propagated(),
              body,
              keys);
    }
    return slots;
  }

  /**
   * Creates the slots of every wrapped method of a proxy, in order: one call from the proxy's
   * static initialiser, with one lookup, and one constant per method. javac compiles that shape
   * much faster than a call of {@link #of} and a field per method (performance.md, section 4).
   *
   * @param proxyLookup the proxy's own lookup ({@code MethodHandles.lookup()})
   * @param declaringClass the annotated class that declares the methods
   * @param methods one per method, four fields separated by {@code |}, as {@link #of} takes them:
   *     the name, the erased JVM descriptor, the parameters' names separated by single spaces, the
   *     binary names of the exceptions that pass through without a prompt separated by single
   *     spaces ({@code "work|(ILjava/lang/String;)V|x name|java.lang.InterruptedException"})
   * @return the slots, in the order of {@code methods}, already registered with the runtime
   */
  public static MethodSlot[] all(
      MethodHandles.Lookup proxyLookup, Class<?> declaringClass, String... methods) {
    MethodSlot[] slots = new MethodSlot[methods.length];
    for (int i = 0; i < methods.length; i++) {
      String[] fields = fields(proxyLookup, methods[i]);
      slots[i] = of(proxyLookup, declaringClass, fields[0], fields[1], fields[2], fields[3]);
    }
    return slots;
  }

  private static String[] fields(MethodHandles.Lookup lookup, String method) {
    String[] fields = method.split("\\|", -1);
    if (fields.length != 4) {
      throw new IllegalStateException(
          "hotrestart: " + lookup.lookupClass().getName() + " describes a method as \""
              + method + "\", not name|descriptor|parameters|propagated; rebuild the project"
              + " so the proxy is generated again");
    }
    return fields;
  }

  private static String[] words(String list) {
    return list.isEmpty() ? new String[0] : list.split(" ");
  }

  private static Class<? extends Throwable> throwableType(Class<?> type) {
    return type.asSubclass(Throwable.class);
  }

  /**
   * The handle the proxy calls, always the current implementation: the dynamic invoker of this
   * slot's call site, {@code (Proxy, parameters...) -> result}, with every reference type erased
   * to {@code Object} (receiver, parameters and result; primitives stay): {@code (Object, int,
   * Object) -> Object} for {@code String m(int, List<T>)}. Erased, because javac then needs one
   * signature per shape for all the {@code invokeExact} call sites of a compile instead of one per
   * proxy class, which it looks up linearly. The casts that adds are on the proxy's own
   * parameters, whose types the JIT already knows after inlining.
   *
   * @return the erased dynamic invoker of this slot's call site
   */
  public MethodHandle erasedInvoker() {
    return erasedInvoker;
  }

  /**
   * Handles a throw from the current implementation. Returns normally when the method is to be
   * called again (after the user typed {@code c}); otherwise throws {@code thrown} itself,
   * unchanged, checked or not. With restarting off, or for an exception the class's {@code
   * propagate} lists, that happens at once; else the {@link CrashHandler} decides.
   *
   * @param thrown what the implementation threw
   * @param receiver the proxy instance
   * @param arguments the arguments of the call, boxed
   */
  public void failed(Throwable thrown, Object receiver, Object[] arguments) {
    if (!HotRestart.isEnabled() || isPropagated(thrown)) {
      throw Sneaky.<RuntimeException>rethrow(thrown);
    }
    Outcome outcome = Hooks.crashHandler().crashed(new Crash(this, thrown, receiver, arguments));
    if (outcome == Outcome.CONTINUE) {
      return;
    }
    if (outcome == Outcome.RETURN && forcedReturnPending()) {
      return; // the proxy calls again, and the guard returnNext installed gives the value
    }
    if (outcome == Outcome.QUIT) {
      HotRestart.exit();
    }
    throw Sneaky.<RuntimeException>rethrow(thrown);
  }

  private boolean isPropagated(Throwable thrown) {
    for (Class<? extends Throwable> type : propagated) {
      if (type.isInstance(thrown)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Makes {@code implementation} the method's code for every later call, atomically: a call
   * runs either the old or the new code, never a mix.
   *
   * @param implementation a handle of type {@code (DeclaringClass, parameters...) -> result}
   */
  public synchronized void swap(MethodHandle implementation) {
    Objects.requireNonNull(implementation, "implementation");
    MethodHandle adapted = implementation.asType(site.type());
    site.setTarget(forcedReturn == null ? adapted : guarded(adapted));
    MutableCallSite.syncAll(new MutableCallSite[] {site});
    // Counted per method: "version 2" of a method is its second reload, whatever else reloaded.
    version = version + 1;
  }

  /**
   * Replaces the original implementation ({@code super.m}) by an equivalent copy, such as one
   * that records the method's local variables when an exception passes. Unlike {@link #swap} it
   * is no new version; it does nothing once the method was swapped.
   *
   * @param copy a handle of type {@code (DeclaringClass, parameters...) -> result} running the
   *     same code as the original
   * @return whether the copy is now the implementation
   */
  public synchronized boolean replaceOriginal(MethodHandle copy) {
    if (version != 0 || forcedReturn != null) {
      return false;
    }
    site.setTarget(copy.asType(site.type()));
    return true;
  }

  /**
   * Makes the next call of this method on the current thread return {@code value} without running
   * the method: how the debugger's {@code return} ends a crashed call. The slot's failure hook
   * returns, the proxy calls again, and that call returns the value; every other call, on any
   * thread, runs the method as before.
   *
   * @param value the value, boxed; ignored for a {@code void} method
   * @throws IllegalArgumentException if {@code value} does not fit the method's return type
   */
  public synchronized void returnNext(Object value) {
    Class<?> type = methodType.returnType();
    Class<?> boxed = MethodType.methodType(type).wrap().returnType();
    boolean fits =
        type == void.class
            || (value == null ? !type.isPrimitive() : boxed.isInstance(value));
    if (!fits) {
      throw new IllegalArgumentException(
          describe() + " returns " + type.getName() + ", not "
              + (value == null ? "null" : value.getClass().getName()));
    }
    MethodHandle current =
        forcedReturn == null ? site.getTarget() : forcedReturn.fallback();
    forcedReturn = new ForcedReturn(Thread.currentThread(), value, current);
    site.setTarget(guarded(current));
  }

  private MethodHandle guarded(MethodHandle fallback) {
    if (forcedReturn != null) {
      forcedReturn = new ForcedReturn(forcedReturn.thread(), forcedReturn.value(), fallback);
    }
    List<Class<?>> parameters = site.type().parameterList();
    MethodHandle test = MethodHandles.dropArguments(PENDING.bindTo(this), 0, parameters);
    MethodHandle give =
        MethodHandles.dropArguments(
            TAKE.bindTo(this).asType(MethodType.methodType(site.type().returnType())),
            0,
            parameters);
    return MethodHandles.guardWithTest(test, give, fallback);
  }

  private synchronized boolean forcedReturnPending() {
    return forcedReturn != null && forcedReturn.thread() == Thread.currentThread();
  }

  private synchronized Object takeForcedReturn() {
    ForcedReturn taken = forcedReturn;
    forcedReturn = null;
    site.setTarget(taken.fallback());
    return taken.value();
  }

  /** How many reloads of this method have been swapped in (0 for the original code). */
  public int version() {
    return version;
  }

  /**
   * The generated proxy class; for a slot the agent routes, the proxy once one was initialised,
   * else the annotated class itself (whose routing method then plays the proxy's part).
   */
  public Class<?> proxyClass() {
    return proxyClass;
  }

  /**
   * Whether a generated proxy, or the agent's routing, calls this slot; false for a slot made for
   * a method without one (a test method), whose own frame is then the outermost frame of the
   * crash.
   */
  public boolean proxied() {
    return routed || ownClass != declaringClass;
  }

  /**
   * Whether the runtime's Java agent routes the method: its instances made by {@code new},
   * reflection or a framework call this slot from the annotated class's own method {@code m},
   * whose body runs as {@code m$HR$body} ({@link #BODY_SUFFIX}).
   */
  public boolean routed() {
    return routed;
  }

  /**
   * The wrapped methods of a routed slot's class, {@code name + descriptor} each, in the order
   * the agent created their slots; empty for a slot that is not {@link #routed()}.
   */
  public List<String> routedKeys() {
    return routedKeys;
  }

  /**
   * Whether the agent routes a method of a class: its frame named {@code className.methodName}
   * is then the routing's, in the place a proxy's frame would be.
   *
   * @param className the binary name of a class
   * @param methodName a method name
   * @return whether a routed slot has that class and method
   */
  public static boolean isRouted(String className, String methodName) {
    for (Map.Entry<Class<?>, Map<String, MethodSlot>> entry : ROUTED.entrySet()) {
      if (entry.getKey().getName().equals(className)) {
        for (MethodSlot slot : entry.getValue().values()) {
          if (slot.methodName.equals(methodName)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The annotated class that declares the method. */
  public Class<?> declaringClass() {
    return declaringClass;
  }

  /** The method's name. */
  public String methodName() {
    return methodName;
  }

  /** The method's erased type, without the receiver. */
  public MethodType methodType() {
    return methodType;
  }

  /** The parameter names, as written in the source. */
  public List<String> parameterNames() {
    return parameterNames;
  }

  /** The method as a person reads it: {@code demo.Ledger.process(int, String)}. */
  public String describe() {
    return declaringClass.getName()
        + "."
        + methodName
        + methodType.parameterList().stream()
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", ", "(", ")"));
  }

  @Override
  public String toString() {
    return describe();
  }
}
