package dev.hotrestart.reload;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The variables of the wrapped methods still running on the current thread: the callers waiting
 * for a crashed call. Read once, when a prompt asks, through the JDK's own {@code
 * java.lang.LiveStackFrame} (what {@code StackWalker} is built on, kept package-private), which
 * needs {@code --add-opens java.base/java.lang=ALL-UNNAMED}: {@code mvn hotrestart:run} adds it;
 * without it (an IDE run) {@link #walk} says which flag gives them. Slot values are named by the
 * LocalVariableTable of the code the frame runs, at the frame's instruction.
 */
public final class LiveLocals {

  /** The flag that opens the JDK's live frames to hotrestart. */
  public static final String FLAG = "--add-opens=java.base/java.lang=ALL-UNNAMED";

  /** The class files of the work classes (copies, reloads), which no class loader can give. */
  private static final Map<Class<?>, byte[]> WORK_CLASSES =
      Collections.synchronizedMap(new WeakHashMap<>());

  private static final int MODE_COMPILED = 0x02;

  private LiveLocals() {}

  /**
   * One live frame of a wrapped method with the variables it can honestly be shown with.
   *
   * @param frame its variables, named as {@link LocalCapture} names them
   * @param compiled whether the JIT compiled it, so that variables it no longer needed are gone
   * @param unsure variables of an interpreted frame that its method does not read again: their
   *     value is the frame's, which is 0 or null if the JIT had dropped them before handing the
   *     frame back to the interpreter
   */
  public record Live(LocalCapture.Frame frame, boolean compiled, Set<String> unsure) {}

  /**
   * The result of one walk: the frames, or why there are none.
   *
   * @param frames the live frames of work classes, innermost first
   * @param unavailable why the JDK's live frames cannot be read, or null
   */
  public record Walk(List<Live> frames, String unavailable) {}

  /** Keeps a work class's file, for the variable names of its frames. */
  static void remember(Class<?> work, byte[] bytes) {
    if (bytes != null) {
      WORK_CLASSES.put(work, bytes);
    }
  }

  /**
   * Reads the frames of the current thread that run code hotrestart defined (the copies of
   * wrapped methods and their reloaded versions), innermost first. Costs a stack walk that
   * inflates every frame's slots: call it only when a prompt needs them.
   *
   * @return the frames, or why they cannot be read
   */
  public static Walk walk() {
    List<StackWalker.StackFrame> raw = new ArrayList<>();
    Method getLocals;
    Method slotSize;
    Method slotLong;
    Method slotInt;
    Field mode;
    Class<?> primitive;
    try {
      Class<?> live = Class.forName("java.lang.LiveStackFrame");
      primitive = Class.forName("java.lang.LiveStackFrame$PrimitiveSlot");
      Method walker = live.getMethod("getStackWalker", Set.class);
      walker.setAccessible(true);
      getLocals = accessible(live.getMethod("getLocals"));
      slotSize = accessible(primitive.getMethod("size"));
      slotLong = accessible(primitive.getMethod("longValue"));
      slotInt = accessible(primitive.getMethod("intValue"));
      mode = Class.forName("java.lang.LiveStackFrameInfo").getDeclaredField("mode");
      mode.setAccessible(true);
      StackWalker stack =
          (StackWalker)
              walker.invoke(null, EnumSet.of(StackWalker.Option.RETAIN_CLASS_REFERENCE));
      stack.forEach(
          frame -> {
            if (WORK_CLASSES.containsKey(frame.getDeclaringClass())) {
              raw.add(frame);
            }
          });
    } catch (ClassNotFoundException | NoSuchMethodException | NoSuchFieldException e) {
      return new Walk(
          List.of(),
          "this JDK has no java.lang.LiveStackFrame as JDK 17 to 25 have it (" + e.getMessage()
              + "), so hotrestart cannot read the variables of running frames");
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // InaccessibleObjectException (a RuntimeException) when java.lang is not opened.
      return new Walk(
          List.of(),
          "the JDK's live frames are not open to hotrestart (" + e.getClass().getSimpleName()
              + "); start the JVM with " + FLAG + " to see them (mvn hotrestart:run does)");
    }
    List<Live> frames = new ArrayList<>();
    for (StackWalker.StackFrame frame : raw) {
      try {
        Object[] slots = (Object[]) getLocals.invoke(frame);
        boolean compiled = (mode.getInt(frame) & MODE_COMPILED) != 0;
        Slots reader = new Slots(slots, primitive, slotSize, slotLong, slotInt);
        name(frame, reader, compiled).ifPresent(frames::add);
      } catch (ReflectiveOperationException | RuntimeException e) {
        // This frame's slots could not be read: it is shown without variables, as before.
      }
    }
    return new Walk(List.copyOf(frames), null);
  }

  private static Method accessible(Method method) {
    method.setAccessible(true);
    return method;
  }

  /** A frame's variables by its code's LocalVariableTable at its instruction. */
  private static Optional<Live> name(StackWalker.StackFrame frame, Slots slots, boolean compiled)
      throws ReflectiveOperationException {
    byte[] bytes = WORK_CLASSES.get(frame.getDeclaringClass());
    Code code = Code.of(bytes, frame.getMethodName() + frame.getDescriptor());
    if (code == null || code.method.localVariables == null) {
      return Optional.empty();
    }
    int bci = frame.getByteCodeIndex();
    Set<Integer> live = code.liveAfter(bci);
    List<LocalCapture.Variable> variables = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    Set<String> unsure = new HashSet<>();
    boolean instance = false;
    for (LocalVariableNode local : code.method.localVariables) {
      instance |= local.index == 0 && local.name.equals("this");
      if (code.offset(local.start) > bci || bci >= code.offset(local.end)) {
        continue;
      }
      boolean used = live.contains(local.index);
      if (compiled && !used) {
        continue; // compiled code keeps no value for a variable it no longer reads
      }
      Optional<Object> value = slots.value(local.index, Type.getType(local.desc));
      if (value.isPresent()) {
        variables.add(new LocalCapture.Variable(local.name, local.desc, local.signature));
        values.add(value.get() == Slots.NULL ? null : value.get());
        if (!used) {
          unsure.add(local.name);
        }
      }
    }
    Class<?> work = frame.getDeclaringClass();
    String workName = work.getName();
    Class<?> running =
        Class.forName(workName.substring(0, workName.indexOf("$HR$")), false, work.getClassLoader());
    LocalCapture.Frame named =
        new LocalCapture.Frame(
            running,
            frame.getMethodName(),
            frame.getMethodName() + runningDescriptor(frame.getDescriptor(), instance),
            List.copyOf(variables),
            Collections.unmodifiableList(values));
    return Optional.of(new Live(named, compiled, Set.copyOf(unsure)));
  }

  /** One method's code, each instruction with its bytecode offset, which ASM does not keep. */
  static final class Code {
    final MethodNode method;
    private final Map<AbstractInsnNode, Integer> offsets = new IdentityHashMap<>();
    private final Map<Label, Integer> labels = new IdentityHashMap<>();

    private Code(MethodNode method) {
      this.method = method;
    }

    /**
     * Reads one method of a class file.
     *
     * @param bytes the class file
     * @param key the method, {@code name + descriptor}
     * @return its code, or null if it has none
     */
    static Code of(byte[] bytes, String key) {
      Code[] current = new Code[1];
      Code[] result = new Code[1];
      int[] pending = {-1};
      ClassReader reader =
          new ClassReader(bytes) {
            @Override
            protected void readBytecodeInstructionOffset(int offset) {
              // Called before each instruction is visited: the one before is the last node.
              if (current[0] != null) {
                current[0].mapLast(pending[0]);
              }
              pending[0] = offset;
            }

            @Override
            protected Label readLabel(int offset, Label[] table) {
              Label label = super.readLabel(offset, table);
              if (current[0] != null) {
                current[0].labels.put(label, offset);
              }
              return label;
            }
          };
      reader.accept(
          new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(
                int access, String name, String descriptor, String signature, String[] thrown) {
              current[0] = null;
              pending[0] = -1;
              if (!(name + descriptor).equals(key)) {
                return null;
              }
              Code code = new Code(new MethodNode(Opcodes.ASM9, access, name, descriptor,
                  signature, thrown) {
                    @Override
                    public void visitMaxs(int maxStack, int maxLocals) {
                      current[0].mapLast(pending[0]);
                      current[0] = null;
                      super.visitMaxs(maxStack, maxLocals);
                    }
                  });
              current[0] = code;
              result[0] = code;
              return code.method;
            }
          },
          ClassReader.SKIP_FRAMES);
      return result[0] == null || result[0].method.instructions.size() == 0 ? null : result[0];
    }

    private void mapLast(int offset) {
      AbstractInsnNode last = method.instructions.getLast();
      if (offset >= 0 && last != null && last.getOpcode() >= 0 && !offsets.containsKey(last)) {
        offsets.put(last, offset);
      }
    }

    /** The bytecode offset of an instruction of the method, or -1. */
    int offset(AbstractInsnNode instruction) {
      return offsets.getOrDefault(instruction, -1);
    }

    /** The bytecode offset of a label of the method. */
    int offset(LabelNode node) {
      for (Map.Entry<Label, Integer> label : labels.entrySet()) {
        if (label.getKey().info == node) {
          return label.getValue();
        }
      }
      return -1;
    }

    /**
     * The local variable slots the method may still read after the instruction at {@code bci}
     * (a call it waits in) before writing them: what compiled code keeps, and all it must.
     *
     * @param bci an instruction's offset
     * @return the slots
     */
    Set<Integer> liveAfter(int bci) {
      InsnList code = method.instructions;
      int size = code.size();
      List<Set<Integer>> liveIn = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        liveIn.add(new HashSet<>());
      }
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int i = size - 1; i >= 0; i--) {
          AbstractInsnNode insn = code.get(i);
          Set<Integer> in = new HashSet<>(liveOut(insn, liveIn));
          if (insn instanceof VarInsnNode) {
            VarInsnNode var = (VarInsnNode) insn;
            if (isStore(var.getOpcode())) {
              in.remove(var.var);
            } else {
              in.add(var.var);
            }
          } else if (insn instanceof IincInsnNode) {
            in.add(((IincInsnNode) insn).var);
          }
          if (!in.equals(liveIn.get(i))) {
            liveIn.set(i, in);
            changed = true;
          }
        }
      }
      for (Map.Entry<AbstractInsnNode, Integer> entry : offsets.entrySet()) {
        if (entry.getValue() == bci) {
          return liveOut(entry.getKey(), liveIn);
        }
      }
      return Set.of();
    }

    private static boolean isStore(int opcode) {
      return opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE;
    }

    /** The union of what is live into an instruction's successors, exception handlers included. */
    private Set<Integer> liveOut(AbstractInsnNode insn, List<Set<Integer>> liveIn) {
      InsnList code = method.instructions;
      Set<Integer> out = new HashSet<>();
      int opcode = insn.getOpcode();
      boolean fallsThrough =
          opcode != Opcodes.GOTO
              && opcode != Opcodes.ATHROW
              && opcode != Opcodes.TABLESWITCH
              && opcode != Opcodes.LOOKUPSWITCH
              && !(opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN)
              && opcode != Opcodes.RET;
      if (fallsThrough && insn.getNext() != null) {
        out.addAll(liveIn.get(code.indexOf(insn.getNext())));
      }
      if (insn instanceof JumpInsnNode) {
        out.addAll(liveIn.get(code.indexOf(((JumpInsnNode) insn).label)));
      } else if (insn instanceof TableSwitchInsnNode) {
        TableSwitchInsnNode table = (TableSwitchInsnNode) insn;
        out.addAll(liveIn.get(code.indexOf(table.dflt)));
        for (LabelNode label : table.labels) {
          out.addAll(liveIn.get(code.indexOf(label)));
        }
      } else if (insn instanceof LookupSwitchInsnNode) {
        LookupSwitchInsnNode lookup = (LookupSwitchInsnNode) insn;
        out.addAll(liveIn.get(code.indexOf(lookup.dflt)));
        for (LabelNode label : lookup.labels) {
          out.addAll(liveIn.get(code.indexOf(label)));
        }
      }
      int index = code.indexOf(insn);
      for (TryCatchBlockNode block : method.tryCatchBlocks) {
        if (code.indexOf(block.start) <= index && index < code.indexOf(block.end)) {
          out.addAll(liveIn.get(code.indexOf(block.handler)));
        }
      }
      return out;
    }
  }

  /** The running class's descriptor of a work class's method: without the receiver it took. */
  private static String runningDescriptor(String descriptor, boolean instance) {
    if (!instance) {
      return descriptor;
    }
    Type[] arguments = Type.getArgumentTypes(descriptor);
    Type[] own = new Type[arguments.length - 1];
    System.arraycopy(arguments, 1, own, 0, own.length);
    return Type.getMethodDescriptor(Type.getReturnType(descriptor), own);
  }

  /** Reads a frame's slots as the JVM gives them: primitives as raw machine words. */
  private static final class Slots {

    /** A reference slot that is null, told apart from a value that is not known. */
    static final Object NULL = new Object();

    private final Object[] slots;
    private final Class<?> primitive;
    private final Method size;
    private final Method longValue;
    private final Method intValue;

    Slots(
        Object[] slots,
        Class<?> primitive,
        Method size,
        Method longValue,
        Method intValue) {
      this.slots = slots;
      this.primitive = primitive;
      this.size = size;
      this.longValue = longValue;
      this.intValue = intValue;
    }

    /**
     * The value of the variable in slot {@code index}, boxed, or empty when the slot does not
     * hold one of its type (compiled code reports a slot it dropped as a primitive 0).
     */
    Optional<Object> value(int index, Type type) throws ReflectiveOperationException {
      if (index >= slots.length) {
        return Optional.empty();
      }
      Object slot = slots[index];
      if (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY) {
        if (slot == null) {
          return Optional.of(NULL);
        }
        return primitive.isInstance(slot) ? Optional.empty() : Optional.of(slot);
      }
      boolean wide = type.getSort() == Type.LONG || type.getSort() == Type.DOUBLE;
      // On a 64-bit JVM a long or double sits in the second of its two slots.
      Object word = wide && index + 1 < slots.length ? slots[index + 1] : slot;
      if (!primitive.isInstance(word)) {
        return Optional.empty();
      }
      int bytes = (Integer) size.invoke(word);
      if (wide && bytes != 8) {
        return Optional.empty();
      }
      long bits = bytes == 8 ? (Long) longValue.invoke(word) : (Integer) intValue.invoke(word);
      switch (type.getSort()) {
        case Type.BOOLEAN:
          return Optional.of((int) bits != 0);
        case Type.BYTE:
          return Optional.of((byte) bits);
        case Type.CHAR:
          return Optional.of((char) bits);
        case Type.SHORT:
          return Optional.of((short) bits);
        case Type.INT:
          return Optional.of((int) bits);
        case Type.FLOAT:
          return Optional.of(Float.intBitsToFloat((int) bits));
        case Type.LONG:
          return Optional.of(bits);
        case Type.DOUBLE:
          return Optional.of(Double.longBitsToDouble(bits));
        default:
          return Optional.empty();
      }
    }
  }
}
