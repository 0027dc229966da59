package dev.hotrestart.reload;

import dev.hotrestart.slot.MethodSlot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.SerialVersionUIDAdder;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Rewrites an annotated class as it loads so that its wrapped methods go through the same {@link
 * MethodSlot}s as its generated proxy, whoever made the instance ({@code new}, reflection, a
 * framework). For each method the proxy wraps, {@code m}'s own body moves, unchanged, to the private
 * synthetic {@code m$HR$body}, and {@code m} becomes what the proxy's override is: a loop calling
 * the slot's invoker, handing a throw to {@link MethodSlot#failed}. The static initialiser first
 * creates the slots ({@link MethodSlot#routed}), so the proxy, initialised after its superclass,
 * finds them and calls the body directly: one slot, one prompt, whichever path the call took.
 *
 * <p>Which methods are wrapped is read from the proxy's own class file (the constants its static
 * initialiser hands to {@link MethodSlot#all}), so the agent wraps exactly what the processor
 * decided. Nothing else in the class changes: every other method keeps its bytes and frames, and
 * the added members are synthetic, which the reloader's shape check and the debugger skip.
 */
final class RoutedClass {

  private static final String SLOT = Type.getInternalName(MethodSlot.class);
  private static final String SLOTS_FIELD = "$HR$slots";
  private static final String CALL_FIELD = "$HR$call$";
  private static final String HANDLE = "java/lang/invoke/MethodHandle";
  private static final String THROWABLE = "java/lang/Throwable";
  private static final String OBJECT = "java/lang/Object";
  private static final int JAVA_6 = 50;

  private RoutedClass() {}

  /**
   * The methods a proxy wraps, as its static initialiser describes them to {@link MethodSlot#all}:
   * {@code name|descriptor|parameters|propagated}.
   *
   * @param proxyBytes the proxy's class file
   * @return the descriptions, in order
   */
  static List<String> wrappedMethods(byte[] proxyBytes) {
    ClassNode proxy = new ClassNode();
    new ClassReader(proxyBytes).accept(proxy, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    List<String> specs = new ArrayList<>();
    for (MethodNode method : proxy.methods) {
      if (!method.name.equals("<clinit>")) {
        continue;
      }
      for (AbstractInsnNode insn : method.instructions) {
        if (insn instanceof LdcInsnNode && ((LdcInsnNode) insn).cst instanceof String) {
          String constant = (String) ((LdcInsnNode) insn).cst;
          if (constant.split("\\|", -1).length == 4) {
            specs.add(constant);
          }
        }
      }
    }
    return specs;
  }

  /**
   * Rewrites {@code classBytes} to route the methods {@code specs} describes.
   *
   * <p>A class that may be serialized and has neither a {@code serialVersionUID} nor a static
   * initialiser gets its computed {@code serialVersionUID} as a field first: the routing adds a
   * static initialiser, which the JDK's computed value counts, and objects written by a run with
   * the goal must read back in a run without it, and the other way round.
   *
   * @param classBytes the annotated class's file, as the class loader read it
   * @param specs the wrapped methods ({@link #wrappedMethods})
   * @param classFiles the class file of a supertype by internal name, empty if it cannot be read
   * @return the new class file, or null when nothing is to route (no method found, an interface,
   *     a class file older than Java 6, which has no stack map frames to extend, or a class file
   *     already routed)
   */
  static byte[] rewrite(byte[] classBytes, List<String> specs, Function<String, byte[]> classFiles) {
    ClassNode node = new ClassNode();
    new ClassReader(classBytes).accept(node, 0);
    if ((node.access & Opcodes.ACC_INTERFACE) != 0 || (node.version & 0xFFFF) < JAVA_6) {
      return null;
    }
    if (node.fields.stream().anyMatch(field -> field.name.equals(SLOTS_FIELD))) {
      // Already routed: a redefinition through the agent (a reload that adds fields takes the
      // running, routed class file and swaps its constructors) must not route it twice.
      return null;
    }
    List<String> routed = new ArrayList<>();
    List<MethodNode> stubs = new ArrayList<>();
    for (String spec : specs) {
      String[] fields = spec.split("\\|", -1);
      MethodNode body = find(node, fields[0], fields[1]);
      if (body == null) {
        continue;
      }
      stubs.add(stub(node.name, body, routed.size()));
      routed.add(spec);
      body.name = body.name + MethodSlot.BODY_SUFFIX;
      body.access =
          (body.access & (Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_STRICT))
              | Opcodes.ACC_PRIVATE
              | Opcodes.ACC_SYNTHETIC;
      // The annotations stay on m, where frameworks look; the body is plumbing.
      body.visibleAnnotations = null;
      body.invisibleAnnotations = null;
      body.visibleParameterAnnotations = null;
      body.invisibleParameterAnnotations = null;
      body.visibleAnnotableParameterCount = 0;
      body.invisibleAnnotableParameterCount = 0;
      body.visibleTypeAnnotations = null;
      body.invisibleTypeAnnotations = null;
    }
    if (routed.isEmpty()) {
      return null;
    }
    if (needsSerialVersionUid(node, classFiles)) {
      node.fields.add(computedSerialVersionUid(classBytes));
    }
    node.methods.addAll(stubs);
    int fieldAccess =
        Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC;
    node.fields.add(
        new FieldNode(fieldAccess, SLOTS_FIELD, "[L" + SLOT + ";", null, null));
    for (int i = 0; i < routed.size(); i++) {
      node.fields.add(new FieldNode(fieldAccess, CALL_FIELD + i, "L" + HANDLE + ";", null, null));
    }
    initialiser(node).instructions.insert(createSlots(node.name, routed));
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    node.accept(writer);
    return writer.toByteArray();
  }

  private static boolean needsSerialVersionUid(ClassNode node, Function<String, byte[]> classFiles) {
    return node.fields.stream().noneMatch(field -> field.name.equals("serialVersionUID"))
        && node.methods.stream().noneMatch(method -> method.name.equals("<clinit>"))
        && maySerialize(node, classFiles);
  }

  /**
   * Whether the class or a supertype implements {@code Serializable}, read from class files
   * without loading a class (the transformer runs while its class loads). A supertype whose class
   * file cannot be read counts as serializable: the field then added is harmless, a changed
   * {@code serialVersionUID} is not.
   */
  static boolean maySerialize(ClassNode node, Function<String, byte[]> classFiles) {
    Deque<String> toRead = new ArrayDeque<>(node.interfaces);
    if (node.superName != null) {
      toRead.add(node.superName);
    }
    Set<String> seen = new HashSet<>();
    while (!toRead.isEmpty()) {
      String type = toRead.poll();
      if (type.equals("java/io/Serializable")) {
        return true;
      }
      if (type.equals(OBJECT) || !seen.add(type)) {
        continue;
      }
      byte[] bytes = classFiles.apply(type);
      if (bytes.length == 0) {
        return true;
      }
      ClassReader reader = new ClassReader(bytes);
      toRead.addAll(List.of(reader.getInterfaces()));
      if (reader.getSuperName() != null) {
        toRead.add(reader.getSuperName());
      }
    }
    return false;
  }

  /** The {@code serialVersionUID} the JDK computes for the class as compiled, as a field. */
  private static FieldNode computedSerialVersionUid(byte[] classBytes) {
    ClassNode withUid = new ClassNode();
    new ClassReader(classBytes)
        .accept(new SerialVersionUIDAdder(withUid), ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG);
    FieldNode uid =
        withUid.fields.stream()
            .filter(field -> field.name.equals("serialVersionUID"))
            .findFirst()
            .orElseThrow();
    // Synthetic, like the rest of the routing: serialization reads any static final long of that
    // name, while the reloader's shape check and the debugger skip it.
    uid.access =
        Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC;
    return uid;
  }

  private static MethodNode find(ClassNode node, String name, String descriptor) {
    int unfit = Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_PRIVATE;
    for (MethodNode method : node.methods) {
      if (method.name.equals(name) && method.desc.equals(descriptor)
          && (method.access & unfit) == 0) {
        return method;
      }
    }
    return null;
  }

  private static MethodNode initialiser(ClassNode node) {
    for (MethodNode method : node.methods) {
      if (method.name.equals("<clinit>")) {
        return method;
      }
    }
    MethodNode created = new MethodNode(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
    created.instructions.add(new InsnNode(Opcodes.RETURN));
    node.methods.add(created);
    return created;
  }

  /** {@code $HR$slots = MethodSlot.routed(lookup(), Foo.class, specs...)}, then the invokers. */
  private static InsnList createSlots(String owner, List<String> specs) {
    InsnList code = new InsnList();
    code.add(
        new MethodInsnNode(
            Opcodes.INVOKESTATIC,
            "java/lang/invoke/MethodHandles",
            "lookup",
            "()Ljava/lang/invoke/MethodHandles$Lookup;"));
    code.add(new LdcInsnNode(Type.getObjectType(owner)));
    code.add(CaptureHandlers.number(specs.size()));
    code.add(new TypeInsnNode(Opcodes.ANEWARRAY, "java/lang/String"));
    for (int i = 0; i < specs.size(); i++) {
      code.add(new InsnNode(Opcodes.DUP));
      code.add(CaptureHandlers.number(i));
      code.add(new LdcInsnNode(specs.get(i)));
      code.add(new InsnNode(Opcodes.AASTORE));
    }
    code.add(
        new MethodInsnNode(
            Opcodes.INVOKESTATIC,
            SLOT,
            "routed",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/Class;[Ljava/lang/String;)[L"
                + SLOT + ";"));
    code.add(new FieldInsnNode(Opcodes.PUTSTATIC, owner, SLOTS_FIELD, "[L" + SLOT + ";"));
    for (int i = 0; i < specs.size(); i++) {
      code.add(new FieldInsnNode(Opcodes.GETSTATIC, owner, SLOTS_FIELD, "[L" + SLOT + ";"));
      code.add(CaptureHandlers.number(i));
      code.add(new InsnNode(Opcodes.AALOAD));
      code.add(
          new MethodInsnNode(
              Opcodes.INVOKEVIRTUAL, SLOT, "erasedInvoker", "()L" + HANDLE + ";"));
      code.add(new FieldInsnNode(Opcodes.PUTSTATIC, owner, CALL_FIELD + i, "L" + HANDLE + ";"));
    }
    return code;
  }

  /**
   * The routing method {@code m}, the shape of a proxy's override: <pre>{@code
   * while (true) {
   *   try {
   *     return (R) $HR$call$k.invokeExact((Object) this, args...);
   *   } catch (Throwable e) {
   *     $HR$slots[k].failed(e, this, new Object[] {args...});
   *   }
   * }
   * }</pre>
   * It keeps the method's modifiers (but {@code synchronized}, which the body keeps), generic
   * signature, {@code throws}, annotations and parameter names, and its first line.
   */
  private static MethodNode stub(String owner, MethodNode body, int index) {
    int access = body.access & ~(Opcodes.ACC_SYNCHRONIZED);
    String[] exceptions = body.exceptions.toArray(new String[0]);
    MethodNode stub = new MethodNode(access, body.name, body.desc, body.signature, exceptions);
    stub.visibleAnnotations = body.visibleAnnotations;
    stub.invisibleAnnotations = body.invisibleAnnotations;
    stub.visibleParameterAnnotations = body.visibleParameterAnnotations;
    stub.invisibleParameterAnnotations = body.invisibleParameterAnnotations;
    stub.visibleAnnotableParameterCount = body.visibleAnnotableParameterCount;
    stub.invisibleAnnotableParameterCount = body.invisibleAnnotableParameterCount;
    stub.visibleTypeAnnotations = body.visibleTypeAnnotations;
    stub.invisibleTypeAnnotations = body.invisibleTypeAnnotations;
    stub.parameters = body.parameters;

    Type[] parameters = Type.getArgumentTypes(body.desc);
    Type result = Type.getReturnType(body.desc);
    List<Object> locals = new ArrayList<>();
    locals.add(owner);
    StringBuilder erased = new StringBuilder("(L" + OBJECT + ";");
    int next = 1;
    for (Type parameter : parameters) {
      locals.add(CaptureHandlers.verificationType(parameter));
      erased.append(erase(parameter).getDescriptor());
      next += parameter.getSize();
    }
    erased.append(')').append(erase(result).getDescriptor());
    Object[] frameLocals = locals.toArray();

    InsnList code = stub.instructions;
    LabelNode loop = new LabelNode();
    LabelNode end = new LabelNode();
    LabelNode handler = new LabelNode();
    code.add(loop);
    int line = firstLine(body);
    if (line > 0) {
      code.add(new LineNumberNode(line, loop));
    }
    code.add(new FrameNode(Opcodes.F_FULL, frameLocals.length, frameLocals, 0, new Object[0]));
    code.add(new FieldInsnNode(Opcodes.GETSTATIC, owner, CALL_FIELD + index, "L" + HANDLE + ";"));
    code.add(new VarInsnNode(Opcodes.ALOAD, 0));
    loadArguments(code, parameters);
    code.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, HANDLE, "invokeExact", erased.toString()));
    if (result.getSort() == Type.OBJECT || result.getSort() == Type.ARRAY) {
      if (!result.getInternalName().equals(OBJECT)) {
        code.add(new TypeInsnNode(Opcodes.CHECKCAST, result.getInternalName()));
      }
    }
    code.add(new InsnNode(result.getOpcode(Opcodes.IRETURN)));
    code.add(end);
    code.add(handler);
    code.add(
        new FrameNode(
            Opcodes.F_FULL, frameLocals.length, frameLocals, 1, new Object[] {THROWABLE}));
    code.add(new VarInsnNode(Opcodes.ASTORE, next));
    code.add(new FieldInsnNode(Opcodes.GETSTATIC, owner, SLOTS_FIELD, "[L" + SLOT + ";"));
    code.add(CaptureHandlers.number(index));
    code.add(new InsnNode(Opcodes.AALOAD));
    code.add(new VarInsnNode(Opcodes.ALOAD, next));
    code.add(new VarInsnNode(Opcodes.ALOAD, 0));
    code.add(CaptureHandlers.number(parameters.length));
    code.add(new TypeInsnNode(Opcodes.ANEWARRAY, OBJECT));
    int slot = 1;
    for (int i = 0; i < parameters.length; i++) {
      code.add(new InsnNode(Opcodes.DUP));
      code.add(CaptureHandlers.number(i));
      code.add(new VarInsnNode(parameters[i].getOpcode(Opcodes.ILOAD), slot));
      CaptureHandlers.box(code, parameters[i]);
      code.add(new InsnNode(Opcodes.AASTORE));
      slot += parameters[i].getSize();
    }
    code.add(
        new MethodInsnNode(
            Opcodes.INVOKEVIRTUAL,
            SLOT,
            "failed",
            "(Ljava/lang/Throwable;Ljava/lang/Object;[Ljava/lang/Object;)V"));
    code.add(new JumpInsnNode(Opcodes.GOTO, loop));
    stub.tryCatchBlocks.add(new TryCatchBlockNode(loop, end, handler, THROWABLE));
    return stub;
  }

  private static void loadArguments(InsnList code, Type[] parameters) {
    int slot = 1;
    for (Type parameter : parameters) {
      code.add(new VarInsnNode(parameter.getOpcode(Opcodes.ILOAD), slot));
      slot += parameter.getSize();
    }
  }

  private static int firstLine(MethodNode method) {
    for (AbstractInsnNode insn : method.instructions) {
      if (insn instanceof LineNumberNode) {
        return ((LineNumberNode) insn).line;
      }
    }
    return -1;
  }

  private static Type erase(Type type) {
    return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY
        ? Type.getObjectType(OBJECT)
        : type;
  }
}
