package dev.hotrestart.junit;

import dev.hotrestart.slot.MethodSlot;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One {@link MethodSlot} per test method, made when it first runs and kept for the rest of the
 * run: a reloaded test method keeps its new code for its later invocations (the next
 * arguments of a parameterized test, the next repetition).
 *
 * <p>A test class has no proxy (JUnit makes its instances), so the slot is made with the test
 * class's own private lookup: its first implementation is the method itself, called on the
 * instance JUnit made, and the reloader swaps it like a wrapped method's.
 */
final class TestSlots {

  private final Map<Method, MethodSlot> slots = new ConcurrentHashMap<>();

  /**
   * The slot of {@code method}, made now if it has none yet.
   *
   * @throws IllegalStateException if the test class cannot be reached, with the reason
   */
  MethodSlot of(Method method) {
    return slots.computeIfAbsent(method, TestSlots::create);
  }

  private static MethodSlot create(Method method) {
    Class<?> declaring = method.getDeclaringClass();
    MethodHandles.Lookup lookup;
    try {
      lookup = MethodHandles.privateLookupIn(declaring, MethodHandles.lookup());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(
          "hotrestart: cannot reach the test class " + declaring.getName() + " (is it in a named"
              + " module that does not open its package to hotrestart?); its tests run without the"
              + " prompt",
          e);
    }
    String descriptor =
        MethodType.methodType(method.getReturnType(), method.getParameterTypes())
            .toMethodDescriptorString();
    String names =
        Stream.of(method.getParameters()).map(Parameter::getName).collect(Collectors.joining(" "));
    return MethodSlot.of(lookup, declaring, method.getName(), descriptor, names, "");
  }
}
