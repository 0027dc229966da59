package dev.hotrestart.reload;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Non-private methods an edit adds to a plain class, which the running class cannot take: each
 * moved into a work class ({@link Transplant}) as a static method, the receiver first. Code of
 * another class reloaded later, or in the same {@code c}, that calls one is linked to the moved
 * copy here ({@link LinkageRewriter}, {@link NewFields#lowered}). Its dispatch is static: a
 * subclass overriding a method that is new in the same edit is not seen.
 */
final class NewMethods {

  /** Where each new method lives now: work class and descriptor, by class, name + descriptor. */
  private static final ClassValue<Map<String, MethodInsnNode>> MOVED =
      new ClassValue<>() {
        @Override
        protected Map<String, MethodInsnNode> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  /** The internal names of the classes in {@link #MOVED}: most code calls none of them. */
  private static final java.util.Set<String> OWNERS = ConcurrentHashMap.newKeySet();

  private NewMethods() {}

  /** Whether a class of this internal name may have new methods that moved. */
  static boolean mayHave(String owner) {
    return OWNERS.contains(owner);
  }

  /**
   * Notes that the new method {@code key} of {@code owner} now lives in {@code workClass}.
   *
   * @param owner the running class that lacks it
   * @param key its name and descriptor as declared
   * @param workClass the internal name of the class it moved to
   * @param descriptor its descriptor there (the receiver first for an instance method)
   */
  static void moved(Class<?> owner, String key, String workClass, String descriptor) {
    String name = key.substring(0, key.indexOf('('));
    MOVED.get(owner).put(key, new MethodInsnNode(Opcodes.INVOKESTATIC, workClass, name, descriptor, false));
    OWNERS.add(org.objectweb.asm.Type.getInternalName(owner));
  }

  /**
   * The call of the moved copy that replaces {@code call}, or null when {@code owner} has no such
   * new method. A call on a receiver keeps its stack: receiver, then arguments.
   */
  static MethodInsnNode callOf(Class<?> owner, MethodInsnNode call) {
    if (call.name.equals("<init>") || call.getOpcode() == Opcodes.INVOKESPECIAL) {
      return null;
    }
    MethodInsnNode moved = MOVED.get(owner).get(call.name + call.desc);
    return moved == null ? null : (MethodInsnNode) moved.clone(Map.of());
  }
}
