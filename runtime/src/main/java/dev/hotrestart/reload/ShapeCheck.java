package dev.hotrestart.reload;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Compares the shape of a recompiled class (superclass, interfaces, fields, methods) with the
 * running class. Objects built before the crash keep their layout, and other code keeps calling
 * the running methods, so a change there cannot be applied without a restart. New methods are
 * the exception (they are moved out with the reloaded code), and so are new fields (they live
 * in side tables, {@link NewFields}); a removed or retyped field is not.
 */
final class ShapeCheck {

  private ShapeCheck() {}

  /** The changes that need a restart, one sentence each; empty when the shapes agree. */
  static List<String> differences(ClassNode edited, Class<?> running) {
    List<String> problems = new ArrayList<>();
    String className = running.getName();

    String runningSuper =
        running.getSuperclass() == null ? null : Type.getInternalName(running.getSuperclass());
    if (runningSuper != null && !runningSuper.equals(edited.superName)) {
      problems.add(
          "the superclass of "
              + className
              + " changed from "
              + running.getSuperclass().getName()
              + " to "
              + edited.superName.replace('/', '.'));
    }
    Set<String> runningInterfaces = new TreeSet<>();
    for (Class<?> type : running.getInterfaces()) {
      runningInterfaces.add(Type.getInternalName(type));
    }
    if (!runningInterfaces.equals(new TreeSet<>(edited.interfaces))) {
      problems.add("the interfaces implemented by " + className + " changed");
    }

    Map<String, Field> runningFields = new LinkedHashMap<>();
    for (Field field : running.getDeclaredFields()) {
      if (!field.isSynthetic()) {
        runningFields.put(field.getName(), field);
      }
    }
    Set<String> editedFields = new LinkedHashSet<>();
    for (FieldNode field : edited.fields) {
      if ((field.access & Opcodes.ACC_SYNTHETIC) != 0) {
        continue;
      }
      editedFields.add(field.name);
      Field before = runningFields.get(field.name);
      String declared = Type.getType(field.desc).getClassName() + " " + field.name;
      if (before == null) {
        String problem = newFieldProblem(running, field);
        if (problem != null) {
          problems.add(problem);
        }
      } else if (!RunningClasses.descriptorOf(before.getType()).equals(field.desc)) {
        problems.add(
            "field `"
                + field.name
                + "` of "
                + className
                + " changed type from "
                + before.getType().getTypeName()
                + " to "
                + Type.getType(field.desc).getClassName());
      } else if (Modifier.isStatic(before.getModifiers())
          != ((field.access & Opcodes.ACC_STATIC) != 0)) {
        problems.add("field `" + field.name + "` of " + className + " changed between static and instance");
      }
    }
    for (String name : runningFields.keySet()) {
      if (!editedFields.contains(name)) {
        problems.add("field `" + name + "` was removed from " + className);
      }
    }

    Map<String, String> runningMethods = new LinkedHashMap<>();
    for (Method method : running.getDeclaredMethods()) {
      if (!method.isSynthetic() && !method.isBridge()) {
        runningMethods.put(
            method.getName() + RunningClasses.descriptorOf(method), method.toGenericString());
      }
    }
    for (Constructor<?> constructor : running.getDeclaredConstructors()) {
      if (!constructor.isSynthetic()) {
        runningMethods.put(
            "<init>" + RunningClasses.descriptorOf(constructor), constructor.toGenericString());
      }
    }
    Set<String> editedMethods = new LinkedHashSet<>();
    for (MethodNode method : edited.methods) {
      String bridgeProblem = bridgeProblem(running, method);
      if (bridgeProblem != null) {
        problems.add(bridgeProblem);
      }
      if ((method.access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) != 0
          || method.name.equals("<clinit>")) {
        continue;
      }
      String key = method.name + method.desc;
      editedMethods.add(key);
      if (runningMethods.containsKey(key)) {
        continue;
      }
      boolean privateMethod = (method.access & Opcodes.ACC_PRIVATE) != 0;
      boolean constructor = method.name.equals("<init>");
      if (!privateMethod && !constructor) {
        String problem = newMethodProblem(running, method);
        if (problem != null) {
          problems.add(problem);
        }
      } else if (constructor) {
        problems.add(
            "a new constructor "
                + describe(method)
                + " was added to "
                + className
                + " (objects are made by the running constructors; a restart applies it)");
      }
    }
    for (Map.Entry<String, String> method : runningMethods.entrySet()) {
      if (!editedMethods.contains(method.getKey())) {
        problems.add("`" + method.getValue() + "` was removed, renamed or changed its signature");
      }
    }
    return problems;
  }

  /**
   * Why a new field cannot live in a side table ({@link NewFields}), or null when it can: one
   * that hides a field of a supertype would change what running code that names it reads.
   *
   * @param running the running class, which lacks the field
   * @param field the new field
   */
  static String newFieldProblem(Class<?> running, FieldNode field) {
    for (Class<?> type = running.getSuperclass(); type != null; type = type.getSuperclass()) {
      for (Field inherited : type.getDeclaredFields()) {
        if (inherited.getName().equals(field.name)) {
          return "a new field `" + Type.getType(field.desc).getClassName() + " " + field.name
              + "` in " + running.getName() + " hides the field of " + type.getName()
              + " that running code reads";
        }
      }
    }
    return null;
  }

  /**
   * Why a new non-private method cannot be added while running, or null when it can: it then
   * moves beside the running class, and reloaded code calls it by the receiver's class ({@link
   * NewMethods}). An abstract one cannot (existing subclasses and implementations lack it), nor
   * one that overrides or implements an inherited method: running code dispatches to the old one.
   *
   * @param running the running class, which lacks the method
   * @param method the new method
   */
  static String newMethodProblem(Class<?> running, MethodNode method) {
    if ((method.access & Opcodes.ACC_ABSTRACT) != 0) {
      return "a new abstract method `" + describe(method) + "` was added to " + running.getName()
          + " (only methods with a body can be added while running)";
    }
    if (RunningClasses.hasMethod(running, method.name, method.desc)) {
      return "a new method `" + describe(method) + "` in " + running.getName()
          + " overrides an inherited one, which running code would still call instead";
    }
    return null;
  }

  /**
   * Why a bridge the edit adds cannot be, or null: one javac writes for a new method that
   * overrides an inherited one with another return or parameter type (covariant, generic) would
   * override that inherited method, which running code calls instead.
   *
   * @param running the running class
   * @param method a method of the edited class
   */
  static String bridgeProblem(Class<?> running, MethodNode method) {
    if ((method.access & Opcodes.ACC_BRIDGE) == 0
        || RunningClasses.declares(running, method.name, method.desc)
        || !RunningClasses.hasMethod(running, method.name, method.desc)) {
      return null;
    }
    return "a new method `" + method.name + "` in " + running.getName() + " overrides the inherited `"
        + describe(method) + "` with another return or parameter type, which running code would"
        + " still call instead";
  }

  static String describe(MethodNode method) {
    Type type = Type.getMethodType(method.desc);
    StringBuilder text = new StringBuilder();
    if (!method.name.equals("<init>")) {
      text.append(type.getReturnType().getClassName()).append(' ').append(method.name);
    }
    text.append('(');
    Type[] arguments = type.getArgumentTypes();
    for (int i = 0; i < arguments.length; i++) {
      text.append(i == 0 ? "" : ", ").append(arguments[i].getClassName());
    }
    return text.append(')').toString();
  }
}
