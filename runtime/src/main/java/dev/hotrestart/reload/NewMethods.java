package dev.hotrestart.reload;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodHandles.Lookup;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.lang.invoke.SwitchPoint;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Non-private methods an edit adds to a class, which the running class cannot take: each moved
 * into a work class ({@link Transplant}) as a static method, the receiver first. This holds for
 * plain classes ({@link PlainClasses}) and wrapped ones ({@link Reloader}) alike.
 *
 * <p>Every call of one, from the reloaded code of any class, in this {@code c} or a later one,
 * becomes an {@code invokedynamic} ({@link #callOf}, bootstrapped by {@link Linkage#invokeNew})
 * that dispatches on the receiver's class as {@code invokevirtual} would: walking up from the
 * receiver's class, the first class with its own moved copy of the method, or a real method of
 * that name and descriptor (a subclass compiled with it, a proxy's override), is the one called.
 * An interface's new default method is called when no class on the way has either. Each call site
 * caches its target per receiver class ({@link ClassValue}), with checks of the first four
 * receiver classes it sees in front, which the JIT inlines as it does a virtual call's; a reload
 * that moves a method invalidates every such site ({@link SwitchPoint}), so calls reach the newest
 * copy.
 *
 * <p>A reload first declares the methods it adds ({@link #declare}), so that code of any file of
 * the same {@code c} can be linked to them, then notes where each moved ({@link #moved}); none of
 * it is seen by running code until {@link #commit}, so a refused reload changes nothing.
 */
final class NewMethods {

  /** Dispatch on the receiver's class. */
  static final int VIRTUAL = 0;

  /** A static method. */
  static final int STATIC = 1;

  /** {@code super.m()}: the copy found from the named class up, without dispatch. */
  static final int SPECIAL = 2;

  private static final String BSM_DESC =
      "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
          + "Ljava/lang/Class;I)Ljava/lang/invoke/CallSite;";

  /**
   * A moved copy.
   *
   * @param handle the static method in the work class: {@code (Owner, args...) -> R}, or {@code
   *     (args...) -> R} for a static method
   * @param isStatic whether the method is static
   * @param fingerprint its code's fingerprint when moved, to tell a later edit; null when every
   *     change of its file moves it again
   */
  record Copy(MethodHandle handle, boolean isStatic, String fingerprint) {}

  /** The published copies, by class, name + descriptor as declared. */
  private static final ClassValue<Map<String, Copy>> MOVED =
      new ClassValue<>() {
        @Override
        protected Map<String, Copy> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  /** The internal names of the classes with declared new methods: most code calls none. */
  private static final Set<String> OWNERS = ConcurrentHashMap.newKeySet();

  /** Declared by the reload under way, not yet committed. */
  private static final Map<Class<?>, Set<String>> PENDING_DECLARED = new HashMap<>();

  /** The internal names of the classes in {@link #PENDING_DECLARED}. */
  private static final Set<String> PENDING_OWNERS = ConcurrentHashMap.newKeySet();

  /** Moved by the reload under way, not yet committed. */
  private static final Map<Class<?>, Map<String, Copy>> PENDING_MOVED = new HashMap<>();

  /** Invalidated by each commit: every call site then links again. */
  private static volatile SwitchPoint generation = new SwitchPoint();

  private NewMethods() {}

  /**
   * The non-private methods with a body of {@code edited} that {@code running} lacks, which a
   * reload moves, as {@code name + descriptor}; bridges included, so that a call through the
   * erased signature of a method new in a superclass reaches a covariant override.
   */
  static List<String> added(ClassNode edited, Class<?> running) {
    List<String> added = new ArrayList<>();
    for (MethodNode method : edited.methods) {
      boolean bridge = (method.access & Opcodes.ACC_BRIDGE) != 0;
      if ((method.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0
          && (bridge || (method.access & Opcodes.ACC_SYNTHETIC) == 0)
          && !method.name.startsWith("<")
          && !RunningClasses.hasMethod(running, method.name, method.desc)) {
        added.add(method.name + method.desc);
      }
    }
    return added;
  }

  /** Notes that the reload under way adds the method {@code key} to {@code owner}. */
  static synchronized void declare(Class<?> owner, String key) {
    PENDING_DECLARED.computeIfAbsent(owner, o -> new HashSet<>()).add(key);
    PENDING_OWNERS.add(Type.getInternalName(owner));
  }

  /**
   * Notes that the new method {@code key} of {@code owner} now lives at {@code copy}; seen by
   * running code once {@link #commit committed}.
   */
  static synchronized void moved(Class<?> owner, String key, Copy copy) {
    declare(owner, key);
    PENDING_MOVED.computeIfAbsent(owner, o -> new HashMap<>()).put(key, copy);
  }

  /**
   * Publishes what the reload under way declared and moved, and makes every call site of a new
   * method link again.
   *
   * @return what undoes it, should the reload fail after all
   */
  static synchronized Runnable commit() {
    Map<Class<?>, Map<String, Copy>> previous = new HashMap<>();
    for (Map.Entry<Class<?>, Map<String, Copy>> entry : PENDING_MOVED.entrySet()) {
      Map<String, Copy> published = MOVED.get(entry.getKey());
      Map<String, Copy> before = new HashMap<>();
      for (String key : entry.getValue().keySet()) {
        before.put(key, published.get(key));
      }
      previous.put(entry.getKey(), before);
      published.putAll(entry.getValue());
      OWNERS.add(Type.getInternalName(entry.getKey()));
    }
    boolean changed = !PENDING_MOVED.isEmpty();
    discard();
    if (changed) {
      invalidate();
    }
    return () -> {
      synchronized (NewMethods.class) {
        previous.forEach(
            (owner, copies) ->
                copies.forEach(
                    (key, copy) -> {
                      if (copy == null) {
                        MOVED.get(owner).remove(key);
                      } else {
                        MOVED.get(owner).put(key, copy);
                      }
                    }));
        invalidate();
      }
    };
  }

  /** Forgets what the reload under way declared and moved: it changes nothing. */
  static synchronized void discard() {
    PENDING_MOVED.clear();
    PENDING_DECLARED.clear();
    PENDING_OWNERS.clear();
  }

  private static void invalidate() {
    SwitchPoint old = generation;
    generation = new SwitchPoint();
    SwitchPoint.invalidateAll(new SwitchPoint[] {old});
  }

  /** Whether a class of this internal name may have new methods. */
  static boolean mayHave(String owner) {
    return OWNERS.contains(owner) || PENDING_OWNERS.contains(owner);
  }

  /** Whether {@code owner} itself has the new method {@code key}, committed or under way. */
  static synchronized boolean declared(Class<?> owner, String key) {
    Set<String> pending = PENDING_DECLARED.get(owner);
    return (pending != null && pending.contains(key)) || MOVED.get(owner).containsKey(key);
  }

  /** The copy of {@code key} that {@code owner} has moved and published, or null. */
  static Copy published(Class<?> owner, String key) {
    return MOVED.get(owner).get(key);
  }

  /**
   * The {@code invokedynamic} that replaces {@code call}, a call of a method its owner (or a
   * supertype) lacks, or null when no reload added that method. A call on a receiver keeps its
   * stack: receiver, then arguments.
   */
  static InvokeDynamicInsnNode callOf(Class<?> owner, MethodInsnNode call) {
    if (call.name.startsWith("<") || !isNew(owner, call.name + call.desc)) {
      return null;
    }
    int kind;
    String descriptor;
    switch (call.getOpcode()) {
      case Opcodes.INVOKESTATIC:
        kind = STATIC;
        descriptor = call.desc;
        break;
      case Opcodes.INVOKESPECIAL:
        kind = SPECIAL;
        descriptor = "(L" + call.owner + ";" + call.desc.substring(1);
        break;
      default:
        kind = VIRTUAL;
        descriptor = "(L" + call.owner + ";" + call.desc.substring(1);
        break;
    }
    return new InvokeDynamicInsnNode(
        call.name,
        descriptor,
        new Handle(Opcodes.H_INVOKESTATIC, Type.getInternalName(Linkage.class), "invokeNew", BSM_DESC, false),
        Type.getObjectType(call.owner),
        kind);
  }

  /**
   * Whether a reload adds the method {@code key} to {@code owner} or one of its supertypes, as
   * method resolution searches them.
   */
  static boolean isNew(Class<?> owner, String key) {
    for (Class<?> type : hierarchy(owner)) {
      if (declared(type, key)) {
        return true;
      }
    }
    return false;
  }

  /** The class, its superclasses, then their interfaces, each once. */
  private static Set<Class<?>> hierarchy(Class<?> owner) {
    Set<Class<?>> seen = new LinkedHashSet<>();
    for (Class<?> type = owner; type != null; type = type.getSuperclass()) {
      seen.add(type);
    }
    Deque<Class<?>> interfaces = new ArrayDeque<>();
    for (Class<?> type : List.copyOf(seen)) {
      interfaces.addAll(List.of(type.getInterfaces()));
    }
    while (!interfaces.isEmpty()) {
      Class<?> type = interfaces.poll();
      if (seen.add(type)) {
        interfaces.addAll(List.of(type.getInterfaces()));
      }
    }
    return seen;
  }

  /** The call site of a call to a new method: see {@link Linkage#invokeNew}. */
  static CallSite site(Lookup caller, String name, MethodType type, Class<?> owner, int kind) {
    return new Site(caller, name, type, owner, kind);
  }

  /**
   * A call site that links on its first call in each generation: to the one copy for a static or
   * {@code super} call, else to the receiver's class's target, behind checks of the receiver
   * classes seen first and in front of a per-class table for the others.
   */
  private static final class Site extends MutableCallSite {
    private static final MethodHandle MISS;
    private static final MethodHandle IS_CLASS;
    private static final MethodHandle SELECT;
    /** How many receiver classes a call site checks inline before it looks in its table. */
    private static final int INLINE = 4;

    static {
      try {
        Lookup lookup = MethodHandles.lookup();
        MISS = lookup.findVirtual(Site.class, "miss", MethodType.methodType(Object.class, Object[].class));
        IS_CLASS =
            lookup.findStatic(
                Site.class, "isClass", MethodType.methodType(boolean.class, Class.class, Object.class));
        SELECT =
            lookup.findVirtual(
                Site.class,
                "select",
                MethodType.methodType(MethodHandle.class, ClassValue.class, Object.class));
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private final Lookup caller;
    private final String name;
    private final Class<?> owner;
    private final int kind;
    /** Name + descriptor as the declaring class has it: without the receiver. */
    private final String key;
    private final MethodHandle fallback;
    /** The generation {@link #table} and {@link #guarded} serve. */
    private SwitchPoint linkedIn;
    private ClassValue<MethodHandle> table;
    /** The receiver classes checked inline, each before the next, then the table. */
    private final List<Class<?>> guarded = new ArrayList<>();

    Site(Lookup caller, String name, MethodType type, Class<?> owner, int kind) {
      super(type);
      this.caller = caller;
      this.name = name;
      this.owner = owner;
      this.kind = kind;
      MethodType declared = kind == STATIC ? type : type.dropParameterTypes(0, 1);
      this.key = name + declared.toMethodDescriptorString();
      this.fallback =
          MISS.bindTo(this).asCollector(Object[].class, type.parameterCount()).asType(type);
      setTarget(fallback);
    }

    private static boolean isClass(Class<?> type, Object receiver) {
      return receiver != null && receiver.getClass() == type;
    }

    private MethodHandle select(ClassValue<MethodHandle> targets, Object receiver) {
      if (receiver == null) {
        throw new NullPointerException(
            "Cannot invoke \"" + owner.getName() + "." + name + "\" because the receiver is null");
      }
      return targets.get(receiver.getClass());
    }

    /**
     * The first call in a generation, or a receiver class the inline checks do not hold: up to
     * {@link #INLINE} classes are checked one after the other (the JIT inlines each target), the
     * rest look their target up in the per-class table.
     */
    private Object miss(Object[] arguments) throws Throwable {
      MethodHandle target;
      synchronized (this) {
        SwitchPoint current = generation;
        if (current != linkedIn) {
          linkedIn = current;
          guarded.clear();
          table =
              kind == VIRTUAL
                  ? new ClassValue<>() {
                    @Override
                    protected MethodHandle computeValue(Class<?> receiver) {
                      return virtualTarget(receiver);
                    }
                  }
                  : null;
        }
        if (kind != VIRTUAL) {
          target = constantTarget();
          setTarget(current.guardWithTest(target, fallback));
        } else {
          target = select(table, arguments[0]);
          if (guarded.size() < INLINE && !guarded.contains(arguments[0].getClass())) {
            guarded.add(arguments[0].getClass());
          }
          setTarget(current.guardWithTest(inlineChecks(), fallback));
        }
      }
      return target.invokeWithArguments(arguments);
    }

    /** Checks of {@link #guarded}, in order, then the miss handler or, once full, the table. */
    private MethodHandle inlineChecks() {
      List<Class<?>> rest = type().parameterList().subList(1, type().parameterCount());
      MethodHandle chain =
          guarded.size() < INLINE
              ? fallback
              : MethodHandles.foldArguments(
                  MethodHandles.exactInvoker(type()),
                  MethodHandles.dropArguments(
                      SELECT.bindTo(this)
                          .bindTo(table)
                          .asType(MethodType.methodType(MethodHandle.class, type().parameterType(0))),
                      1,
                      rest));
      for (int i = guarded.size() - 1; i >= 0; i--) {
        Class<?> receiver = guarded.get(i);
        MethodHandle test =
            MethodHandles.dropArguments(
                IS_CLASS.bindTo(receiver).asType(MethodType.methodType(boolean.class, type().parameterType(0))),
                1,
                rest);
        chain = MethodHandles.guardWithTest(test, table.get(receiver), chain);
      }
      return chain;
    }

    /** A static or {@code super} call's one target. */
    private MethodHandle constantTarget() {
      Copy copy = copyFrom(owner);
      if (copy == null || copy.isStatic() != (kind == STATIC)) {
        throw missing();
      }
      return copy.handle().asType(type());
    }

    /** The target for receivers of class {@code receiver}. */
    private MethodHandle virtualTarget(Class<?> receiver) {
      String descriptor = key.substring(name.length());
      for (Class<?> type = receiver; type != null; type = type.getSuperclass()) {
        Copy copy = published(type, key);
        if (copy != null && !copy.isStatic()) {
          return copy.handle().asType(type());
        }
        Method real = realMethod(type, descriptor);
        if (real != null) {
          try {
            return lookupIn(type).unreflect(real).asType(type());
          } catch (IllegalAccessException e) {
            throw (IllegalAccessError) new IllegalAccessError(e.getMessage()).initCause(e);
          }
        }
      }
      Copy copy = copyFrom(owner); // an interface's new default method
      if (copy == null || copy.isStatic()) {
        throw missing();
      }
      return copy.handle().asType(type());
    }

    /** A method of {@code type} itself that a call of this name and descriptor dispatches to. */
    private Method realMethod(Class<?> type, String descriptor) {
      for (Method method : type.getDeclaredMethods()) {
        int modifiers = method.getModifiers();
        if (method.getName().equals(name)
            && !method.isBridge()
            && (modifiers & (Modifier.STATIC | Modifier.PRIVATE | Modifier.ABSTRACT)) == 0
            && RunningClasses.descriptorOf(method).equals(descriptor)) {
          return method;
        }
      }
      return null;
    }

    private Lookup lookupIn(Class<?> type) {
      try {
        return MethodHandles.privateLookupIn(type, caller);
      } catch (IllegalAccessException e) {
        return caller; // another module's class: its public methods still link
      }
    }

    /** The copy the nearest class from {@code start} up (its interfaces last) has published. */
    private Copy copyFrom(Class<?> start) {
      for (Class<?> type : hierarchy(start)) {
        Copy copy = published(type, key);
        if (copy != null) {
          return copy;
        }
      }
      return null;
    }

    private NoSuchMethodError missing() {
      return new NoSuchMethodError(
          "hotrestart: "
              + owner.getName()
              + "."
              + name
              + Unapplied.parameters(key.substring(name.length()))
              + " is a method a reload added, but no reload that moved it was applied");
    }
  }
}
