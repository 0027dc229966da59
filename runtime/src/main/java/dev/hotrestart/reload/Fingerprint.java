package dev.hotrestart.reload;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * What a method does, as text that two compiles of the same code agree on: its instructions and
 * those of the private methods and lambda bodies it reaches (they move with it on a reload), with
 * line numbers and frames left out, so an edit elsewhere in the file that only shifts lines does
 * not count as a change. Used by {@code -Dhotrestart.reloadAll=true} to reload only what changed.
 */
final class Fingerprint {

  private Fingerprint() {}

  /**
   * The fingerprint of {@code name + descriptor} in {@code type}, or null if it has no such
   * method.
   */
  static String of(ClassNode type, String method) {
    Map<String, MethodNode> methods = new HashMap<>();
    for (MethodNode m : type.methods) {
      methods.put(m.name + m.desc, m);
    }
    if (!methods.containsKey(method)) {
      return null;
    }
    Set<String> reached = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(method);
    StringBuilder text = new StringBuilder();
    while (!todo.isEmpty()) {
      String key = todo.poll();
      MethodNode m = methods.get(key);
      if (m == null || !reached.add(key)) {
        continue;
      }
      text.append("method ").append(key).append(' ').append(m.access).append('\n');
      describe(m, text, type.name, methods, todo);
    }
    return text.toString();
  }

  private static void describe(
      MethodNode method,
      StringBuilder text,
      String owner,
      Map<String, MethodNode> methods,
      Deque<String> todo) {
    Map<LabelNode, Integer> labels = new HashMap<>();
    for (AbstractInsnNode insn : method.instructions) {
      if (insn instanceof LabelNode) {
        labels.put((LabelNode) insn, labels.size());
      }
    }
    for (AbstractInsnNode insn : method.instructions) {
      if (insn instanceof LineNumberNode || insn instanceof FrameNode) {
        continue;
      }
      if (insn instanceof LabelNode) {
        text.append('L').append(labels.get(insn)).append('\n');
        continue;
      }
      text.append(insn.getOpcode()).append(' ');
      if (insn instanceof FieldInsnNode) {
        FieldInsnNode f = (FieldInsnNode) insn;
        text.append(f.owner).append('.').append(f.name).append(f.desc);
      } else if (insn instanceof MethodInsnNode) {
        MethodInsnNode m = (MethodInsnNode) insn;
        text.append(m.owner).append('.').append(m.name).append(m.desc);
        follow(owner, m.owner, m.name + m.desc, methods, todo);
      } else if (insn instanceof InvokeDynamicInsnNode) {
        InvokeDynamicInsnNode indy = (InvokeDynamicInsnNode) insn;
        text.append(indy.name).append(indy.desc).append(indy.bsm);
        for (Object argument : indy.bsmArgs) {
          text.append(' ').append(argument);
          if (argument instanceof Handle) {
            Handle handle = (Handle) argument;
            follow(owner, handle.getOwner(), handle.getName() + handle.getDesc(), methods, todo);
          }
        }
      } else if (insn instanceof LdcInsnNode) {
        Object constant = ((LdcInsnNode) insn).cst;
        text.append(constant.getClass().getSimpleName()).append(':').append(constant);
      } else if (insn instanceof IntInsnNode) {
        text.append(((IntInsnNode) insn).operand);
      } else if (insn instanceof VarInsnNode) {
        text.append(((VarInsnNode) insn).var);
      } else if (insn instanceof IincInsnNode) {
        text.append(((IincInsnNode) insn).var).append(' ').append(((IincInsnNode) insn).incr);
      } else if (insn instanceof TypeInsnNode) {
        text.append(((TypeInsnNode) insn).desc);
      } else if (insn instanceof MultiANewArrayInsnNode) {
        MultiANewArrayInsnNode array = (MultiANewArrayInsnNode) insn;
        text.append(array.desc).append(' ').append(array.dims);
      } else if (insn instanceof JumpInsnNode) {
        text.append('L').append(labels.get(((JumpInsnNode) insn).label));
      } else if (insn instanceof TableSwitchInsnNode) {
        TableSwitchInsnNode table = (TableSwitchInsnNode) insn;
        text.append(table.min).append("..").append(table.max).append(" L").append(labels.get(table.dflt));
        table.labels.forEach(l -> text.append(" L").append(labels.get(l)));
      } else if (insn instanceof LookupSwitchInsnNode) {
        LookupSwitchInsnNode lookup = (LookupSwitchInsnNode) insn;
        text.append(lookup.keys).append(" L").append(labels.get(lookup.dflt));
        lookup.labels.forEach(l -> text.append(" L").append(labels.get(l)));
      }
      text.append('\n');
    }
    for (TryCatchBlockNode block : method.tryCatchBlocks) {
      text.append("try L").append(labels.get(block.start)).append(" L").append(labels.get(block.end))
          .append(" L").append(labels.get(block.handler)).append(' ').append(block.type).append('\n');
    }
  }

  private static void follow(
      String owner, String callee, String key, Map<String, MethodNode> methods, Deque<String> todo) {
    MethodNode target = methods.get(key);
    if (callee.equals(owner)
        && target != null
        && (target.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC)) != 0) {
      todo.add(key);
    }
  }
}
