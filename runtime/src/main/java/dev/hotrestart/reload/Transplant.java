package dev.hotrestart.reload;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Moves recompiled methods out of a freshly compiled class into a new class that can be defined
 * beside the running one.
 *
 * <p>An instance method's bytecode, with {@code this} in local 0, is already valid as a static
 * method whose first parameter is the receiver, stack map frames included. So each moved method
 * becomes {@code public static} in the work class {@code Foo$HR$m$N}, with its line numbers and
 * source file unchanged, and along with it: the lambda bodies and private methods it reaches
 * (new or changed ones included, which is how a new private helper works), and its anonymous and
 * local classes, renamed below the work class. What the work class may not touch directly, as a
 * non-nestmate of the running class, goes through {@link Linkage}. Every member the code refers
 * to is checked against the running program first.
 */
final class Transplant {

  /**
   * The classes to define, in order (the work class last), and the new descriptor of each root.
   */
  record Result(String workClass, Map<String, byte[]> classes, Map<String, String> rootDescriptors) {}

  private static final String LINKAGE = Type.getInternalName(Linkage.class);
  private static final String MEMBER_BSM_DESC =
      "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
          + "Ljava/lang/Class;Ljava/lang/Class;)Ljava/lang/invoke/CallSite;";
  private static final String LAMBDA_BSM_DESC =
      "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
          + "[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;";
  private static final String METAFACTORY = "java/lang/invoke/LambdaMetafactory";

  private final Map<String, byte[]> compiled;
  private final Class<?> running;
  private final String target;
  private final String workClass;
  private final String nestHost;
  private final Set<String> nestMembers = new HashSet<>();
  private final Set<String> superclasses = new HashSet<>();
  private final RunningClasses runningClasses;

  private final ClassNode edited;
  private final Map<String, MethodNode> editedMethods = new LinkedHashMap<>();
  private final Map<String, MethodNode> moved = new LinkedHashMap<>();
  private final Map<String, String> movedDescriptors = new HashMap<>();
  private final Map<String, ClassNode> companions = new LinkedHashMap<>();
  private final Deque<MethodNode> toScan = new ArrayDeque<>();

  private Transplant(
      Map<String, byte[]> compiled, Class<?> running, ClassNode edited, String workClass) {
    this.compiled = compiled;
    this.running = running;
    this.target = Type.getInternalName(running);
    this.workClass = workClass;
    this.edited = edited;
    this.runningClasses = new RunningClasses(running.getClassLoader());
    Class<?> host = running.getNestHost();
    this.nestHost = Type.getInternalName(host);
    for (Class<?> member : host.getNestMembers()) {
      nestMembers.add(Type.getInternalName(member));
    }
    for (Class<?> type = running.getSuperclass(); type != null; type = type.getSuperclass()) {
      superclasses.add(Type.getInternalName(type));
    }
    for (MethodNode method : edited.methods) {
      editedMethods.put(method.name + method.desc, method);
    }
  }

  static ClassNode read(byte[] bytes) {
    ClassNode node = new ClassNode();
    new ClassReader(bytes).accept(node, 0);
    return node;
  }

  /**
   * Builds the work class holding {@code roots} (keys {@code name + descriptor} of methods of the
   * running class) as compiled in {@code edited}.
   *
   * @param compiled every class file of the compile, by binary name
   * @param running the running class
   * @param edited the new version of the running class, from {@code compiled}
   * @param roots the methods to move
   * @param workClass the internal name of the class to create
   * @throws ReloadRefusal when the new code refers to something the running program lacks
   */
  static Result build(
      Map<String, byte[]> compiled,
      Class<?> running,
      ClassNode edited,
      List<String> roots,
      String workClass)
      throws ReloadRefusal {
    return new Transplant(compiled, running, edited, workClass).build(roots);
  }

  private Result build(List<String> roots) throws ReloadRefusal {
    for (String root : roots) {
      if (!editedMethods.containsKey(root)) {
        throw new ReloadRefusal(
            "hotrestart: the edited " + running.getName() + " no longer has the method " + root);
      }
      move(root);
    }
    while (!toScan.isEmpty()) {
      scan(toScan.poll());
    }

    ClassNode work = new ClassNode();
    work.version = edited.version;
    work.access = Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC;
    work.name = workClass;
    work.superName = "java/lang/Object";
    work.sourceFile = edited.sourceFile;
    work.sourceDebug = edited.sourceDebug;

    Set<String> workMethods = new HashSet<>();
    for (Map.Entry<String, MethodNode> entry : moved.entrySet()) {
      MethodNode method = entry.getValue();
      String descriptor = movedDescriptors.get(entry.getKey());
      if (!workMethods.add(method.name + descriptor)) {
        throw new ReloadRefusal(
            "hotrestart: cannot reload: the static and instance methods `"
                + method.name
                + "` of "
                + running.getName()
                + " would clash once moved; rename one of them");
      }
    }
    for (Map.Entry<String, MethodNode> entry : moved.entrySet()) {
      MethodNode method = entry.getValue();
      rewrite(method.instructions, target);
      if ((method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
        // As a static method of the work class, ACC_SYNCHRONIZED would lock the work class.
        lockAround(method, (method.access & Opcodes.ACC_STATIC) != 0);
      }
      boolean lambda = method.name.startsWith("lambda$");
      method.access =
          Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | (lambda ? Opcodes.ACC_SYNTHETIC : 0);
      method.desc = movedDescriptors.get(entry.getKey());
      // Generic signatures and parameter metadata describe the old parameter list.
      method.signature = null;
      method.parameters = null;
      method.visibleAnnotations = null;
      method.invisibleAnnotations = null;
      method.visibleParameterAnnotations = null;
      method.invisibleParameterAnnotations = null;
      method.visibleAnnotableParameterCount = 0;
      method.invisibleAnnotableParameterCount = 0;
      method.visibleTypeAnnotations = null;
      method.invisibleTypeAnnotations = null;
      method.visibleLocalVariableAnnotations = null;
      method.invisibleLocalVariableAnnotations = null;
      method.annotationDefault = null;
      work.methods.add(method);
    }

    Map<String, String> renames = new HashMap<>();
    for (String companion : companions.keySet()) {
      renames.put(companion, workClass + "$" + companion.substring(nestHost.length() + 1));
    }
    for (ClassNode companion : companions.values()) {
      for (MethodNode method : companion.methods) {
        rewrite(method.instructions, target);
      }
      // The copy is no member of the running nest: drop what says it is. Its InnerClasses
      // entries stay (renamed), since getSimpleName() and so a local record's toString() read
      // them; the enclosing method may not exist in the running class, so it goes.
      companion.nestHostClass = null;
      companion.nestMembers = null;
      companion.outerMethod = null;
      companion.outerMethodDesc = null;
      companion.permittedSubclasses = null;
    }

    Map<String, byte[]> classes = new LinkedHashMap<>();
    SimpleRemapper remapper = new SimpleRemapper(Opcodes.ASM9, renames);
    for (ClassNode companion : companions.values()) {
      classes.put(renames.get(companion.name), write(companion, remapper));
    }
    classes.put(workClass, write(work, remapper));

    Map<String, String> rootDescriptors = new LinkedHashMap<>();
    for (String root : roots) {
      rootDescriptors.put(root, movedDescriptors.get(root));
    }
    return new Result(workClass, classes, rootDescriptors);
  }

  private static byte[] write(ClassNode node, SimpleRemapper remapper) {
    ClassWriter writer = new ClassWriter(0);
    node.accept(new ClassRemapper(writer, remapper));
    return writer.toByteArray();
  }

  // ---------------------------------------------------------------- what moves

  private boolean movable(String key) throws ReloadRefusal {
    MethodNode method = editedMethods.get(key);
    if (method == null || method.name.startsWith("<")) {
      return false;
    }
    boolean synthetic = (method.access & Opcodes.ACC_SYNTHETIC) != 0;
    boolean isPrivate = (method.access & Opcodes.ACC_PRIVATE) != 0;
    boolean lambdaBody = synthetic && method.name.startsWith("lambda$");
    boolean accessor =
        synthetic && (method.access & Opcodes.ACC_STATIC) != 0 && method.name.startsWith("access$");
    if (!(isPrivate || lambdaBody || accessor)) {
      return false;
    }
    if ((method.access & Opcodes.ACC_NATIVE) != 0) {
      if (!RunningClasses.hasMethod(running, method.name, method.desc)) {
        throw new ReloadRefusal(
            "hotrestart: cannot reload: the new method `"
                + ShapeCheck.describe(method)
                + "` of "
                + running.getName()
                + " is native, so it cannot be moved beside the running class;"
                + " restart the program");
      }
      return false; // no body to move: the running version, the same native code, is called
    }
    // A synchronized method moves too, its lock made explicit (lockAround): calling the running
    // version instead would silently ignore the user's edit.
    return true;
  }

  private boolean isMoved(String owner, String key) throws ReloadRefusal {
    if (!owner.equals(target)) {
      return false;
    }
    if (moved.containsKey(key)) {
      return true;
    }
    if (movable(key)) {
      move(key);
      return true;
    }
    return false;
  }

  private void move(String key) {
    MethodNode method = editedMethods.get(key);
    if ((method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
      // lockAround adds a local, which every stack map frame must then list.
      method = withExpandedFrames(key);
    }
    moved.put(key, method);
    boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
    movedDescriptors.put(key, isStatic ? method.desc : "(L" + target + ";" + method.desc.substring(1));
    toScan.add(method);
  }

  private boolean isCompanion(String internalName) {
    return isCompanionName(nestHost, internalName)
        && compiled.containsKey(internalName.replace('/', '.'));
  }

  /**
   * Whether {@code internalName} names a class that moves with the methods that use it: an
   * anonymous, local or synthetic class of the nest of {@code nestHost}. {@link Fingerprint}
   * counts the same classes as part of a method.
   */
  static boolean isCompanionName(String nestHost, String internalName) {
    return internalName.startsWith(nestHost + "$")
        && COMPANION.matcher(internalName.substring(nestHost.length())).find();
  }

  /** Anonymous ({@code $1}), local ({@code $1Local}) and synthetic ({@code $1}) classes. */
  private static final Pattern COMPANION = Pattern.compile("\\$\\d");

  private void companion(String internalName) {
    if (companions.containsKey(internalName)) {
      return;
    }
    ClassNode node = read(compiled.get(internalName.replace('/', '.')));
    companions.put(internalName, node);
    toScan.addAll(node.methods);
  }

  private void noteType(Type type) {
    Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
    if (element.getSort() == Type.OBJECT && isCompanion(element.getInternalName())) {
      companion(element.getInternalName());
    } else if (element.getSort() == Type.METHOD) {
      noteType(element.getReturnType());
      for (Type argument : element.getArgumentTypes()) {
        noteType(argument);
      }
    }
  }

  private void noteConstant(Object constant) throws ReloadRefusal {
    if (constant instanceof Type) {
      noteType((Type) constant);
    } else if (constant instanceof Handle) {
      Handle handle = (Handle) constant;
      isMoved(handle.getOwner(), handle.getName() + handle.getDesc());
      noteType(Type.getObjectType(handle.getOwner()));
      noteType(Type.getMethodType(handle.getDesc().startsWith("(") ? handle.getDesc() : "()V"));
    }
  }

  /** Finds what else must move with a method: called private methods, lambdas, companions. */
  private void scan(MethodNode method) throws ReloadRefusal {
    for (AbstractInsnNode insn : method.instructions) {
      if (insn instanceof MethodInsnNode) {
        MethodInsnNode call = (MethodInsnNode) insn;
        isMoved(call.owner, call.name + call.desc);
        noteType(Type.getObjectType(call.owner));
        noteType(Type.getMethodType(call.desc));
      } else if (insn instanceof FieldInsnNode) {
        FieldInsnNode field = (FieldInsnNode) insn;
        noteType(Type.getObjectType(field.owner));
        noteType(Type.getType(field.desc));
      } else if (insn instanceof TypeInsnNode) {
        noteType(Type.getObjectType(((TypeInsnNode) insn).desc));
      } else if (insn instanceof MultiANewArrayInsnNode) {
        noteType(Type.getType(((MultiANewArrayInsnNode) insn).desc));
      } else if (insn instanceof LdcInsnNode) {
        noteConstant(((LdcInsnNode) insn).cst);
      } else if (insn instanceof InvokeDynamicInsnNode) {
        InvokeDynamicInsnNode indy = (InvokeDynamicInsnNode) insn;
        noteType(Type.getMethodType(indy.desc));
        for (Object argument : indy.bsmArgs) {
          noteConstant(argument);
        }
      }
    }
  }

  // ---------------------------------------------------------------- synchronized methods

  /** The edited class read again with every stack map frame expanded, when first needed. */
  private ClassNode expanded;

  /** The method {@code key} of the edited class, with its stack map frames in full. */
  private MethodNode withExpandedFrames(String key) {
    if (expanded == null) {
      expanded = new ClassNode();
      new ClassReader(compiled.get(running.getName())).accept(expanded, ClassReader.EXPAND_FRAMES);
    }
    for (MethodNode method : expanded.methods) {
      if (key.equals(method.name + method.desc)) {
        return method;
      }
    }
    throw new IllegalStateException("the edited class lost " + key + " on a second read");
  }

  /**
   * Makes a synchronized method's lock explicit, exactly as javac compiles a {@code
   * synchronized} block around the whole body. The moved method becomes a static method of the
   * work class, where {@code ACC_SYNCHRONIZED} would lock the work class instead of the receiver,
   * or instead of the running class for a static method. So the flag goes, and the body keeps
   * the receiver (local 0) or the running class's {@code Class} object in a new local, takes its
   * monitor, releases it before every return, and releases it and rethrows on any exception,
   * through a catch-all handler placed after the method's own handlers so that those still see
   * their exceptions first.
   *
   * <p>The lock is kept in a local, not pushed again at each exit, because HotSpot's JIT
   * compilers only compile code whose monitor exits provably match its enter: with the class
   * constant pushed again at each exit, the method would stay interpreted. The method's frames
   * are expanded ({@link #withExpandedFrames}), so the new local is added to each of them.
   */
  private void lockAround(MethodNode method, boolean isStatic) {
    method.access &= ~Opcodes.ACC_SYNCHRONIZED;
    int lock = method.maxLocals;
    String lockType = isStatic ? "java/lang/Class" : target;
    InsnList instructions = method.instructions;

    for (AbstractInsnNode insn : instructions) {
      if (insn instanceof FrameNode) {
        FrameNode frame = (FrameNode) insn;
        frame.local = withLock(frame.local, lock, lockType);
      }
    }

    LabelNode start = new LabelNode();
    InsnList enter = new InsnList();
    enter.add(
        isStatic ? new LdcInsnNode(Type.getObjectType(target)) : new VarInsnNode(Opcodes.ALOAD, 0));
    enter.add(new InsnNode(Opcodes.DUP));
    enter.add(new VarInsnNode(Opcodes.ASTORE, lock));
    enter.add(new InsnNode(Opcodes.MONITORENTER));
    enter.add(start);
    instructions.insert(enter);

    for (AbstractInsnNode insn : instructions.toArray()) {
      int opcode = insn.getOpcode();
      if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
        InsnList exit = new InsnList();
        exit.add(new VarInsnNode(Opcodes.ALOAD, lock));
        exit.add(new InsnNode(Opcodes.MONITOREXIT));
        instructions.insertBefore(insn, exit);
      }
    }

    // Handler: [thrown] -> release -> rethrow, after the last instruction, which never falls
    // through. As in javac's code, the handler's own monitorexit is covered by the handler too.
    LabelNode handler = new LabelNode();
    LabelNode released = new LabelNode();
    instructions.add(handler);
    instructions.add(
        new FrameNode(
            Opcodes.F_NEW,
            lock + 1,
            withLock(List.of(), lock, lockType).toArray(),
            1,
            new Object[] {"java/lang/Throwable"}));
    instructions.add(new VarInsnNode(Opcodes.ALOAD, lock));
    instructions.add(new InsnNode(Opcodes.MONITOREXIT));
    instructions.add(released);
    instructions.add(new InsnNode(Opcodes.ATHROW));
    method.tryCatchBlocks.add(new TryCatchBlockNode(start, handler, handler, null));
    method.tryCatchBlocks.add(new TryCatchBlockNode(handler, released, handler, null));
    method.maxLocals = lock + 1;
    // The prologue needs two slots, an exit one above the returned value, the handler two.
    method.maxStack = Math.max(method.maxStack + 1, 2);
  }

  /** An expanded frame's locals with {@code lock} (a slot index) holding the lock. */
  private static List<Object> withLock(List<Object> locals, int lock, String lockType) {
    List<Object> result = new ArrayList<>(locals);
    int slots = 0;
    for (Object local : locals) {
      slots += local == Opcodes.LONG || local == Opcodes.DOUBLE ? 2 : 1;
    }
    for (; slots < lock; slots++) {
      result.add(Opcodes.TOP);
    }
    result.add(lockType);
    return result;
  }

  // ---------------------------------------------------------------- rewriting

  private boolean routed(String owner) {
    return owner.equals(target)
        || superclasses.contains(owner)
        || (nestMembers.contains(owner) && !companions.containsKey(owner));
  }

  /** Whose access rights a routed member is resolved with. */
  private String accessFor(String owner) {
    return nestMembers.contains(owner) && !owner.equals(target) ? owner : target;
  }

  private boolean local(String owner) {
    return companions.containsKey(owner) || owner.equals(workClass);
  }

  private void rewrite(InsnList instructions, String writtenIn) throws ReloadRefusal {
    ListIterator<AbstractInsnNode> iterator = instructions.iterator();
    while (iterator.hasNext()) {
      AbstractInsnNode insn = iterator.next();
      if (insn instanceof FieldInsnNode) {
        rewriteField(iterator, (FieldInsnNode) insn);
      } else if (insn instanceof MethodInsnNode) {
        rewriteCall(iterator, (MethodInsnNode) insn, writtenIn);
      } else if (insn instanceof InvokeDynamicInsnNode) {
        rewriteIndy(iterator, (InvokeDynamicInsnNode) insn);
      } else if (insn instanceof LdcInsnNode) {
        LdcInsnNode ldc = (LdcInsnNode) insn;
        if (ldc.cst instanceof Handle) {
          ldc.cst = relocated((Handle) ldc.cst);
        }
      }
    }
  }

  private void rewriteField(ListIterator<AbstractInsnNode> iterator, FieldInsnNode field)
      throws ReloadRefusal {
    if (local(field.owner)) {
      return;
    }
    if (field.name.equals("$assertionsDisabled") && field.getOpcode() == Opcodes.GETSTATIC) {
      // A new `assert` needs a field the running class may lack; its value is known now.
      boolean disabled =
          !runningClasses.load(field.owner).orElse(running).desiredAssertionStatus();
      iterator.set(new InsnNode(disabled ? Opcodes.ICONST_1 : Opcodes.ICONST_0));
      return;
    }
    Class<?> owner = requireClass(field.owner);
    if (!RunningClasses.hasField(owner, field.name, field.desc)) {
      throw new ReloadRefusal(
          "hotrestart: cannot reload: the new code uses the field `"
              + Type.getType(field.desc).getClassName()
              + " "
              + field.name
              + "` of "
              + owner.getName()
              + ", which the running program does not have; restart the program to add fields");
    }
    if (!routed(field.owner)) {
      return;
    }
    String descriptor;
    String bootstrap;
    switch (field.getOpcode()) {
      case Opcodes.GETFIELD:
        descriptor = "(L" + field.owner + ";)" + field.desc;
        bootstrap = "getField";
        break;
      case Opcodes.PUTFIELD:
        descriptor = "(L" + field.owner + ";" + field.desc + ")V";
        bootstrap = "putField";
        break;
      case Opcodes.GETSTATIC:
        descriptor = "()" + field.desc;
        bootstrap = "getStatic";
        break;
      default:
        descriptor = "(" + field.desc + ")V";
        bootstrap = "putStatic";
        break;
    }
    iterator.set(memberIndy(field.name, descriptor, bootstrap, field.owner, accessFor(field.owner)));
  }

  private void rewriteCall(
      ListIterator<AbstractInsnNode> iterator, MethodInsnNode call, String writtenIn)
      throws ReloadRefusal {
    String key = call.name + call.desc;
    if (call.owner.equals(target) && moved.containsKey(key)) {
      iterator.set(
          new MethodInsnNode(
              Opcodes.INVOKESTATIC, workClass, call.name, movedDescriptors.get(key), false));
      return;
    }
    if (local(call.owner) || call.owner.startsWith("[")) {
      return;
    }
    Class<?> owner = requireClass(call.owner);
    if (!RunningClasses.hasMethod(owner, call.name, call.desc)) {
      throw new ReloadRefusal(
          "hotrestart: cannot reload: the new code calls `"
              + owner.getName()
              + "."
              + signature(call.name, call.desc)
              + "`, which the running program does not have; restart the program to add"
              + " methods or change their signatures");
    }
    if (call.name.equals("<init>")) {
      if (routed(call.owner) && isPrivateConstructor(owner, call.desc)) {
        throw new ReloadRefusal(
            "hotrestart: cannot reload: the new code calls a private constructor of "
                + owner.getName()
                + ", which reloaded code cannot reach; make the constructor package-private");
      }
      return;
    }
    if (call.getOpcode() == Opcodes.INVOKESPECIAL) {
      // super.m(...) or a private method that was not moved: resolved as if from the class
      // the code was written in.
      String access = writtenIn;
      iterator.set(
          memberIndy(
              call.name,
              "(L" + access + ";" + call.desc.substring(1),
              "invokeSpecial",
              call.owner,
              access));
      return;
    }
    if (!routed(call.owner)) {
      return;
    }
    if (call.getOpcode() == Opcodes.INVOKESTATIC) {
      iterator.set(
          memberIndy(call.name, call.desc, "invokeStatic", call.owner, accessFor(call.owner)));
    } else {
      iterator.set(
          memberIndy(
              call.name,
              "(L" + call.owner + ";" + call.desc.substring(1),
              "invokeVirtual",
              call.owner,
              accessFor(call.owner)));
    }
  }

  private static String signature(String name, String descriptor) {
    StringBuilder text = new StringBuilder(name).append('(');
    Type[] arguments = Type.getMethodType(descriptor).getArgumentTypes();
    for (int i = 0; i < arguments.length; i++) {
      text.append(i == 0 ? "" : ", ").append(arguments[i].getClassName());
    }
    return text.append(')').toString();
  }

  private static boolean isPrivateConstructor(Class<?> owner, String descriptor) {
    for (java.lang.reflect.Constructor<?> constructor : owner.getDeclaredConstructors()) {
      if (RunningClasses.descriptorOf(constructor).equals(descriptor)) {
        return java.lang.reflect.Modifier.isPrivate(constructor.getModifiers());
      }
    }
    return false;
  }

  private void rewriteIndy(ListIterator<AbstractInsnNode> iterator, InvokeDynamicInsnNode indy)
      throws ReloadRefusal {
    for (int i = 0; i < indy.bsmArgs.length; i++) {
      if (indy.bsmArgs[i] instanceof Handle) {
        indy.bsmArgs[i] = relocated((Handle) indy.bsmArgs[i]);
      }
    }
    if (!indy.bsm.getOwner().equals(METAFACTORY) || indy.bsmArgs.length < 3) {
      return;
    }
    Handle implementation = (Handle) indy.bsmArgs[1];
    String owner = implementation.getOwner();
    if (local(owner) || !(owner.equals(target) || nestMembers.contains(owner))) {
      return;
    }
    // A method reference to a member of the running nest that stays there (this::nativeHelper,
    // Inner::new): the work class may not name it in a constant, so the lambda is made from
    // the nest's own lookup.
    Class<?> ownerClass = requireClass(owner);
    if (!implementation.getName().equals("<init>")
        && !RunningClasses.hasMethod(ownerClass, implementation.getName(), implementation.getDesc())) {
      throw new ReloadRefusal(
          "hotrestart: cannot reload: the new code refers to "
              + ownerClass.getName()
              + "::"
              + implementation.getName()
              + ", which the running program does not have");
    }
    boolean alternate = indy.bsm.getName().equals("altMetafactory");
    List<Object> arguments = new ArrayList<>();
    arguments.add(Type.getObjectType(owner));
    arguments.add(implementation.getTag());
    arguments.add(Type.getObjectType(owner));
    arguments.add(implementation.getName());
    arguments.add(Type.getMethodType(implementation.getDesc()));
    arguments.add(alternate ? 1 : 0);
    for (int i = 0; i < indy.bsmArgs.length; i++) {
      if (i != 1) {
        arguments.add(indy.bsmArgs[i]);
      }
    }
    iterator.set(
        new InvokeDynamicInsnNode(
            indy.name,
            indy.desc,
            new Handle(Opcodes.H_INVOKESTATIC, LINKAGE, "lambda", LAMBDA_BSM_DESC, false),
            arguments.toArray()));
  }

  private Handle relocated(Handle handle) {
    String key = handle.getName() + handle.getDesc();
    if (handle.getOwner().equals(target) && moved.containsKey(key)) {
      return new Handle(
          Opcodes.H_INVOKESTATIC, workClass, handle.getName(), movedDescriptors.get(key), false);
    }
    return handle;
  }

  private static InvokeDynamicInsnNode memberIndy(
      String name, String descriptor, String bootstrap, String owner, String access) {
    return new InvokeDynamicInsnNode(
        name,
        descriptor,
        new Handle(Opcodes.H_INVOKESTATIC, LINKAGE, bootstrap, MEMBER_BSM_DESC, false),
        Type.getObjectType(owner),
        Type.getObjectType(access));
  }

  private Class<?> requireClass(String internalName) throws ReloadRefusal {
    Optional<Class<?>> type = runningClasses.load(internalName);
    if (type.isEmpty()) {
      throw new ReloadRefusal(
          "hotrestart: cannot reload: the new code uses the class "
              + internalName.replace('/', '.')
              + ", which the running program does not have; restart the program to add classes");
    }
    return type.get();
  }
}
