package dev.hotrestart.reload;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Rewrites the instructions of moved code so that it links from the work class, which is no
 * nestmate of the running class: calls to moved methods become static calls into the work class,
 * and calls of non-private methods a reload adds, of any class, dispatching {@code invokedynamic}
 * ones ({@link NewMethods});
 * field accesses and calls the work class may not make directly (private members of the nest,
 * members inherited from the running class's superclasses, {@code super} calls) become {@code
 * invokedynamic} instructions bootstrapped by {@link Linkage} with the running nest's private
 * lookup, and so do method references to members of the nest that stay there. Every member the
 * code refers to is checked against the running program first, so that new code using a field or
 * method the program lacks is refused before the swap.
 */
final class LinkageRewriter {

  private static final String LINKAGE = Type.getInternalName(Linkage.class);
  private static final String MEMBER_BSM_DESC =
      "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
          + "Ljava/lang/Class;Ljava/lang/Class;)Ljava/lang/invoke/CallSite;";
  private static final String LAMBDA_BSM_DESC =
      "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
          + "[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;";
  private static final String METAFACTORY = "java/lang/invoke/LambdaMetafactory";

  private final Class<?> running;
  private final String target;
  private final String workClass;
  private final MoveSet moving;
  private final Set<String> nestMembers = new HashSet<>();
  private final Set<String> superclasses = new HashSet<>();
  private final RunningClasses runningClasses;
  /**
   * Whether the code is the running code itself (a copy): every member it names exists, so only
   * what the work class may not reach directly is checked.
   */
  private final boolean runningCode;

  /**
   * A rewriter for code moving out of {@code running} into {@code workClass}.
   *
   * @param running the running class
   * @param workClass the internal name of the class the code moves to
   * @param moving what moves with it
   */
  LinkageRewriter(Class<?> running, String workClass, MoveSet moving) {
    this(running, workClass, moving, false);
  }

  /**
   * A rewriter for code moving out of {@code running} into {@code workClass}.
   *
   * @param running the running class
   * @param workClass the internal name of the class the code moves to
   * @param moving what moves with it
   * @param runningCode whether the code is the running class's own, unchanged: then the members
   *     it names are not looked up, which makes a copy at class start cheap
   */
  LinkageRewriter(Class<?> running, String workClass, MoveSet moving, boolean runningCode) {
    this.runningCode = runningCode;
    this.running = running;
    this.target = Type.getInternalName(running);
    this.workClass = workClass;
    this.moving = moving;
    this.runningClasses = new RunningClasses(running.getClassLoader());
    for (Class<?> member : running.getNestHost().getNestMembers()) {
      nestMembers.add(Type.getInternalName(member));
    }
    for (Class<?> type = running.getSuperclass(); type != null; type = type.getSuperclass()) {
      superclasses.add(Type.getInternalName(type));
    }
  }

  private boolean routed(String owner) {
    return owner.equals(target)
        || superclasses.contains(owner)
        || (nestMembers.contains(owner) && !moving.companions().containsKey(owner));
  }

  /** Whose access rights a routed member is resolved with. */
  private String accessFor(String owner) {
    return nestMembers.contains(owner) && !owner.equals(target) ? owner : target;
  }

  private boolean local(String owner) {
    return moving.companions().containsKey(owner) || owner.equals(workClass);
  }

  /**
   * Rewrites one method's instructions in place.
   *
   * @param instructions the code
   * @param writtenIn the internal name of the class the code was compiled in, whose access a
   *     {@code super} call or a call to a private method that stays is resolved with
   * @throws ReloadRefusal when the code refers to something the running program lacks
   */
  void rewrite(InsnList instructions, String writtenIn) throws ReloadRefusal {
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
    if (runningCode) {
      if (routed(field.owner)) {
        iterator.set(fieldIndy(field));
      }
      return;
    }
    Class<?> owner = requireClass(field.owner);
    if (!RunningClasses.hasField(owner, field.name, field.desc)
        && NewFields.declared(owner, field.name, field.desc)) {
      iterator.set(NewFields.access(field)); // a field the edit adds: its side table
      return;
    }
    if (!RunningClasses.hasField(owner, field.name, field.desc)) {
      throw new ReloadRefusal(
          "hotrestart: cannot reload: the new code uses the field `"
              + Type.getType(field.desc).getClassName()
              + " "
              + field.name
              + "` of "
              + owner.getName()
              + ", which the running program does not have (a reload adds a field only with the edit of"
              + " the class that declares it); restart the program to add it");
    }
    if (routed(field.owner)) {
      iterator.set(fieldIndy(field));
    }
  }

  private InvokeDynamicInsnNode fieldIndy(FieldInsnNode field) {
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
    return memberIndy(field.name, descriptor, bootstrap, field.owner, accessFor(field.owner));
  }

  private void rewriteCall(
      ListIterator<AbstractInsnNode> iterator, MethodInsnNode call, String writtenIn)
      throws ReloadRefusal {
    String key = call.name + call.desc;
    if (!runningCode && call.owner.equals(target) && NewMethods.declared(running, key)) {
      // A new non-private method: dispatched on the receiver, to the newest copy.
      iterator.set(NewMethods.callOf(running, call));
      return;
    }
    if (call.owner.equals(target) && moving.moves(key)) {
      iterator.set(
          new MethodInsnNode(
              Opcodes.INVOKESTATIC, workClass, call.name, moving.descriptor(key), false));
      return;
    }
    if (local(call.owner) || call.owner.startsWith("[")) {
      return;
    }
    if (runningCode && !(call.name.equals("<init>") && routed(call.owner))) {
      // The running code's own call: it links, but what the work class may not make goes
      // through Linkage, as below.
      rewriteCheckedCall(iterator, call, writtenIn);
      return;
    }
    Class<?> owner = requireClass(call.owner);
    if (!RunningClasses.hasMethod(owner, call.name, call.desc)) {
      AbstractInsnNode moved = NewMethods.callOf(owner, call);
      if (moved != null) {
        iterator.set(moved); // a method an edit added: its moved copy, by the receiver's class
        return;
      }
      throw new ReloadRefusal(
          "hotrestart: cannot reload: the new code calls `"
              + owner.getName()
              + "."
              + signature(call.name, call.desc)
              + "`, which the running program does not have (a new method is there once the"
              + " same c applies the file that declares it: a plain class's with the Java agent);"
              + " restart the program to add it or change its signature");
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
    rewriteCheckedCall(iterator, call, writtenIn);
  }

  /** Routes a call whose target is known to exist; a constructor call stays as it is. */
  private void rewriteCheckedCall(
      ListIterator<AbstractInsnNode> iterator, MethodInsnNode call, String writtenIn) {
    if (call.name.equals("<init>")) {
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
    for (Constructor<?> constructor : owner.getDeclaredConstructors()) {
      if (RunningClasses.descriptorOf(constructor).equals(descriptor)) {
        return Modifier.isPrivate(constructor.getModifiers());
      }
    }
    return false;
  }

  private void rewriteIndy(ListIterator<AbstractInsnNode> iterator, InvokeDynamicInsnNode indy)
      throws ReloadRefusal {
    for (int i = 0; i < indy.bsmArgs.length; i++) {
      if (indy.bsmArgs[i] instanceof Handle) {
        indy.bsmArgs[i] = relocated((Handle) indy.bsmArgs[i]);
        if (!runningCode) {
          refuseReferenceToNewMethod((Handle) indy.bsmArgs[i]);
        }
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

  /**
   * Refuses a method reference to a method a reload adds to another class: a constant cannot name
   * its moved copy, which the reload may move again.
   */
  private void refuseReferenceToNewMethod(Handle handle) throws ReloadRefusal {
    if (handle.getTag() <= Opcodes.H_PUTSTATIC || local(handle.getOwner()) || handle.getOwner().startsWith("[")) {
      return;
    }
    Optional<Class<?>> owner = runningClasses.load(handle.getOwner());
    if (owner.isEmpty()
        || RunningClasses.hasMethod(owner.get(), handle.getName(), handle.getDesc())
        || !NewMethods.isNew(owner.get(), handle.getName() + handle.getDesc())) {
      return;
    }
    throw new ReloadRefusal(
        "hotrestart: cannot reload: the new code makes a method reference to `"
            + owner.get().getName()
            + "::"
            + handle.getName()
            + "`, a method a reload adds to another class, which a method reference cannot"
            + " reach; write it as a lambda that calls the method");
  }

  private Handle relocated(Handle handle) {
    String key = handle.getName() + handle.getDesc();
    if (handle.getOwner().equals(target) && moving.moves(key)) {
      return new Handle(
          Opcodes.H_INVOKESTATIC, workClass, handle.getName(), moving.descriptor(key), false);
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
