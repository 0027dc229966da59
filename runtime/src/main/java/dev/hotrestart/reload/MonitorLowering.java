package dev.hotrestart.reload;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Makes a synchronized method's lock explicit, exactly as javac compiles a {@code synchronized}
 * block around the whole body. A moved method becomes a static method of the work class, where
 * {@code ACC_SYNCHRONIZED} would lock the work class instead of the receiver, or instead of the
 * running class for a static method. So the flag goes, and the body keeps the receiver (local 0)
 * or the running class's {@code Class} object in a new local, takes its monitor, releases it
 * before every return, and releases it and rethrows on any exception, through a catch-all handler
 * placed after the method's own handlers so that those still see their exceptions first.
 *
 * <p>The lock is kept in a local, not pushed again at each exit, because HotSpot's JIT compilers
 * only compile code whose monitor exits provably match its enter: with the class constant pushed
 * again at each exit, the method would stay interpreted. The method's frames must be expanded
 * ({@link MoveSet} reads synchronized methods so), so that the new local can be added to each.
 */
final class MonitorLowering {

  private MonitorLowering() {}

  /**
   * Lowers {@code method}'s {@code ACC_SYNCHRONIZED} into explicit monitor instructions.
   *
   * @param method a synchronized method read with expanded frames
   * @param isStatic whether it was a static method (it locks the class, else the receiver)
   * @param target the internal name of the running class
   */
  static void lockAround(MethodNode method, boolean isStatic, String target) {
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
}
