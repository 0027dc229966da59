package dev.hotrestart.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.hotrestart.processor.Compilations.call;
import static dev.hotrestart.processor.Compilations.create;
import static dev.hotrestart.processor.Compilations.load;
import static dev.hotrestart.processor.Compilations.rendering;
import static dev.hotrestart.processor.Compilations.source;
import static dev.hotrestart.processor.Compilations.strict;
import static dev.hotrestart.processor.Compilations.twice;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static javax.tools.StandardLocation.CLASS_OUTPUT;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs generated proxies: compiled under {@code -Xlint:all -Werror}, loaded beside the runtime
 * (whose debugger is off in tests, so a crash propagates unchanged), created via the factories.
 */
class GeneratedBehaviourTest {

  private static final String COUNTER_PROXY = "com.acme.HotRestart_Counter";

  private static Compilation compileCounter() {
    Compilation compilation =
        strict()
            .compile(
                source(
                    "com.acme.Counter",
                    "package com.acme;",
                    "import dev.hotrestart.HotRestartable;",
                    "import java.io.IOException;",
                    "import java.util.List;",
                    "@HotRestartable",
                    "public class Counter {",
                    "  public static RuntimeException lastThrown;",
                    "  int calls;",
                    "  public Counter(int start) { calls = start; }",
                    "  public Counter(String... names) { calls = names.length; }",
                    "  public int add(int x) throws IOException {",
                    "    calls++;",
                    "    if (x < 0) throw new IOException(\"negative: \" + x);",
                    "    return x + 1;",
                    "  }",
                    "  public void fail() {",
                    "    calls++;",
                    "    lastThrown = new IllegalStateException(\"boom\");",
                    "    throw lastThrown;",
                    "  }",
                    "  public int calls() { return calls; }",
                    "  public String join(String... parts) { return String.join(\"+\", parts); }",
                    "  public long[] twice(long[] values) {",
                    "    long[] out = values.clone();",
                    "    for (int i = 0; i < out.length; i++) out[i] *= 2;",
                    "    return out;",
                    "  }",
                    "  public <T extends Comparable<T>> T max(List<T> xs) {",
                    "    T best = xs.get(0);",
                    "    for (T x : xs) if (x.compareTo(best) > 0) best = x;",
                    "    return best;",
                    "  }",
                    "  public String over(int x) { return \"int\"; }",
                    "  public String over(String s) { return \"String\"; }",
                    "  public String over(Object o) { return \"Object\"; }",
                    "  public char first(CharSequence s) { return s.charAt(0); }",
                    "  public boolean flag(boolean b, byte y, short s, float f, double d) {",
                    "    return b && y == 1 && s == 2 && f == 3f && d == 4d;",
                    "  }",
                    "  public synchronized void tick() { calls++; }",
                    "  @Override public String toString() { return \"Counter(\" + calls + \")\"; }",
                    "}"));
    assertThat(compilation).succeededWithoutWarnings();
    return compilation;
  }

  @Test
  void wrappedMethodsBehaveLikeTheOriginal() throws Throwable {
    ClassLoader loader = load(compileCounter());
    Class<?> proxy = loader.loadClass(COUNTER_PROXY);
    Object counter = create(proxy, 0);
    assertSame(proxy, counter.getClass());
    assertSame(loader.loadClass("com.acme.Counter"), proxy.getSuperclass());
    assertTrue(Modifier.isFinal(proxy.getModifiers()) && Modifier.isPublic(proxy.getModifiers()));

    assertEquals(42, call(counter, "add", 41));
    assertEquals(1, call(counter, "calls"));
    assertEquals("a+b+c", call(counter, "join", (Object) new String[] {"a", "b", "c"}));
    assertArrayEquals(
        new long[] {2, 4}, (long[]) call(counter, "twice", (Object) new long[] {1, 2}));
    assertEquals("pear", call(counter, "max", List.of("apple", "pear", "fig")));
    assertEquals('h', call(counter, "first", "hi"));
    assertEquals(true, call(counter, "flag", true, (byte) 1, (short) 2, 3f, 4d));
    call(counter, "tick");
    assertEquals(2, call(counter, "calls"));
    assertEquals("Counter(2)", counter.toString());
  }

  @Test
  void overloadsEachGetTheirOwnSlot() throws Throwable {
    ClassLoader loader = load(compileCounter());
    Class<?> counterClass = loader.loadClass("com.acme.Counter");
    Object counter = create(loader.loadClass(COUNTER_PROXY), 0);
    assertEquals("int", counterClass.getMethod("over", int.class).invoke(counter, 1));
    assertEquals("String", counterClass.getMethod("over", String.class).invoke(counter, "s"));
    assertEquals("Object", counterClass.getMethod("over", Object.class).invoke(counter, 1.5));
    Set<String> overridden =
        Arrays.stream(loader.loadClass(COUNTER_PROXY).getDeclaredMethods())
            .filter(m -> m.getName().equals("over"))
            .map(m -> m.getParameterTypes()[0].getSimpleName())
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of("int", "String", "Object"), overridden);
  }

  @Test
  void aCrashPropagatesUnchangedWhenTheDebuggerIsOff() throws Throwable {
    ClassLoader loader = load(compileCounter());
    Class<?> proxy = loader.loadClass(COUNTER_PROXY);
    Object counter = create(proxy, 0);

    IOException checked = assertThrows(IOException.class, () -> call(counter, "add", -1));
    assertEquals("negative: -1", checked.getMessage());
    assertEquals(1, call(counter, "calls"), "called once: no restart without the debugger");

    IllegalStateException unchecked =
        assertThrows(IllegalStateException.class, () -> call(counter, "fail"));
    Object original = loader.loadClass("com.acme.Counter").getField("lastThrown").get(null);
    assertSame(original, unchecked, "the very same exception object, not a wrapper");
    assertTrue(
        Arrays.stream(unchecked.getStackTrace())
            .anyMatch(
                f -> f.getClassName().equals(COUNTER_PROXY) && f.getMethodName().equals("fail")),
        "the call went through the proxy's override");
  }

  @Test
  void codeOfTheSameCompileCallsTheFactoriesOfAProxyWrittenAsAClassFile() throws Throwable {
    // javac reads the proxy's class file in the round after it is written, and must find every
    // generic signature (inference from the target type, a generic constructor, a bounded
    // generic method) and @SafeVarargs there: -Werror fails on an unchecked call otherwise.
    Compilation compilation =
        Compilations.withClassFiles(strict())
            .compile(
                source(
                    "com.acme.Box",
                    "package com.acme;",
                    "import dev.hotrestart.HotRestartable;",
                    "import java.util.ArrayList;",
                    "import java.util.Collection;",
                    "import java.util.Collections;",
                    "import java.util.List;",
                    "@HotRestartable",
                    "public class Box<T extends Comparable<T>> {",
                    "  private final List<T> items = new ArrayList<>();",
                    "  @SafeVarargs",
                    "  public Box(T... items) {",
                    "    for (T item : items) {",
                    "      this.items.add(item);",
                    "    }",
                    "  }",
                    "  public <R extends T> Box(List<R> from) { items.addAll(from); }",
                    "  public T max() { return Collections.max(items); }",
                    "  public <C extends Collection<? super T>> C into(C sink) {",
                    "    sink.addAll(items);",
                    "    return sink;",
                    "  }",
                    "}"),
                source(
                    "com.acme.User",
                    "package com.acme;",
                    "import java.util.List;",
                    "import java.util.TreeSet;",
                    "public class User {",
                    "  public static String run() {",
                    "    Box<String> words = HotRestart_Box.create(\"b\", \"c\", \"a\");",
                    "    Box<Integer> numbers = HotRestart_Box.create(List.of(3, 9, 4));",
                    "    TreeSet<String> sorted = words.into(new TreeSet<>());",
                    "    String proxy = words.getClass().getSimpleName();",
                    "    return words.max() + numbers.max() + sorted + proxy;",
                    "  }",
                    "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertFalse(compilation.generatedSourceFile("com.acme.HotRestart_Box").isPresent());
    assertTrue(
        compilation.generatedFile(CLASS_OUTPUT, "com/acme/HotRestart_Box.class").isPresent());
    Method run = load(compilation).loadClass("com.acme.User").getMethod("run");
    assertEquals("c9[a, b, c]HotRestart_Box", run.invoke(null));
  }

  @Test
  void factoriesFollowTheConstructors() throws Throwable {
    Compilation compilation =
        twice(
            strict(),
                source(
                    "com.acme.Made",
                    "package com.acme;",
                    "import dev.hotrestart.HotRestartable;",
                    "import java.io.IOException;",
                    "import java.util.List;",
                    "@HotRestartable",
                    "public class Made<T> {",
                    "  final String how;",
                    "  public Made() { how = \"public\"; }",
                    "  protected Made(int x) { how = \"protected \" + x; }",
                    "  Made(String... xs) { how = \"package \" + xs.length; }",
                    "  private Made(long x) { how = \"private\"; }",
                    "  public <T> Made(T a, List<? extends T> b) throws IOException {",
                    "    how = \"generic \" + a + b;",
                    "  }",
                    "  public String how() { return how; }",
                    "}"));
    assertThat(compilation).succeededWithoutWarnings();
    // The constructor's own T shadows the class's; the factory declares both, so renames it.
    assertThat(rendering(compilation))
        .generatedSourceFile("com.acme.HotRestart_Made")
        .contentsAsUtf8String()
        .contains(
            "public static <T, T2> Made<T> create(T2 a, List<? extends T2> b) throws IOException");
    Class<?> proxy = load(compilation).loadClass("com.acme.HotRestart_Made");
    List<Method> factories =
        Arrays.stream(proxy.getDeclaredMethods())
            .filter(m -> m.getName().equals("create"))
            .collect(Collectors.toList());
    assertEquals(4, factories.size(), "one per non-private constructor");
    for (Method factory : factories) {
      assertTrue(Modifier.isStatic(factory.getModifiers()));
      Class<?>[] parameters = factory.getParameterTypes();
      int modifiers = factory.getModifiers();
      if (parameters.length == 0 || parameters.length == 2) {
        assertTrue(Modifier.isPublic(modifiers), factory.toString());
      } else if (parameters[0] == int.class) {
        assertTrue(Modifier.isProtected(modifiers), factory.toString());
      } else {
        assertTrue(factory.isVarArgs(), factory.toString());
        assertFalse(
            Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers), factory.toString());
      }
    }
    assertEquals("public", call(create(proxy), "how"));
    assertEquals("protected 7", call(create(proxy, 7), "how"));
    assertEquals("package 2", call(create(proxy, (Object) new String[] {"a", "b"}), "how"));
    assertEquals("generic x[y]", call(create(proxy, "x", List.of("y")), "how"));
  }

  @Test
  void namesThatClashWithTheProxysOwn() throws Throwable {
    Compilation compilation =
        twice(
            strict(),
                source("com.acme.MethodSlot", "package com.acme;", "public class MethodSlot {}"),
                source(
                    "com.acme.MethodHandle", "package com.acme;", "public class MethodHandle {}"),
                source(
                    "com.acme.Clash",
                    "package com.acme;",
                    "import dev.hotrestart.HotRestartable;",
                    "@HotRestartable",
                    "public class Clash {",
                    "  public static class MethodType {}",
                    "  public static class Generated {}",
                    "  static int HR_CALL_0 = 100;",
                    "  public Clash() {}",
                    "  public int sum(int e, int x, int HR_CALL_0, int e1) {",
                    "    return e + x + HR_CALL_0 + e1;",
                    "  }",
                    "  public int slots(int HR_SLOTS) { return HR_SLOTS * 2; }",
                    "  public MethodSlot slot(MethodSlot s, MethodHandle h) { return s; }",
                    "  public MethodType type(MethodType t) { return t; }",
                    "  public String create(String a, String b) { return a + b; }",
                    "  public Object invoker() { return \"mine\"; }",
                    "}"));
    assertThat(compilation).succeededWithoutWarnings();
    String generated =
        rendering(compilation).generatedSourceFile("com.acme.HotRestart_Clash").orElseThrow()
            .getCharContent(true)
            .toString();
    // A parameter named HR_CALL_0 or HR_SLOTS would shadow the fields: another prefix is used.
    assertTrue(
        generated.contains("HR__CALL_0.invokeExact((Object) this, e, x, HR_CALL_0, e1)"), generated);
    assertTrue(generated.contains("HR__SLOTS = dev.hotrestart.slot.MethodSlot.all("), generated);
    assertTrue(generated.contains("].failed(e, this, new Object[] {HR_SLOTS})"), generated);
    assertTrue(generated.contains("catch (Throwable e2)"), generated);

    ClassLoader loader = load(compilation);
    Object clash = create(loader.loadClass("com.acme.HotRestart_Clash"));
    assertEquals(10, call(clash, "sum", 1, 2, 3, 4));
    assertEquals(6, call(clash, "slots", 3));
    assertEquals("ab", call(clash, "create", "a", "b"));
    assertEquals("mine", call(clash, "invoker"));
    Object slot = loader.loadClass("com.acme.MethodSlot").getConstructor().newInstance();
    assertSame(slot, call(clash, "slot", slot, null));
    Object type = loader.loadClass("com.acme.Clash$MethodType").getConstructor().newInstance();
    assertSame(type, call(clash, "type", type));
  }

  @Test
  void onlyDeclaredMethodsAreWrapped() throws Throwable {
    Compilation compilation =
        strict()
            .compile(
                source(
                    "com.acme.Base",
                    "package com.acme;",
                    "public class Base<T> {",
                    "  public String inherited() { return \"base\"; }",
                    "  public String accept(T value) { return \"base \" + value; }",
                    "}"),
                source(
                    "com.acme.Greeter",
                    "package com.acme;",
                    "public interface Greeter {",
                    "  default String greet() { return \"hello\"; }",
                    "}"),
                source(
                    "com.acme.Child",
                    "package com.acme;",
                    "import dev.hotrestart.HotRestartable;",
                    "@HotRestartable",
                    "public class Child extends Base<String>",
                    "    implements Greeter, Comparable<Child> {",
                    "  @Override public String accept(String value) {",
                    "    if (value == null) throw new IllegalArgumentException(\"null\");",
                    "    return \"child \" + value;",
                    "  }",
                    "  @Override public int compareTo(Child other) {",
                    "    throw new UnsupportedOperationException(\"compare\");",
                    "  }",
                    "  @Override public String toString() { return \"child\"; }",
                    "}"));
    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader loader = load(compilation);
    Class<?> proxy = loader.loadClass("com.acme.HotRestart_Child");
    Set<String> declared =
        Arrays.stream(proxy.getDeclaredMethods())
            .filter(m -> !m.isSynthetic() && !m.isBridge())
            .map(Method::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    // Not inherited(), greet(), equals() or hashCode(): their source is not Child's.
    assertEquals(Set.of("accept", "compareTo", "create", "toString"), declared);

    Object child = create(proxy);
    assertEquals("child x", call(child, "accept", "x"));
    assertEquals("base", call(child, "inherited"));
    assertEquals("hello", call(child, "greet"));
    // Through the erased bridge methods Base.accept(Object) and Comparable.compareTo(Object).
    @SuppressWarnings("unchecked")
    Comparable<Object> comparable = (Comparable<Object>) child;
    UnsupportedOperationException thrown =
        assertThrows(UnsupportedOperationException.class, () -> comparable.compareTo(child));
    assertTrue(
        Arrays.stream(thrown.getStackTrace())
            .anyMatch(f -> f.getClassName().equals("com.acme.HotRestart_Child")));
  }

  @Test
  void methodAnnotationWrapsOnlyThatMethod() throws Throwable {
    Compilation compilation =
        twice(
            strict(),
                source(
                    "com.acme.Partly",
                    "package com.acme;",
                    "import dev.hotrestart.HotRestartable;",
                    "public class Partly {",
                    "  @HotRestartable(propagate = {})",
                    "  public int risky(int x) { return 10 / x; }",
                    "  public int safe() { return 1; }",
                    "  static void helper() {}",
                    "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(rendering(compilation))
        .generatedSourceFile("com.acme.HotRestart_Partly")
        .contentsAsUtf8String()
        .contains("\"risky|(I)I|x|\")");
    Class<?> proxy = load(compilation).loadClass("com.acme.HotRestart_Partly");
    Set<String> declared =
        Arrays.stream(proxy.getDeclaredMethods())
            .map(Method::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of("create", "risky"), declared);
    Object partly = create(proxy);
    assertEquals(5, call(partly, "risky", 2));
    assertThrows(ArithmeticException.class, () -> call(partly, "risky", 0));
  }

  @Test
  void defaultPackageAndAbstractClassWithoutAbstractMethods() throws Throwable {
    Compilation compilation =
        strict()
            .compile(
                source(
                    "Tool",
                    "import dev.hotrestart.HotRestartable;",
                    "@HotRestartable",
                    "public abstract class Tool {",
                    "  public String name() { return \"tool\"; }",
                    "}"));
    assertThat(compilation).succeededWithoutWarnings();
    Object tool = create(load(compilation).loadClass("HotRestart_Tool"));
    assertEquals("tool", call(tool, "name"));
  }
}
