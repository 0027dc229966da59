package dev.hotrestart.reload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.testing.InheritedSerialSample;
import dev.hotrestart.testing.SerialSample;
import dev.hotrestart.testing.UnserializableSample;
import dev.hotrestart.slot.SlotRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectStreamClass;
import java.io.PrintStream;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's transformer, applied by a class loader as the JVM would: {@code Sample} and its
 * generated proxy {@code HotRestart_Sample} (exactly what the processor writes) are defined anew in
 * a loader of their own, {@code Sample} through {@link InstanceRouting#transform}.
 */
class InstanceRoutingTest {

  private static final String SAMPLE = "dev.hotrestart.testing.Sample";
  private static final String PROXY = "dev.hotrestart.testing.HotRestart_Sample";

  private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
  private final InstanceRouting routing =
      new InstanceRouting(
          Map.of("dev/hotrestart/testing/Sample", "dev/hotrestart/testing/HotRestart_Sample"),
          new PrintStream(errors, true, StandardCharsets.UTF_8));

  @Test
  void anInstanceMadeWithNewCallsItsMethodsThroughTheSlot() throws Exception {
    Class<?> sample = new RoutingLoader(routing).loadClass(SAMPLE);
    Object plain = sample.getConstructor().newInstance();
    assertEquals(42, call(plain, "add", 41));
    assertEquals(1, sample.getField("calls").getInt(plain), "the method's own body ran once");

    List<MethodSlot> slots = slotsOf(sample);
    assertEquals(
        List.of("add", "record", "first", "fail"),
        slots.stream().map(MethodSlot::methodName).collect(Collectors.toList()));
    assertTrue(slots.stream().allMatch(MethodSlot::routed), "made by the routed class itself");
    assertTrue(slots.stream().allMatch(MethodSlot::proxied), "the routing plays the proxy's part");
    assertSame(sample, slots.get(0).proxyClass(), "no proxy yet");

    // A reload swaps the slot: the plain instance runs the new code.
    slots.get(0).swap(MethodHandles.dropArguments(MethodHandles.constant(int.class, 7), 0, Object.class, int.class));
    assertEquals(7, call(plain, "add", 1));
    assertEquals(1, sample.getField("calls").getInt(plain), "the old body did not run");
    assertEquals(1, slots.get(0).version());
  }

  @Test
  void theProxyJoinsTheRoutedSlotsInsteadOfMakingItsOwn() throws Exception {
    RoutingLoader loader = new RoutingLoader(routing);
    Class<?> sample = loader.loadClass(SAMPLE);
    Object plain = sample.getConstructor().newInstance();
    Class<?> proxyClass = loader.loadClass(PROXY);
    Object proxied = proxyClass.getMethod("create").invoke(null);
    assertEquals(4, slotsOf(sample).size(), "one slot per method, not one per path");
    MethodSlot add = slotsOf(sample).get(0);
    assertSame(proxyClass, add.proxyClass(), "the proxy is named once it joined");

    assertEquals(11, call(proxied, "add", 10));
    assertEquals(1, sample.getField("calls").getInt(proxied));
    add.swap(MethodHandles.dropArguments(MethodHandles.constant(int.class, -5), 0, Object.class, int.class));
    assertEquals(-5, call(proxied, "add", 10), "a reload reaches factory-made instances");
    assertEquals(-5, call(plain, "add", 10), "and plain ones");
  }

  @Test
  void eachPathGoesThroughTheSlotOnce() throws Exception {
    RoutingLoader loader = new RoutingLoader(routing);
    Class<?> sample = loader.loadClass(SAMPLE);
    Object plain = sample.getConstructor().newInstance();
    Object proxied = loader.loadClass(PROXY).getMethod("create").invoke(null);

    StackTraceElement[] viaProxy = thrownBy(proxied, "fail", "boom").getStackTrace();
    assertEquals(1, count(viaProxy, PROXY, "fail"));
    assertEquals(0, count(viaProxy, SAMPLE, "fail"), "the proxy's slot does not re-enter the routing");
    assertEquals(1, count(viaProxy, SAMPLE, "fail" + MethodSlot.BODY_SUFFIX));

    StackTraceElement[] viaNew = thrownBy(plain, "fail", "boom").getStackTrace();
    assertEquals(1, count(viaNew, SAMPLE, "fail"), "the routing method, once");
    assertEquals(1, count(viaNew, SAMPLE, "fail" + MethodSlot.BODY_SUFFIX));
    assertEquals(0, count(viaNew, PROXY, "fail"));
  }

  @Test
  void theRoutedClassKeepsItsVisibleShape() throws Exception {
    Class<?> routed = new RoutingLoader(routing).loadClass(SAMPLE);
    Class<?> original = Class.forName(SAMPLE);
    assertNotSame(original, routed);
    assertEquals(visible(original.getDeclaredMethods()), visible(routed.getDeclaredMethods()));
    assertEquals(visibleFields(original), visibleFields(routed));
    Method first = routed.getMethod("first", CharSequence.class, List.class);
    assertEquals(
        original.getMethod("first", CharSequence.class, List.class).toGenericString(),
        first.toGenericString().replace(routed.getName(), original.getName()));
    assertArrayEquals(
        original.getMethod("add", int.class).getExceptionTypes(),
        routed.getMethod("add", int.class).getExceptionTypes());
    Method body = routed.getDeclaredMethod("add" + MethodSlot.BODY_SUFFIX, int.class);
    assertTrue(body.isSynthetic() && Modifier.isPrivate(body.getModifiers()), body.toString());
    assertEquals("", errors.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aClassNotListedIsLeftAlone() throws Exception {
    byte[] bytes = classFile("dev/hotrestart/testing/Await");
    byte[] copy = bytes.clone();
    assertNull(routing.transform(getClass().getClassLoader(), "dev/hotrestart/testing/Await", null, null, bytes));
    assertNull(routing.transform(getClass().getClassLoader(), null, null, null, bytes));
    assertArrayEquals(copy, bytes, "not a byte changed");
    // Loaded through the loader, an unlisted class has nothing added.
    Class<?> proxy = new RoutingLoader(routing).loadClass(PROXY);
    assertFalse(
        Arrays.stream(proxy.getDeclaredMethods()).anyMatch(m -> m.getName().contains("$HR$")));
  }

  @Test
  void aListedClassWithoutItsProxyLoadsUnchangedAndSaysWhy() throws Exception {
    InstanceRouting broken =
        new InstanceRouting(
            Map.of("dev/hotrestart/testing/Sample", "dev/hotrestart/testing/HotRestart_Gone"),
            new PrintStream(errors, true, StandardCharsets.UTF_8));
    byte[] bytes = classFile("dev/hotrestart/testing/Sample");
    assertNull(broken.transform(getClass().getClassLoader(), "dev/hotrestart/testing/Sample", null, null, bytes));
    assertTrue(
        errors.toString(StandardCharsets.UTF_8).contains(
            "dev.hotrestart.testing.Sample is listed but its proxy dev.hotrestart.testing.HotRestart_Gone"
                + " is not on the class path"),
        errors.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aRedefinitionOfTheRoutedClassIsNotRoutedTwice() throws IOException {
    // A reload that adds fields redefines the running (routed) class file; the JVM hands it to
    // the transformer again, which must leave it as it is.
    byte[] routed =
        routing.transform(
            getClass().getClassLoader(), "dev/hotrestart/testing/Sample", null, null,
            classFile("dev/hotrestart/testing/Sample"));
    assertTrue(routed != null && routed.length > 0, "the first load is routed");
    assertNull(
        routing.transform(
            getClass().getClassLoader(), "dev/hotrestart/testing/Sample", Object.class, null, routed));
    assertEquals("", errors.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theProxyNamesTheWrappedMethods() throws IOException {
    assertEquals(
        List.of(
            "add|(I)I|x|java.lang.InterruptedException",
            "record|(Ljava/lang/String;)V|event|java.lang.InterruptedException",
            "first|(Ljava/lang/CharSequence;Ljava/util/List;)Ljava/lang/CharSequence;|value more|java.lang.InterruptedException",
            "fail|(Ljava/lang/String;)Ljava/lang/Object;|message|java.lang.InterruptedException"),
        RoutedClass.wrappedMethods(classFile("dev/hotrestart/testing/HotRestart_Sample")));
  }

  @Test
  void aSerializableClassKeepsItsComputedSerialVersionUid() throws Exception {
    for (Class<?> type : List.of(SerialSample.class, InheritedSerialSample.class)) {
      Class<?> routed = routedCopy(type, "work|(I)I|x|");
      assertTrue(
          Arrays.stream(routed.getDeclaredFields()).anyMatch(f -> f.getName().equals("$HR$slots")),
          "routed: " + type);
      assertEquals(
          ObjectStreamClass.lookup(type).getSerialVersionUID(),
          ObjectStreamClass.lookup(routed).getSerialVersionUID(),
          "the routing's static initialiser must not change " + type + "'s computed value");
      Field uid = routed.getDeclaredField("serialVersionUID");
      assertTrue(uid.isSynthetic(), uid.toString());
    }
  }

  @Test
  void aClassThatCannotBeSerializedGetsNoSerialVersionUid() throws Exception {
    Class<?> routed = routedCopy(UnserializableSample.class, "work|(I)I|x|");
    assertFalse(
        Arrays.stream(routed.getDeclaredFields()).anyMatch(f -> f.getName().equals("serialVersionUID")));
    assertTrue(
        RoutedClass.maySerialize(
            ClassFiles.read(classFile(UnserializableSample.class.getName().replace('.', '/'))),
            unreadable -> new byte[0]),
        "a supertype that cannot be read counts as serializable");
  }

  /** {@code type} defined anew in a loader of its own, routed with {@code spec}. */
  private static Class<?> routedCopy(Class<?> type, String spec) throws Exception {
    String internalName = type.getName().replace('.', '/');
    byte[] routed =
        RoutedClass.rewrite(
            classFile(internalName),
            List.of(spec),
            supertype -> ClassFiles.classFile(InstanceRoutingTest.class.getClassLoader(), supertype));
    assertTrue(routed != null, "routed");
    return new ClassLoader(InstanceRoutingTest.class.getClassLoader()) {
      Class<?> define() {
        return defineClass(type.getName(), routed, 0, routed.length);
      }
    }.define();
  }

  @Test
  void theListIsReadLineByLine(@TempDir Path dir) throws IOException {
    Path list = dir.resolve("instances.txt");
    Files.writeString(list, "# made by the plugin\ndemo/Work demo/HotRestart_Work\n\na/B$C a/HotRestart_B_C\n");
    assertEquals(
        Map.of("demo/Work", "demo/HotRestart_Work", "a/B$C", "a/HotRestart_B_C"),
        InstanceRouting.read(list));
    Files.writeString(list, "demo/Work\n");
    IOException malformed = assertThrows(IOException.class, () -> InstanceRouting.read(list));
    assertEquals("line 1 is not 'pkg/Class pkg/HotRestart_Class': demo/Work", malformed.getMessage());
  }

  private static List<MethodSlot> slotsOf(Class<?> declaring) {
    return SlotRegistry.all().stream()
        .filter(slot -> slot.declaringClass() == declaring)
        .collect(Collectors.toList());
  }

  private static Object call(Object target, String name, int argument) throws Exception {
    return target.getClass().getMethod(name, int.class).invoke(target, argument);
  }

  private static Throwable thrownBy(Object target, String name, String argument) throws Exception {
    try {
      target.getClass().getMethod(name, String.class).invoke(target, argument);
    } catch (InvocationTargetException e) {
      return e.getCause();
    }
    throw new AssertionError(name + " returned");
  }

  private static long count(StackTraceElement[] trace, String className, String method) {
    return Arrays.stream(trace)
        .filter(e -> e.getClassName().equals(className) && e.getMethodName().equals(method))
        .count();
  }

  private static List<String> visible(Method[] methods) {
    return Arrays.stream(methods)
        .filter(m -> !m.isSynthetic())
        .map(m -> Modifier.toString(m.getModifiers()) + " " + m.getName() + Arrays.toString(m.getParameterTypes()))
        .sorted()
        .collect(Collectors.toList());
  }

  private static List<String> visibleFields(Class<?> type) {
    return Arrays.stream(type.getDeclaredFields())
        .filter(f -> !f.isSynthetic())
        .map(Field::toString)
        .map(s -> s.replace(type.getName(), "T"))
        .sorted()
        .collect(Collectors.toList());
  }

  private static byte[] classFile(String internalName) throws IOException {
    try (InputStream in =
        InstanceRoutingTest.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
      return in.readAllBytes();
    }
  }

  /** Defines Sample and its proxy itself, handing each class file to the transformer first. */
  private static final class RoutingLoader extends ClassLoader {
    private final InstanceRouting routing;

    RoutingLoader(InstanceRouting routing) {
      super(InstanceRoutingTest.class.getClassLoader());
      this.routing = routing;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.equals(SAMPLE) && !name.equals(PROXY)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded != null) {
          return loaded;
        }
        try {
          String internal = name.replace('.', '/');
          byte[] bytes = classFile(internal);
          byte[] changed = routing.transform(this, internal, null, null, bytes);
          byte[] defined = changed == null ? bytes : changed;
          return defineClass(name, defined, 0, defined.length);
        } catch (IOException e) {
          throw new ClassNotFoundException(name, e);
        }
      }
    }
  }
}
