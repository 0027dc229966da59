package dev.hotrestart.reload;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Moves recompiled methods out of a freshly compiled class into a new class that can be defined
 * beside the running one.
 *
 * <p>An instance method's bytecode, with {@code this} in local 0, is already valid as a static
 * method whose first parameter is the receiver, stack map frames included. So each moved method
 * becomes {@code public static} in the work class {@code Foo$HR$m$N}, with its line numbers and
 * source file unchanged, and along with it what it needs ({@link MoveSet}): the lambda bodies and
 * private methods it reaches, and its anonymous and local classes, renamed below the work class.
 * What the work class may not touch directly, as a non-nestmate of the running class, goes
 * through {@link Linkage} ({@link LinkageRewriter}); a synchronized method's lock is made explicit
 * ({@link MonitorLowering}). This class assembles the result.
 */
final class Transplant {

  /**
   * The classes to define, in order (the work class last), and the new descriptor of each root.
   *
   * @param workClass the internal name of the work class
   * @param classes the class files by internal name: the renamed companions, then the work class
   * @param rootDescriptors each root's key ({@code name + descriptor} in the running class) and
   *     its descriptor as a static method of the work class
   */
  record Result(String workClass, Map<String, byte[]> classes, Map<String, String> rootDescriptors) {}

  private Transplant() {}

  /**
   * Builds the work class holding {@code roots} (keys {@code name + descriptor} of methods of the
   * running class) as compiled in {@code edited}.
   *
   * @param compiled every class file of the compile, by binary name
   * @param running the running class
   * @param edited the new version of the running class, from {@code compiled}; its method nodes
   *     are consumed
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
    return build(compiled, running, edited, roots, workClass, Mode.RELOAD);
  }

  /** What a transplant is for. */
  enum Mode {
    /** New code of the roots, with what it needs; the roots capture their variables. */
    RELOAD,
    /** The running code of the roots, and nothing else; the roots capture their variables. */
    COPY,
    /** A debugger expression's method: nothing is captured. */
    EVALUATION
  }

  /**
   * Builds the work class holding {@code roots} as compiled in {@code edited}.
   *
   * @param compiled every class file of the compile, by binary name
   * @param running the running class
   * @param edited the new version of the running class, or its running class file for a {@link
   *     Mode#COPY}; its method nodes are consumed
   * @param roots the methods to move
   * @param workClass the internal name of the class to create
   * @param mode what the transplant is for
   * @return the classes to define
   * @throws ReloadRefusal when the new code refers to something the running program lacks
   */
  static Result build(
      Map<String, byte[]> compiled,
      Class<?> running,
      ClassNode edited,
      List<String> roots,
      String workClass,
      Mode mode)
      throws ReloadRefusal {
    MoveSet moving = MoveSet.of(compiled, running, edited, roots, mode == Mode.COPY);
    LinkageRewriter linkage = new LinkageRewriter(running, workClass, moving, mode == Mode.COPY);
    String target = Type.getInternalName(running);

    ClassNode work = new ClassNode();
    work.version = edited.version;
    work.access = Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC;
    work.name = workClass;
    work.superName = "java/lang/Object";
    work.sourceFile = edited.sourceFile;
    work.sourceDebug = edited.sourceDebug;

    Set<String> workMethods = new HashSet<>();
    for (Map.Entry<String, MethodNode> entry : moving.methods().entrySet()) {
      MethodNode method = entry.getValue();
      if (!workMethods.add(method.name + moving.descriptor(entry.getKey()))) {
        throw new ReloadRefusal(
            "hotrestart: cannot reload: the static and instance methods `"
                + method.name
                + "` of "
                + running.getName()
                + " would clash once moved; rename one of them");
      }
    }
    for (Map.Entry<String, MethodNode> entry : moving.methods().entrySet()) {
      MethodNode method = entry.getValue();
      linkage.rewrite(method.instructions, target);
      boolean synchronizedMethod = (method.access & Opcodes.ACC_SYNCHRONIZED) != 0;
      if (mode != Mode.EVALUATION && roots.contains(entry.getKey())) {
        // Before the lock is lowered: the capturing handlers then run with the lock held, and
        // the lowered lock's catch-all, which covers them, releases it after.
        capture(method, running, entry.getKey(), synchronizedMethod);
      }
      if (synchronizedMethod) {
        // As a static method of the work class, ACC_SYNCHRONIZED would lock the work class.
        MonitorLowering.lockAround(method, (method.access & Opcodes.ACC_STATIC) != 0, target);
      }
      boolean lambda = method.name.startsWith("lambda$");
      method.access =
          Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | (lambda ? Opcodes.ACC_SYNTHETIC : 0);
      method.desc = moving.descriptor(entry.getKey());
      withoutParameterMetadata(method);
      work.methods.add(method);
    }

    Map<String, String> renames = new HashMap<>();
    String nestHost = moving.nestHost();
    for (String companion : moving.companions().keySet()) {
      renames.put(companion, workClass + "$" + companion.substring(nestHost.length() + 1));
    }
    for (ClassNode companion : moving.companions().values()) {
      for (MethodNode method : companion.methods) {
        linkage.rewrite(method.instructions, target);
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
    for (ClassNode companion : moving.companions().values()) {
      classes.put(renames.get(companion.name), write(companion, remapper));
    }
    classes.put(workClass, write(work, remapper));

    Map<String, String> rootDescriptors = new LinkedHashMap<>();
    for (String root : roots) {
      rootDescriptors.put(root, moving.descriptor(root));
    }
    return new Result(workClass, classes, rootDescriptors);
  }

  private static void capture(
      MethodNode method, Class<?> running, String key, boolean expandedFrames) {
    if (CaptureHandlers.add(method, running, key, expandedFrames)) {
      LocalCapture.available(running, key);
    } else {
      LocalCapture.withoutNames(running, key);
    }
  }

  /** Drops generic signatures and parameter metadata: they describe the old parameter list. */
  private static void withoutParameterMetadata(MethodNode method) {
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
  }

  private static byte[] write(ClassNode node, SimpleRemapper remapper) {
    ClassWriter writer = new ClassWriter(0);
    node.accept(new ClassRemapper(writer, remapper));
    return writer.toByteArray();
  }
}
