package dev.hotrestart.reload;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Fields an edit adds to a running class. The JVM cannot add a field to a loaded class, so each
 * new field lives in a side table here: per object for an instance field (keyed by identity and
 * held weakly, so an object is never kept alive and its {@code equals} and {@code hashCode} are
 * never called), one value for a static field. Reloaded code, and a class redefined with the
 * edit, reach the table through {@code invokedynamic} instructions that {@link Linkage} binds
 * once, in place of each {@code getfield}, {@code putstatic} and the like, which the JVM would
 * reject.
 *
 * <p>An object that has no entry reads the field's default value: objects made before the reload
 * never ran the initializer. A constructor redefined with the edit writes the initial value, so
 * objects made after it start as the source says. A new static field starts at the value of its
 * initializer ({@link NewStatics}). The debugger lists an object's new fields through {@link
 * #in}, since reflection does not see them.
 */
public final class NewFields {

  /** The tables of each class, by field name and descriptor. */
  private static final ClassValue<Map<String, Table>> TABLES =
      new ClassValue<>() {
        @Override
        protected Map<String, Table> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  /**
   * The new fields declared by an edit that compiled, by class: name + descriptor, with whether
   * the field is static.
   */
  private static final ClassValue<Map<String, Boolean>> DECLARED =
      new ClassValue<>() {
        @Override
        protected Map<String, Boolean> computeValue(Class<?> type) {
          return Collections.synchronizedMap(new LinkedHashMap<>());
        }
      };

  /**
   * How each new static field of a reload being prepared starts, for its reload line ({@link
   * NewStatics}); a field leaves when it is said.
   */
  private static final ClassValue<Map<String, String>> STATIC_STARTS =
      new ClassValue<>() {
        @Override
        protected Map<String, String> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  /** The new static fields that hold their start value, by class: name + descriptor. */
  private static final ClassValue<Set<String>> STARTED =
      new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
          return ConcurrentHashMap.newKeySet();
        }
      };

  private static final String LINKAGE = Type.getInternalName(Linkage.class);
  private static final String BSM_DESC =
      "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
          + "Ljava/lang/Class;Ljava/lang/String;)Ljava/lang/invoke/CallSite;";

  private NewFields() {}

  /** Notes that an edit of {@code owner} declares the field, which the running class lacks. */
  static void declare(Class<?> owner, FieldNode field) {
    boolean isStatic = (field.access & Opcodes.ACC_STATIC) != 0;
    DECLARED.get(owner).put(field.name + ":" + field.desc, isStatic);
  }

  /** Whether an edit of {@code owner} declared the field in a side table. */
  static boolean declared(Class<?> owner, String name, String descriptor) {
    return DECLARED.get(owner).containsKey(name + ":" + descriptor);
  }

  /** Notes how a new static field starts, for the reload line: "set by its initializer". */
  static void startsStatic(Class<?> owner, FieldNode field, String how) {
    STATIC_STARTS.get(owner).put(field.name + ":" + field.desc, how);
  }

  /** The fields of {@code edited} that {@code running} does not declare, synthetic ones aside. */
  static List<FieldNode> added(ClassNode edited, Class<?> running) {
    Set<String> present = new java.util.HashSet<>();
    for (java.lang.reflect.Field field : running.getDeclaredFields()) {
      present.add(field.getName());
    }
    return edited.fields.stream()
        .filter(f -> (f.access & Opcodes.ACC_SYNTHETIC) == 0 && !present.contains(f.name))
        .toList();
  }

  /**
   * {@code classes} with every declared new field taken out of the class that declares it, every
   * access to one rewritten, and every call of a new method of another class that moved ({@link
   * NewMethods}) made a call of its moved copy: class files a running class can be redefined
   * with, or moved from. A class nothing changes in keeps its bytes.
   *
   * @param classes class files by binary name, as compiled
   * @param loader the program's class loader
   */
  static Map<String, byte[]> lowered(Map<String, byte[]> classes, ClassLoader loader) {
    Map<String, byte[]> result = new LinkedHashMap<>();
    Map<String, java.util.Optional<Class<?>>> owners = new HashMap<>();
    for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
      ClassNode node = ClassFiles.read(entry.getValue());
      boolean changed = false;
      Class<?> self = owner(node.name, loader, owners);
      if (self != null) {
        changed = node.fields.removeIf(f -> declared(self, f.name, f.desc)
            && !RunningClasses.hasField(self, f.name, f.desc));
      }
      for (MethodNode method : node.methods) {
        ListIterator<AbstractInsnNode> iterator = method.instructions.iterator();
        while (iterator.hasNext()) {
          AbstractInsnNode insn = iterator.next();
          if (insn instanceof MethodInsnNode call
              && !call.owner.equals(node.name)
              && NewMethods.mayHave(call.owner)) {
            AbstractInsnNode moved = movedCall(call, loader);
            if (moved != null) {
              iterator.set(moved);
              changed = true;
            }
          } else if (insn instanceof FieldInsnNode field) {
            Class<?> owner = owner(field.owner, loader, owners);
            if (owner != null
                && declared(owner, field.name, field.desc)
                && !RunningClasses.hasField(owner, field.name, field.desc)) {
              iterator.set(access(field));
              changed = true;
            }
          }
        }
      }
      if (changed) {
        org.objectweb.asm.ClassWriter writer =
            new org.objectweb.asm.ClassWriter(org.objectweb.asm.ClassWriter.COMPUTE_MAXS);
        node.accept(writer);
        result.put(entry.getKey(), writer.toByteArray());
      } else {
        result.put(entry.getKey(), entry.getValue());
      }
    }
    return result;
  }

  /** The moved copy of a new method of another class that {@code call} calls, or null. */
  private static AbstractInsnNode movedCall(MethodInsnNode call, ClassLoader loader) {
    try {
      Class<?> owner = Class.forName(call.owner.replace('/', '.'), false, loader);
      return RunningClasses.hasMethod(owner, call.name, call.desc) ? null : NewMethods.callOf(owner, call);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  /** The loaded class with new fields named {@code internalName}, or null. */
  private static Class<?> owner(
      String internalName, ClassLoader loader, Map<String, java.util.Optional<Class<?>>> cache) {
    if (internalName.startsWith("[")) {
      return null;
    }
    return cache
        .computeIfAbsent(
            internalName,
            name -> {
              try {
                Class<?> type = Class.forName(name.replace('/', '.'), false, loader);
                return DECLARED.get(type).isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(type);
              } catch (ClassNotFoundException | LinkageError e) {
                return java.util.Optional.empty();
              }
            })
        .orElse(null);
  }

  /**
   * The reload lines for the fields an edit adds to {@code type}: where each instance field starts
   * in the objects that exist, which never ran its initializer, and how each new static field
   * starts ({@link NewStatics}); fields that share a start are named together. Null when every
   * one was added by an earlier reload already (its table is in use).
   */
  static String startLine(Class<?> type, List<FieldNode> fields) {
    Map<String, List<String>> instance = new LinkedHashMap<>();
    Map<String, List<String>> statics = new LinkedHashMap<>();
    for (FieldNode field : fields) {
      String key = field.name + ":" + field.desc;
      String name = "`" + field.name + "`";
      if ((field.access & Opcodes.ACC_STATIC) != 0) {
        String how = STATIC_STARTS.get(type).remove(key);
        if (how == null && !STARTED.get(type).contains(key)) {
          how = "starts at " + defaultText(Type.getType(field.desc));
        }
        if (how != null) {
          statics.computeIfAbsent(how, k -> new ArrayList<>()).add(name);
        }
      } else if (!TABLES.get(type).containsKey(key)) { // else in use since an earlier reload
        instance
            .computeIfAbsent(defaultText(Type.getType(field.desc)), k -> new ArrayList<>())
            .add(name);
      }
    }
    List<String> lines = new ArrayList<>();
    if (!instance.isEmpty()) {
      List<String> groups = new ArrayList<>();
      for (Map.Entry<String, List<String>> group : instance.entrySet()) {
        boolean several = group.getValue().size() > 1;
        groups.add(
            groups.isEmpty()
                ? "new field" + (several ? "s " : " ") + names(group.getValue())
                    + (several ? " start at " : " starts at ") + group.getKey()
                : names(group.getValue()) + " at " + group.getKey());
      }
      lines.add(
          "hotrestart: " + String.join(", ", groups) + (groups.size() > 1 ? "," : "") + " in "
              + ObjectCounts.existing(type) + " of " + type.getName());
    }
    if (!statics.isEmpty()) {
      List<String> groups = new ArrayList<>();
      for (Map.Entry<String, List<String>> group : statics.entrySet()) {
        boolean several = group.getValue().size() > 1;
        String how = several ? plural(group.getKey()) : group.getKey();
        groups.add(
            groups.isEmpty()
                ? "new static field" + (several ? "s " : " ") + names(group.getValue()) + " of "
                    + type.getName() + " " + how
                : names(group.getValue()) + " " + how);
      }
      lines.add("hotrestart: " + String.join(", ", groups));
    }
    return lines.isEmpty() ? null : String.join("\n", lines);
  }

  /** The reload lines of the fields each class of a compiled file adds ({@link #startLine}). */
  static List<String> startLines(Recompiler.Compiled compiled, ClassLoader loader) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : compiled.output().classes().entrySet()) {
      Class<?> type = PlainClasses.load(file.getKey(), loader);
      if (type == null) {
        continue; // new to the JVM: it has no fields to add
      }
      List<FieldNode> fields = added(ClassFiles.read(file.getValue()), type);
      String line = fields.isEmpty() ? null : startLine(type, fields);
      if (line != null) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** {@code `a`}, {@code `a` and `b`}, {@code `a`, `b` and `c`}. */
  private static String names(List<String> names) {
    int last = names.size() - 1;
    return last == 0
        ? names.get(0)
        : String.join(", ", names.subList(0, last)) + " and " + names.get(last);
  }

  /** "starts at 0" for several fields: "start at 0"; "set by its initializer": "their". */
  private static String plural(String how) {
    return how.startsWith("starts ")
        ? "start " + how.substring("starts ".length())
        : how.replace("its initializer", "their initializers");
  }

  /** Notes that a new static field holds its start value, or no longer does (an undone reload). */
  static void started(Class<?> owner, String name, String descriptor, boolean started) {
    if (started) {
      STARTED.get(owner).add(name + ":" + descriptor);
    } else {
      STARTED.get(owner).remove(name + ":" + descriptor);
      TABLES.get(owner).remove(name + ":" + descriptor);
    }
  }

  /** Whether a new static field got its start value from an earlier reload, which it keeps. */
  static boolean started(Class<?> owner, String name, String descriptor) {
    return STARTED.get(owner).contains(name + ":" + descriptor);
  }

  /** How a field of {@code type} reads before anything writes it, as Java writes it. */
  static String defaultText(Type type) {
    return switch (type.getSort()) {
      case Type.BOOLEAN -> "false";
      case Type.CHAR -> "'\\0'";
      case Type.FLOAT, Type.DOUBLE -> "0.0";
      case Type.OBJECT, Type.ARRAY -> "null";
      default -> "0";
    };
  }

  /** The {@code invokedynamic} that does what {@code field} does, on the side table. */
  static InvokeDynamicInsnNode access(FieldInsnNode field) {
    String descriptor;
    String bootstrap;
    switch (field.getOpcode()) {
      case Opcodes.GETFIELD -> {
        descriptor = "(L" + field.owner + ";)" + field.desc;
        bootstrap = "getNewField";
      }
      case Opcodes.PUTFIELD -> {
        descriptor = "(L" + field.owner + ";" + field.desc + ")V";
        bootstrap = "putNewField";
      }
      case Opcodes.GETSTATIC -> {
        descriptor = "()" + field.desc;
        bootstrap = "getNewStatic";
      }
      default -> {
        descriptor = "(" + field.desc + ")V";
        bootstrap = "putNewStatic";
      }
    }
    return new InvokeDynamicInsnNode(
        field.name,
        descriptor,
        new Handle(Opcodes.H_INVOKESTATIC, LINKAGE, bootstrap, BSM_DESC, false),
        Type.getObjectType(field.owner),
        field.desc);
  }

  /**
   * A field a reload added to an object's class, with its value in that object.
   *
   * @param declaringClass the class whose edit added it
   * @param name its name
   * @param value its value in the object: the default value until something writes it
   */
  public record Added(Class<?> declaringClass, String name, Object value) {}

  /**
   * The instance fields that reloads added to the classes of {@code object}, with their values
   * in it, class by class from the object's own, each class's in the order its edit declared
   * them, once code that uses them runs. They live in side tables, so reflection does not see
   * them.
   *
   * @param object any object
   * @return its added fields; empty when no reload added any
   */
  public static List<Added> in(Object object) {
    List<Added> added = new ArrayList<>();
    if (object == null) {
      return added;
    }
    for (Class<?> type = object.getClass(); type != null; type = type.getSuperclass()) {
      List<Map.Entry<String, Boolean>> fields;
      Map<String, Boolean> declared = DECLARED.get(type);
      synchronized (declared) {
        fields = List.copyOf(declared.entrySet());
      }
      for (Map.Entry<String, Boolean> field : fields) {
        if (field.getValue()) {
          continue;
        }
        // A table exists once applied code uses the field; an edit that failed to apply made none.
        Table table = TABLES.get(type).get(field.getKey());
        if (table != null) {
          String name = field.getKey().substring(0, field.getKey().indexOf(':'));
          added.add(new Added(type, name, table.get(object)));
        }
      }
    }
    return added;
  }

  /** The side table of one new field, made on first use. */
  static Table table(Class<?> owner, String name, String descriptor) {
    return TABLES.get(owner).computeIfAbsent(name + ":" + descriptor, k -> new Table(descriptor));
  }

  /** The value of a new field in {@code object}, or null when it has none or is no table's. */
  static Object valueIn(Object object, String name, String descriptor) {
    for (Class<?> type = object.getClass(); type != null; type = type.getSuperclass()) {
      Table table = TABLES.get(type).get(name + ":" + descriptor);
      if (table != null) {
        return table.get(object);
      }
    }
    return null;
  }

  /**
   * The values of one new field: per object, by identity and weakly, and one static value.
   * Synchronized: a field read sees the latest write of any thread, as a field read after a
   * synchronized write would.
   */
  static final class Table {
    private static final MethodHandle GET;
    private static final MethodHandle PUT;
    private static final MethodHandle GET_STATIC;
    private static final MethodHandle PUT_STATIC;

    static {
      try {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        GET = lookup.findVirtual(Table.class, "get", MethodType.methodType(Object.class, Object.class));
        PUT =
            lookup.findVirtual(
                Table.class, "put", MethodType.methodType(void.class, Object.class, Object.class));
        GET_STATIC = lookup.findVirtual(Table.class, "getStatic", MethodType.methodType(Object.class));
        PUT_STATIC =
            lookup.findVirtual(Table.class, "putStatic", MethodType.methodType(void.class, Object.class));
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private final Object defaultValue;
    private final Map<Key, Object> values = new HashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    private Object staticValue;

    Table(String descriptor) {
      this.defaultValue = defaultValue(Type.getType(descriptor));
      this.staticValue = defaultValue;
    }

    private static Object defaultValue(Type type) {
      return switch (type.getSort()) {
        case Type.BOOLEAN -> false;
        case Type.CHAR -> '\0';
        case Type.BYTE -> (byte) 0;
        case Type.SHORT -> (short) 0;
        case Type.INT -> 0;
        case Type.LONG -> 0L;
        case Type.FLOAT -> 0f;
        case Type.DOUBLE -> 0d;
        default -> null;
      };
    }

    synchronized Object get(Object object) {
      return values.getOrDefault(new Key(object, null), defaultValue);
    }

    synchronized void put(Object object, Object value) {
      expunge();
      values.put(new Key(object, collected), value);
    }

    synchronized Object getStatic() {
      return staticValue;
    }

    synchronized void putStatic(Object value) {
      staticValue = value;
    }

    /** How many objects have a value of their own: those made after the reload, or written. */
    synchronized int size() {
      expunge();
      return values.size();
    }

    private void expunge() {
      for (Object gone; (gone = collected.poll()) != null; ) {
        values.remove(gone);
      }
    }

    /** {@code (Owner) -> T} for {@code getfield}, and so on, bound to this table. */
    MethodHandle handle(String bootstrap, MethodType type) {
      MethodHandle handle =
          switch (bootstrap) {
            case "getNewField" -> GET.bindTo(this);
            case "putNewField" -> PUT.bindTo(this);
            case "getNewStatic" -> GET_STATIC.bindTo(this);
            default -> PUT_STATIC.bindTo(this);
          };
      return handle.asType(type);
    }
  }

  /**
   * An object by identity, held weakly. A lookup key has no queue; both compare by the referent
   * they had when made, and a collected key equals only itself.
   */
  private static final class Key extends WeakReference<Object> {
    private final int hash;

    Key(Object referent, ReferenceQueue<Object> queue) {
      super(referent, queue);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (other == this) {
        return true;
      }
      if (!(other instanceof Key key)) {
        return false;
      }
      Object mine = get();
      return mine != null && mine == key.get();
    }
  }
}
