package dev.hotrestart.reload;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * What moves out of the edited class with the reloaded methods (the roots): the lambda bodies,
 * private methods and {@code access$} accessors they reach, new or changed ones included, which is
 * how a new private helper works (and a new non-private method that no reload moved on its own,
 * {@link NewMethods}), and the anonymous, local and synthetic classes of the nest that
 * any of it names (companions), with what those reach in turn. The methods move as found in the
 * edited class; {@link Transplant} then rewrites them.
 */
final class MoveSet {

  private final Map<String, byte[]> compiled;
  private final Class<?> running;
  private final String target;
  private final String nestHost;
  private final Map<String, MethodNode> editedMethods = new LinkedHashMap<>();
  /** A copy of unchanged code: only the roots move, and they use what stays where it is. */
  private final boolean rootsOnly;

  private final Map<String, MethodNode> moved = new LinkedHashMap<>();
  private final Map<String, String> movedDescriptors = new HashMap<>();
  private final Map<String, ClassNode> companions = new LinkedHashMap<>();
  private final Deque<MethodNode> toScan = new ArrayDeque<>();

  /** The edited class read again with every stack map frame expanded, when first needed. */
  private ClassNode expanded;

  private MoveSet(
      Map<String, byte[]> compiled, Class<?> running, ClassNode edited, boolean rootsOnly) {
    this.compiled = compiled;
    this.rootsOnly = rootsOnly;
    this.running = running;
    this.target = Type.getInternalName(running);
    this.nestHost = Type.getInternalName(running.getNestHost());
    for (MethodNode method : edited.methods) {
      editedMethods.put(method.name + method.desc, method);
    }
  }

  /**
   * Finds what moves with {@code roots}.
   *
   * @param compiled every class file of the compile, by binary name
   * @param running the running class
   * @param edited the new version of the running class, from {@code compiled}
   * @param roots the methods to move, as {@code name + descriptor}
   * @return everything that moves
   * @throws ReloadRefusal if a root is gone, or the code reaches a new native method
   */
  static MoveSet of(
      Map<String, byte[]> compiled, Class<?> running, ClassNode edited, List<String> roots)
      throws ReloadRefusal {
    return of(compiled, running, edited, roots, false);
  }

  /**
   * Finds what moves with {@code roots}; with {@code rootsOnly}, for a copy of the running code
   * itself, nothing else does: its private methods, lambda bodies and anonymous classes are the
   * running ones already, and stay where they are.
   *
   * @param compiled every class file of the compile, by binary name
   * @param running the running class
   * @param edited the new version of the running class, from {@code compiled}
   * @param roots the methods to move, as {@code name + descriptor}
   * @param rootsOnly whether only the roots move
   * @return everything that moves
   * @throws ReloadRefusal if a root is gone, or the code reaches a new native method
   */
  static MoveSet of(
      Map<String, byte[]> compiled,
      Class<?> running,
      ClassNode edited,
      List<String> roots,
      boolean rootsOnly)
      throws ReloadRefusal {
    MoveSet set = new MoveSet(compiled, running, edited, rootsOnly);
    for (String root : roots) {
      if (!set.editedMethods.containsKey(root)) {
        throw new ReloadRefusal(
            "hotrestart: the edited " + running.getName() + " no longer has the method " + root);
      }
      set.move(root);
    }
    while (!set.toScan.isEmpty()) {
      set.scan(set.toScan.poll());
    }
    return set;
  }

  /** The moving methods of the running class, by {@code name + descriptor}, in the order found. */
  Map<String, MethodNode> methods() {
    return moved;
  }

  /** Whether the method {@code key} of the running class moves. */
  boolean moves(String key) {
    return moved.containsKey(key);
  }

  /** The descriptor of a moving method once static: the receiver, if any, comes first. */
  String descriptor(String key) {
    return movedDescriptors.get(key);
  }

  /** The moving companion classes, by internal name, in the order found. */
  Map<String, ClassNode> companions() {
    return companions;
  }

  /** The internal name of the running class's nest host, which companions' names start with. */
  String nestHost() {
    return nestHost;
  }

  private boolean movable(String key, boolean referenced) throws ReloadRefusal {
    MethodNode method = editedMethods.get(key);
    if (method == null || method.name.startsWith("<") || rootsOnly) {
      return false;
    }
    boolean synthetic = (method.access & Opcodes.ACC_SYNTHETIC) != 0;
    boolean isPrivate = (method.access & Opcodes.ACC_PRIVATE) != 0;
    boolean lambdaBody = synthetic && method.name.startsWith("lambda$");
    boolean accessor =
        synthetic && (method.access & Opcodes.ACC_STATIC) != 0 && method.name.startsWith("access$");
    // A method the running class lacks, that no supertype declares either (ShapeCheck refuses
    // one that would override): only moved code can call it, so it moves with its callers.
    // One a reload declared moves on its own instead, and calls reach it by dispatch
    // (NewMethods); one that is not (a debugger expression's call) moves here, and so does one
    // a method reference names, which binds to this copy.
    boolean added =
        !synthetic
            && (method.access & Opcodes.ACC_ABSTRACT) == 0
            && !RunningClasses.hasMethod(running, method.name, method.desc)
            && (referenced || !NewMethods.declared(running, key));
    if (!(isPrivate || lambdaBody || accessor || added)) {
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
    // A synchronized method moves too, its lock made explicit (MonitorLowering): calling the
    // running version instead would silently ignore the user's edit.
    return true;
  }

  private boolean isMoved(String owner, String key, boolean referenced) throws ReloadRefusal {
    if (!owner.equals(target)) {
      return false;
    }
    if (moved.containsKey(key)) {
      return true;
    }
    if (movable(key, referenced)) {
      move(key);
      return true;
    }
    return false;
  }

  private void move(String key) {
    MethodNode method = editedMethods.get(key);
    if ((method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
      // MonitorLowering adds a local, which every stack map frame must then list.
      method = withExpandedFrames(key);
    }
    moved.put(key, method);
    boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
    movedDescriptors.put(key, isStatic ? method.desc : "(L" + target + ";" + method.desc.substring(1));
    toScan.add(method);
  }

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

  private boolean isCompanion(String internalName) {
    return !rootsOnly
        && ClassFiles.isCompanionName(nestHost, internalName)
        && compiled.containsKey(internalName.replace('/', '.'));
  }

  private void companion(String internalName) {
    if (companions.containsKey(internalName)) {
      return;
    }
    ClassNode node = ClassFiles.read(compiled.get(internalName.replace('/', '.')));
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
      isMoved(handle.getOwner(), handle.getName() + handle.getDesc(), true);
      noteType(Type.getObjectType(handle.getOwner()));
      noteType(Type.getMethodType(handle.getDesc().startsWith("(") ? handle.getDesc() : "()V"));
    }
  }

  /** Finds what else must move with a method: called private methods, lambdas, companions. */
  private void scan(MethodNode method) throws ReloadRefusal {
    for (AbstractInsnNode insn : method.instructions) {
      if (insn instanceof MethodInsnNode) {
        MethodInsnNode call = (MethodInsnNode) insn;
        isMoved(call.owner, call.name + call.desc, false);
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
}
