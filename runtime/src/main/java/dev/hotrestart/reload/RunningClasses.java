package dev.hotrestart.reload;

import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Answers questions about the classes as they are loaded now, through the running class's
 * loader, so that new code referring to a member the running program lacks is refused before
 * the swap instead of failing later with {@code NoSuchFieldError} or {@code NoSuchMethodError}.
 */
final class RunningClasses {

  private final ClassLoader loader;

  RunningClasses(ClassLoader loader) {
    this.loader = loader;
  }

  /** The loaded class of an internal name, or empty when the program has no such class. */
  Optional<Class<?>> load(String internalName) {
    String name = internalName.replace('/', '.');
    try {
      return Optional.of(Class.forName(name, false, loader));
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }

  /** The class and its supertypes, in the order resolution searches them, each once. */
  private static Set<Class<?>> hierarchy(Class<?> owner) {
    Set<Class<?>> seen = new LinkedHashSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>();
    todo.add(owner);
    while (!todo.isEmpty()) {
      Class<?> type = todo.poll();
      if (!seen.add(type)) {
        continue;
      }
      if (type.getSuperclass() != null) {
        todo.add(type.getSuperclass());
      } else if (type.isInterface()) {
        todo.add(Object.class);
      }
      todo.addAll(List.of(type.getInterfaces()));
    }
    return seen;
  }

  /** Whether the class or one of its supertypes declares the field, as field resolution does. */
  static boolean hasField(Class<?> owner, String name, String descriptor) {
    for (Class<?> type : hierarchy(owner)) {
      for (Field field : type.getDeclaredFields()) {
        if (field.getName().equals(name) && descriptorOf(field.getType()).equals(descriptor)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the class or one of its supertypes declares the method, as method resolution does. */
  static boolean hasMethod(Class<?> owner, String name, String descriptor) {
    if (owner.isArray()) {
      return true; // clone() and Object's methods
    }
    if (name.equals("<init>")) {
      for (Constructor<?> constructor : owner.getDeclaredConstructors()) {
        if (descriptorOf(constructor).equals(descriptor)) {
          return true;
        }
      }
      return false; // constructors are not inherited
    }
    for (Class<?> type : hierarchy(owner)) {
      for (Method method : type.getDeclaredMethods()) {
        if (method.getName().equals(name) && descriptorOf(method).equals(descriptor)) {
          return true;
        }
      }
    }
    // Signature-polymorphic methods (MethodHandle.invokeExact and friends) match any descriptor.
    return owner.getName().startsWith("java.lang.invoke.");
  }

  /** Whether the class itself declares the method. */
  static boolean declares(Class<?> type, String name, String descriptor) {
    for (Method method : type.getDeclaredMethods()) {
      if (method.getName().equals(name) && descriptorOf(method).equals(descriptor)) {
        return true;
      }
    }
    return false;
  }

  static String descriptorOf(Class<?> type) {
    return type.descriptorString();
  }

  static String descriptorOf(Method method) {
    return MethodType.methodType(method.getReturnType(), method.getParameterTypes())
        .toMethodDescriptorString();
  }

  static String descriptorOf(Constructor<?> constructor) {
    return MethodType.methodType(void.class, constructor.getParameterTypes())
        .toMethodDescriptorString();
  }
}
