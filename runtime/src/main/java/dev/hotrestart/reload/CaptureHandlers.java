package dev.hotrestart.reload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Adds to a method the exception handlers that capture its local variables ({@link
 * LocalCapture}).
 *
 * <p>The method's code is cut where the set of variables in scope changes, by the class file's
 * LocalVariableTable (javac's ranges start after a variable's first store and cover only code
 * where it is definitely assigned). Each piece gets a catch-anything handler, added after the
 * method's own handlers so that those still catch first; the handler loads exactly the variables
 * of its piece, by their declared types, boxes them into an array, passes it with the exception
 * to {@link LocalCapture#capture} and rethrows the exception. Its stack map frame lists those
 * variables and nothing else, which every instruction of the piece satisfies. The normal path runs
 * no added instruction: an exception table costs nothing until something is thrown.
 */
final class CaptureHandlers {

  private static final String CAPTURE = Type.getInternalName(LocalCapture.class);

  private CaptureHandlers() {}

  /**
   * Adds the handlers to {@code method}, which keeps its code, frames and tables otherwise.
   *
   * @param method a method with its LocalVariableTable, as written in {@code running}
   * @param running the class it was written in
   * @param methodKey its key in {@code running}, {@code name + descriptor}
   * @param expandedFrames whether the method's stack map frames were read expanded
   * @return false if the method has no LocalVariableTable (compiled without {@code -g}), so that
   *     nothing could be added
   */
  static boolean add(
      MethodNode method, Class<?> running, String methodKey, boolean expandedFrames) {
    if (method.localVariables == null || method.localVariables.isEmpty()) {
      return false;
    }
    InsnList code = method.instructions;
    LabelNode start = new LabelNode();
    LabelNode end = new LabelNode();
    code.insert(start);
    code.add(end);

    Map<LabelNode, List<LocalVariableNode>> opening = new HashMap<>();
    Map<LabelNode, List<LocalVariableNode>> closing = new HashMap<>();
    for (LocalVariableNode variable : method.localVariables) {
      if (variable.name.contains("$") || variable.start == variable.end) {
        continue; // javac's own variables (a for-each's array, a switch's selector)
      }
      opening.computeIfAbsent(variable.start, l -> new ArrayList<>()).add(variable);
      closing.computeIfAbsent(variable.end, l -> new ArrayList<>()).add(variable);
    }

    Comparator<LocalVariableNode> bySlot =
        Comparator.comparingInt((LocalVariableNode v) -> v.index).thenComparing(v -> v.name);
    TreeSet<LocalVariableNode> live = new TreeSet<>(bySlot);
    Map<List<LocalVariableNode>, LabelNode> handlers = new LinkedHashMap<>();
    List<TryCatchBlockNode> added = new ArrayList<>();
    LabelNode pieceStart = start;
    boolean pieceHasCode = false;
    for (AbstractInsnNode insn = start; insn != null; insn = insn.getNext()) {
      if (insn instanceof LabelNode) {
        LabelNode label = (LabelNode) insn;
        List<LocalVariableNode> before = List.copyOf(live);
        live.removeAll(closing.getOrDefault(label, List.of()));
        live.addAll(opening.getOrDefault(label, List.of()));
        boolean last = label == end;
        if ((last || !before.equals(List.copyOf(live))) && label != pieceStart) {
          if (pieceHasCode && !before.isEmpty()) {
            LabelNode handler = handlers.computeIfAbsent(before, v -> new LabelNode());
            added.add(new TryCatchBlockNode(pieceStart, label, handler, null));
          }
          pieceStart = label;
          pieceHasCode = false;
        }
      } else if (insn.getOpcode() >= 0) {
        pieceHasCode = true;
      }
    }
    if (handlers.isEmpty()) {
      return true;
    }
    for (Map.Entry<List<LocalVariableNode>, LabelNode> entry : handlers.entrySet()) {
      List<LocalVariableNode> variables = entry.getKey();
      List<LocalCapture.Variable> described = new ArrayList<>();
      for (LocalVariableNode variable : variables) {
        described.add(new LocalCapture.Variable(variable.name, variable.desc, variable.signature));
      }
      int site = LocalCapture.register(new LocalCapture.Site(running, methodKey, described));
      code.add(entry.getValue());
      code.add(frame(variables, expandedFrames));
      code.add(handler(variables, site));
    }
    method.tryCatchBlocks.addAll(added);
    // Exception, its copy, the array twice, an index and a long or double value.
    method.maxStack = Math.max(method.maxStack, 7);
    return true;
  }

  /** The handler's frame: the piece's variables by their declared types, the exception. */
  private static FrameNode frame(List<LocalVariableNode> variables, boolean expanded) {
    List<Object> locals = new ArrayList<>();
    int slot = 0;
    for (LocalVariableNode variable : variables) {
      while (slot < variable.index) {
        locals.add(Opcodes.TOP);
        slot++;
      }
      Type type = Type.getType(variable.desc);
      locals.add(verificationType(type));
      slot += type.getSize();
    }
    return new FrameNode(
        expanded ? Opcodes.F_NEW : Opcodes.F_FULL,
        locals.size(),
        locals.toArray(),
        1,
        new Object[] {"java/lang/Throwable"});
  }

  /** The stack map frame entry of a value of {@code type} (shared with {@link RoutedClass}). */
  static Object verificationType(Type type) {
    switch (type.getSort()) {
      case Type.BOOLEAN:
      case Type.BYTE:
      case Type.CHAR:
      case Type.SHORT:
      case Type.INT:
        return Opcodes.INTEGER;
      case Type.FLOAT:
        return Opcodes.FLOAT;
      case Type.LONG:
        return Opcodes.LONG;
      case Type.DOUBLE:
        return Opcodes.DOUBLE;
      case Type.ARRAY:
        return type.getDescriptor();
      default:
        return type.getInternalName();
    }
  }

  /** {@code LocalCapture.capture(e, new Object[] {v1, v2, ...}, site); throw e;} */
  private static InsnList handler(List<LocalVariableNode> variables, int site) {
    InsnList code = new InsnList();
    code.add(new InsnNode(Opcodes.DUP));
    code.add(number(variables.size()));
    code.add(new TypeInsnNode(Opcodes.ANEWARRAY, "java/lang/Object"));
    for (int i = 0; i < variables.size(); i++) {
      LocalVariableNode variable = variables.get(i);
      Type type = Type.getType(variable.desc);
      code.add(new InsnNode(Opcodes.DUP));
      code.add(number(i));
      code.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), variable.index));
      box(code, type);
      code.add(new InsnNode(Opcodes.AASTORE));
    }
    code.add(number(site));
    code.add(
        new MethodInsnNode(
            Opcodes.INVOKESTATIC,
            CAPTURE,
            "capture",
            "(Ljava/lang/Throwable;[Ljava/lang/Object;I)V",
            false));
    code.add(new InsnNode(Opcodes.ATHROW));
    return code;
  }

  /**
   * Boxes the value of {@code type} on top of the stack ({@code Integer.valueOf} for an {@code
   * int}); a reference is left as it is. Shared with {@link RoutedClass}.
   */
  static void box(InsnList code, Type type) {
    if (type.getSort() != Type.OBJECT && type.getSort() != Type.ARRAY) {
      Type boxed = boxed(type);
      code.add(
          new MethodInsnNode(
              Opcodes.INVOKESTATIC,
              boxed.getInternalName(),
              "valueOf",
              Type.getMethodDescriptor(boxed, type),
              false));
    }
  }

  private static Type boxed(Type primitive) {
    switch (primitive.getSort()) {
      case Type.BOOLEAN:
        return Type.getType(Boolean.class);
      case Type.BYTE:
        return Type.getType(Byte.class);
      case Type.CHAR:
        return Type.getType(Character.class);
      case Type.SHORT:
        return Type.getType(Short.class);
      case Type.INT:
        return Type.getType(Integer.class);
      case Type.FLOAT:
        return Type.getType(Float.class);
      case Type.LONG:
        return Type.getType(Long.class);
      default:
        return Type.getType(Double.class);
    }
  }

  /** The shortest instruction pushing {@code value} (shared with {@link RoutedClass}). */
  static AbstractInsnNode number(int value) {
    if (value >= -1 && value <= 5) {
      return new InsnNode(Opcodes.ICONST_0 + value);
    }
    if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
      return new IntInsnNode(value <= Byte.MAX_VALUE ? Opcodes.BIPUSH : Opcodes.SIPUSH, value);
    }
    return new LdcInsnNode(value);
  }
}
