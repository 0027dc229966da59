package dev.hotrestart.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.hotrestart.processor.Compilations.call;
import static dev.hotrestart.processor.Compilations.create;
import static dev.hotrestart.processor.Compilations.load;
import static dev.hotrestart.processor.Compilations.source;
import static dev.hotrestart.processor.Compilations.rendering;
import static dev.hotrestart.processor.Compilations.strict;
import static dev.hotrestart.processor.Compilations.twice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Java type shapes that must give a proxy compiling clean under {@code -Xlint:all -Werror},
 * with the details of each shape checked in the generated text or by running it.
 */
class ShapesTest {

  private static String generated(Compilation compilation, String name) throws IOException {
    Optional<JavaFileObject> file = rendering(compilation).generatedSourceFile(name);
    assertTrue(file.isPresent(), "no " + name);
    return file.get().getCharContent(true).toString();
  }

  @Test
  void packageAnnotationCoversEligibleTopLevelClassesOnly() throws Throwable {
    Compilation compilation =
        twice(
            strict(),
                source(
                    "com.acme.pkg.package-info",
                    "@HotRestartable(propagate = IllegalStateException.class)",
                    "package com.acme.pkg;",
                    "import dev.hotrestart.HotRestartable;"),
                source(
                    "com.acme.pkg.Service",
                    "package com.acme.pkg;",
                    "import dev.hotrestart.HotRestartable;",
                    "public class Service {",
                    "  public int work(int x) { return x * 3; }",
                    "  @HotRestartable public void own() {}",
                    "  static class Helper { void help() {} }",
                    "  final void fixed() {}",
                    "}"),
                source(
                    "com.acme.pkg.Constants",
                    "package com.acme.pkg;",
                    "public final class Constants { void a() {} }"),
                source(
                    "com.acme.pkg.Main",
                    "package com.acme.pkg;",
                    "public class Main { public static void main(String[] args) {} }"),
                source(
                    "com.acme.pkg.Shape",
                    "package com.acme.pkg;",
                    "public abstract class Shape { abstract double area(); }"),
                source(
                    "com.acme.pkg.Opted",
                    "package com.acme.pkg;",
                    "@dev.hotrestart.NoRestart",
                    "public class Opted { void a() {} }"),
                source(
                    "com.acme.pkg.Color",
                    "package com.acme.pkg;",
                    "enum Color { RED; void paint() {} }"),
                source(
                    "com.acme.pkg.Singleton",
                    "package com.acme.pkg;",
                    "class Singleton { private Singleton() {} void a() {} }"));
    // Ineligible classes are skipped without a word, and so are methods that cannot restart.
    assertThat(compilation).succeededWithoutWarnings();
    for (String skipped :
        List.of("Constants", "Main", "Shape", "Opted", "Color", "Singleton", "Service_Helper")) {
      assertFalse(
          rendering(compilation)
              .generatedSourceFile("com.acme.pkg.HotRestart_" + skipped)
              .isPresent(),
          skipped);
    }
    String service = generated(compilation, "com.acme.pkg.HotRestart_Service");
    assertTrue(service.contains("\"work|(I)I|x|java.lang.IllegalStateException\""), service);
    // The method's own annotation wins over the package's: the default propagate list.
    assertTrue(service.contains("\"own|()V||java.lang.InterruptedException\""), service);
    assertFalse(service.contains("fixed"), service);
    Object instance = create(load(compilation).loadClass("com.acme.pkg.HotRestart_Service"));
    assertEquals(21, call(instance, "work", 7));
  }

  @Test
  void typeAnnotationsAreKept() throws IOException {
    Compilation compilation =
        twice(
            strict(),
                source(
                    "com.acme.Nullable",
                    "package com.acme;",
                    "import java.lang.annotation.*;",
                    "@Target(ElementType.TYPE_USE) @Retention(RetentionPolicy.RUNTIME)",
                    "public @interface Nullable {}"),
                source(
                    "com.acme.Lookup",
                    "package com.acme;",
                    "import dev.hotrestart.HotRestartable;",
                    "import java.util.List;",
                    "@HotRestartable",
                    "public class Lookup {",
                    "  public Lookup(@Nullable String name) {}",
                    "  public @Nullable String find(@Nullable String key, List<@Nullable String>"
                        + " keys, String @Nullable [] more) {",
                    "    return key;",
                    "  }",
                    "}"));
    assertThat(compilation).succeededWithoutWarnings();
    String lookup = generated(compilation, "com.acme.HotRestart_Lookup");
    assertTrue(
        lookup.contains(
            "public @Nullable String find(@Nullable String key, List<@Nullable String> keys,"),
        lookup);
    assertTrue(lookup.contains("String @Nullable [] more"), lookup);
    assertTrue(lookup.contains("create(@Nullable String name)"), lookup);
    // Never in the cast or the class literals, where they would mean something else.
    assertTrue(lookup.contains("return (String) (Object) HR_CALL_0.invokeExact("), lookup);
    assertTrue(
        lookup.contains("|(Ljava/lang/String;Ljava/util/List;[Ljava/lang/String;)Ljava/lang/String;|"),
        lookup);
  }

  @Test
  void memberClassesAndTypeVariablesNamedObjectDoNotCaptureTheProxysCasts() throws Throwable {
    // Inside the proxy an inherited member class Object, or a type variable Object, hides
    // java.lang.Object: the casts to the erased invoker must name it in full.
    Compilation compilation =
        twice(
            strict(),
                source(
                    "com.acme.Shadow",
                    "package com.acme;",
                    "import dev.hotrestart.HotRestartable;",
                    "@HotRestartable",
                    "public class Shadow<Throwable extends Number> {",
                    "  public static class Object {}",
                    "  public String name(String s, Object o) { return s + o.getClass().getSimpleName(); }",
                    "  public <Object> Object echo(Object x) { return x; }",
                    "  public Throwable first(Throwable n) { return n; }",
                    "}"));
    assertThat(compilation).succeededWithoutWarnings();
    String shadow = generated(compilation, "com.acme.HotRestart_Shadow");
    assertTrue(
        shadow.contains("return (String) (java.lang.Object) HR_CALL_0.invokeExact("
            + "(java.lang.Object) this,"),
        shadow);
    ClassLoader loader = load(compilation);
    Object instance = create(loader.loadClass("com.acme.HotRestart_Shadow"));
    Object member = loader.loadClass("com.acme.Shadow$Object").getConstructor().newInstance();
    assertEquals("aObject", call(instance, "name", "a", member));
    assertEquals("x", call(instance, "echo", "x"));
    assertEquals(3, call(instance, "first", 3));
  }

  @Test
  void deprecatedClassMethodsAndTypes() throws Throwable {
    Compilation compilation =
        twice(
            strict(),
                source(
                    "com.acme.Old",
                    "package com.acme;",
                    "@Deprecated public class Old {}"),
                source(
                    "com.acme.Legacy",
                    "package com.acme;",
                    "import dev.hotrestart.HotRestartable;",
                    "@Deprecated",
                    "@HotRestartable",
                    "public class Legacy {",
                    "  @Deprecated public Legacy() {}",
                    "  @Deprecated public void gone() {}",
                    "  public Old old(Old old) { return old; }",
                    "  @Override @SuppressWarnings(\"deprecation\")",
                    "  protected void finalize() {}",
                    "}"));
    assertThat(compilation).succeededWithoutWarnings();
    String legacy = generated(compilation, "com.acme.HotRestart_Legacy");
    assertTrue(legacy.contains("@SuppressWarnings(\"deprecation\")"), legacy);
    Method gone = load(compilation).loadClass("com.acme.HotRestart_Legacy").getMethod("gone");
    assertTrue(gone.isAnnotationPresent(Deprecated.class), "deprecated like the original");
  }

  /**
   * The proxy overrides what its class overrides: a deprecated method of a supertype, overridden
   * by a class that is not deprecated itself, needs the suppression on the proxy too.
   */
  @Test
  void overrideOfADeprecatedInheritedMethod() {
    Compilation compilation =
        twice(
            strict(),
            source(
                "com.acme.Closer",
                "package com.acme;",
                "import dev.hotrestart.HotRestartable;",
                "@HotRestartable",
                "public class Closer {",
                "  @Override @SuppressWarnings(\"deprecation\")",
                "  protected void finalize() {}",
                "  public int size() { return 1; }",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void serializableRawAndWildcardTypes() throws IOException {
    Compilation compilation =
        twice(
            strict(),
                source(
                    "com.acme.Record",
                    "package com.acme;",
                    "import dev.hotrestart.HotRestartable;",
                    "import java.io.Serializable;",
                    "import java.util.List;",
                    "import java.util.Map;",
                    "@HotRestartable",
                    "public class Record implements Serializable {",
                    "  private static final long serialVersionUID = 7L;",
                    "  @SuppressWarnings(\"rawtypes\") public List raw(Map map) { return null; }",
                    "  public List<?> wild(List<? super Integer> sink) { return sink; }",
                    "  public Map.Entry<String, Integer>[] entries() { return null; }",
                    "}"));
    assertThat(compilation).succeededWithoutWarnings();
    String text = generated(compilation, "com.acme.HotRestart_Record");
    assertTrue(text.contains("private static final long serialVersionUID = 1L;"), text);
    assertTrue(text.contains("@SuppressWarnings(\"rawtypes\")\n  public List raw(Map map)"), text);
    // A cast to List<?> is checked in full: no @SuppressWarnings("unchecked") is needed.
    assertTrue(text.contains("@Override\n  public List<?> wild("), text);
    assertTrue(
        text.contains(
            "@SuppressWarnings(\"unchecked\")\n  public Map.Entry<String, Integer>[] entries()"),
        text);
  }

  @Test
  void genericShapes() throws Throwable {
    Compilation compilation =
        twice(
            strict(),
                source(
                    "com.acme.Graph",
                    "package com.acme;",
                    "import dev.hotrestart.HotRestartable;",
                    "import java.util.Collection;",
                    "import java.util.List;",
                    "import java.util.function.Function;",
                    "public class Graph<N> {",
                    "  public class Edge { }",
                    "  @HotRestartable",
                    "  public static class Walker<N extends Comparable<? super N>> {",
                    "    public <X extends Exception> void mayThrow(X x) throws X {",
                    "      if (x != null) throw x;",
                    "    }",
                    "    public <R> List<R> map(Collection<? extends N> nodes,",
                    "        Function<? super N, ? extends R> f) {",
                    "      return nodes.stream().<R>map(f)",
                    "          .collect(java.util.stream.Collectors.toList());",
                    "    }",
                    "    public int edges(Graph<String>.Edge edge, N[][] grid) {",
                    "      return grid.length;",
                    "    }",
                    "    @SuppressWarnings(\"unchecked\")",
                    "    public <T> int count(T... items) { return items.length; }",
                    "  }",
                    "}"));
    assertThat(compilation).succeededWithoutWarnings();
    String walker = generated(compilation, "com.acme.HotRestart_Graph_Walker");
    assertTrue(walker.contains("public <X extends Exception> void mayThrow(X x) throws X"), walker);
    assertTrue(walker.contains("Graph<String>.Edge edge"), walker);
    Object instance = create(load(compilation).loadClass("com.acme.HotRestart_Graph_Walker"));
    assertEquals(
        List.of(2, 4),
        call(
            instance,
            "map",
            List.of(1, 2),
            (java.util.function.Function<Integer, Integer>) n -> n * 2));
    assertEquals(3, call(instance, "count", (Object) new Object[] {1, 2, 3}));
    IOException thrown = new IOException("x");
    assertEquals(thrown, assertThrows(IOException.class, () -> call(instance, "mayThrow", thrown)));
  }

  @Test
  void theEnclosingTypeOfAnInnerClassIsReadLikeAnyOtherPartOfASignature() throws Throwable {
    // Graph.Edge is raw through its enclosing type, and Graph<Old>.Edge names a deprecated
    // class there: the proxy repeats both signatures, so it must suppress the same warnings.
    Compilation compilation =
        twice(
            strict(),
                source("com.acme.Old", "package com.acme;", "@Deprecated public class Old {}"),
                source(
                    "com.acme.Graph",
                    "package com.acme;",
                    "public class Graph<N> {",
                    "  public class Edge {}",
                    "}"),
                source(
                    "com.acme.Walker",
                    "package com.acme;",
                    "import dev.hotrestart.HotRestartable;",
                    "@HotRestartable",
                    "public class Walker {",
                    "  @SuppressWarnings(\"rawtypes\")",
                    "  public int raw(Graph.Edge edge) { return 1; }",
                    "  @SuppressWarnings(\"deprecation\")",
                    "  public int old(Graph<Old>.Edge edge) { return 2; }",
                    "}"));
    assertThat(compilation).succeededWithoutWarnings();
    String walker = generated(compilation, "com.acme.HotRestart_Walker");
    assertTrue(walker.contains("@SuppressWarnings(\"rawtypes\")\n  public int raw("), walker);
    Object instance = create(load(compilation).loadClass("com.acme.HotRestart_Walker"));
    assertEquals(1, call(instance, "raw", (Object) null));
  }

  /**
   * Commons Lang's {@code Memoizer} has constructors taking {@code Computable<I, O>} and {@code
   * Function<? super I, ? extends O>}: javac's {@code -Xlint:overloads} does not check
   * constructors, but it flags the factories that copy them, since a lambda fits both.
   */
  @Test
  void factoriesThatOneLambdaWouldFitCompileCleanUnderOverloadsLint() throws Throwable {
    Compilation compilation =
        twice(
            strict(),
                source(
                    "com.acme.Computable",
                    "package com.acme;",
                    "public interface Computable<I, O> {",
                    "  O compute(I arg) throws InterruptedException;",
                    "}"),
                source(
                    "com.acme.Memoizer",
                    "package com.acme;",
                    "import dev.hotrestart.HotRestartable;",
                    "import java.util.function.Function;",
                    "@HotRestartable",
                    "public class Memoizer<I, O> implements Computable<I, O> {",
                    "  private final Computable<I, O> computable;",
                    "  public Memoizer(Computable<I, O> computable) { this(computable, false); }",
                    "  public Memoizer(Computable<I, O> computable, boolean recalculate) {",
                    "    this.computable = computable;",
                    "  }",
                    "  public Memoizer(Function<? super I, ? extends O> function) {",
                    "    this(function, false);",
                    "  }",
                    "  public Memoizer(Function<? super I, ? extends O> function, boolean again) {",
                    "    this.computable = function::apply;",
                    "  }",
                    "  @Override public O compute(I arg) throws InterruptedException {",
                    "    return computable.compute(arg);",
                    "  }",
                    "}"),
                source(
                    "com.acme.Listener",
                    "package com.acme;",
                    "import dev.hotrestart.HotRestartable;",
                    "import java.util.function.Consumer;",
                    "import java.util.function.Function;",
                    "/** Its factory create(Consumer) meets the create(Function) it inherits. */",
                    "@HotRestartable",
                    "public class Listener {",
                    "  public Listener(Consumer<String> sink) {}",
                    "  public static int create(Function<String, String> f) { return 1; }",
                    "  public String name() { return \"listener\"; }",
                    "}"),
                source(
                    "com.acme.Plain",
                    "package com.acme;",
                    "import dev.hotrestart.HotRestartable;",
                    "import java.util.List;",
                    "import java.util.Map;",
                    "import java.util.concurrent.Callable;",
                    "/** Overloads no lambda could confuse: nothing to suppress. */",
                    "@HotRestartable",
                    "public class Plain {",
                    "  public Plain(List<String> names) {}",
                    "  public Plain(Map<String, String> names) {}",
                    "  public Plain(Runnable task) {}",
                    "  public Plain(Callable<String> task) {}",
                    "  public String name() { return \"plain\"; }",
                    "}"));
    assertThat(compilation).succeededWithoutWarnings();
    String memoizer = generated(compilation, "com.acme.HotRestart_Memoizer");
    assertTrue(
        memoizer.contains(
            "@SuppressWarnings(\"overloads\")\n  public static <I, O> Memoizer<I, O> create("
                + "Function<? super I, ? extends O> function) {"),
        memoizer);
    // The private constructors are not checked by the lint: nothing to suppress there.
    assertTrue(memoizer.contains("  private HotRestart_Memoizer(Computable<I, O> computable) {"));
    assertTrue(
        generated(compilation, "com.acme.HotRestart_Listener")
            .contains("@SuppressWarnings(\"overloads\")\n  public static Listener create("));
    String plain = generated(compilation, "com.acme.HotRestart_Plain");
    assertFalse(plain.contains("overloads"), plain);

    Class<?> proxy = load(compilation).loadClass("com.acme.HotRestart_Memoizer");
    Object memo = create(proxy, (java.util.function.Function<String, String>) s -> s + "!");
    assertEquals("x!", call(memo, "compute", "x"));
  }

  @Test
  void synchronizedAndStrictfpMethodsAreWrappedWithoutThoseModifiers() throws Throwable {
    Compilation compilation =
        twice(
            strict(),
                source(
                    "com.acme.Locked",
                    "package com.acme;",
                    "import dev.hotrestart.HotRestartable;",
                    "@HotRestartable",
                    "public class Locked {",
                    "  public synchronized boolean holds() { return Thread.holdsLock(this); }",
                    "}"));
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> proxy = load(compilation).loadClass("com.acme.HotRestart_Locked");
    Method holds = proxy.getDeclaredMethod("holds");
    assertFalse(Modifier.isSynchronized(holds.getModifiers()));
    // The original still runs under the monitor: the proxy calls it with super semantics.
    assertEquals(true, call(create(proxy), "holds"));
  }

  @Test
  void classNestedInAnInterfaceAndProtectedMembers() throws Throwable {
    Compilation compilation =
        twice(
            strict(),
                source(
                    "com.acme.Api",
                    "package com.acme;",
                    "import dev.hotrestart.HotRestartable;",
                    "public interface Api {",
                    "  @HotRestartable",
                    "  class Impl {",
                    "    protected Impl() {}",
                    "    protected String secret() { return \"s\"; }",
                    "    public String open() { return secret() + \"o\"; }",
                    "  }",
                    "}"));
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> proxy = load(compilation).loadClass("com.acme.HotRestart_Api_Impl");
    assertTrue(Modifier.isPublic(proxy.getModifiers()), "Api.Impl is implicitly public");
    assertTrue(Modifier.isProtected(proxy.getDeclaredMethod("secret").getModifiers()));
    assertEquals("so", call(create(proxy), "open"));
  }

  @Test
  void gradleIncrementalMetadataDeclaresAnIsolatingProcessor() throws IOException {
    try (var in =
        HotRestartProcessor.class.getResourceAsStream(
            "/META-INF/gradle/incremental.annotation.processors")) {
      assertTrue(in != null, "metadata present");
      assertEquals(
          "dev.hotrestart.processor.HotRestartProcessor,isolating",
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim());
    }
    assertTrue(
        Arrays.asList(new HotRestartProcessor().getSupportedAnnotationTypes().toArray())
            .contains("dev.hotrestart.HotRestartable"));
  }
}
