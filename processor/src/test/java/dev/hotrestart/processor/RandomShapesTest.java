package dev.hotrestart.processor;

import static dev.hotrestart.processor.Compilations.invoke;
import static dev.hotrestart.processor.Compilations.load;
import static dev.hotrestart.processor.Compilations.strict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.LongStream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random combinations of the shapes the processor handles, from fixed seeds: every class must
 * get a proxy that compiles clean under {@code -Xlint:all -Werror}, with a factory per
 * constructor and an override per method that runs the class's own body with the same
 * arguments and returns its result. A seed fails alone, printing its diagnostics and the sources
 * they name.
 */
class RandomShapesTest {

  private static final int CLASSES_PER_SEED = 40;

  /**
   * Seeds 1 to 30, or to {@code -Dhotrestart.randomShapes.seeds=N} for a longer search: {@code mvn
   * -pl processor test -Dtest=RandomShapesTest -Dhotrestart.randomShapes.seeds=1000}.
   */
  static LongStream seeds() {
    return LongStream.rangeClosed(1, Long.getLong("hotrestart.randomShapes.seeds", 30));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyRandomShapeGetsAProxyThatCompilesCleanAndCallsTheOriginalBodies(long seed)
      throws Throwable {
    RandomShapes shapes = RandomShapes.generate(seed, CLASSES_PER_SEED);
    Compilation compilation = strict().compile(shapes.sources());
    if (compilation.status() != Compilation.Status.SUCCESS
        || !compilation.diagnostics().isEmpty()) {
      fail("seed " + seed + ":\n" + report(compilation.diagnostics()));
    }
    ClassLoader loader = load(compilation);
    @SuppressWarnings("unchecked")
    List<String> calls =
        (List<String>) loader.loadClass("fuzz.Log").getField("CALLS").get(null);
    for (RandomShapes.Shape shape : shapes.shapes()) {
      Class<?> annotated = loader.loadClass(shape.binaryName());
      Class<?> proxy = loader.loadClass(shape.proxyBinaryName());
      assertSame(annotated, proxy.getSuperclass(), shape.proxyBinaryName());
      for (RandomShapes.Constructor constructor : shape.constructors()) {
        Object instance = create(loader, proxy, constructor);
        assertSame(proxy, instance.getClass());
        assertEquals(constructor.key(), last(calls), "constructor of " + shape.binaryName());
        for (RandomShapes.Method method : shape.methods()) {
          call(loader, shape, instance, method, calls);
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyDefectIsReportedOnItsElementAndNoProxyIsWrittenForIt(long seed, @TempDir Path work)
      throws IOException {
    RandomShapes shapes = RandomShapes.generate(seed, CLASSES_PER_SEED, true);
    Path sources = work.resolve("src");
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> source : shapes.sourceTexts().entrySet()) {
      Path file = sources.resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      files.add(file);
    }
    Path generated = Files.createDirectories(work.resolve("generated"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null,
              fileManager,
              diagnostics,
              List.of(
                  "-Xlint:all",
                  "-classpath", System.getProperty("java.class.path"),
                  "-d", Files.createDirectories(work.resolve("classes")).toString(),
                  "-s", generated.toString()),
              null,
              fileManager.getJavaFileObjectsFromPaths(files));
      task.setProcessors(List.of(new HotRestartProcessor()));
      task.call();
    }

    List<String> expected = new ArrayList<>();
    for (RandomShapes.Shape shape : shapes.shapes()) {
      Path proxy = generated.resolve(shape.proxyBinaryName().replace('.', '/') + ".java");
      if (shape.defect() == RandomShapes.Defect.NONE) {
        assertTrue(Files.exists(proxy), "no proxy for " + shape.binaryName());
      } else {
        assertFalse(Files.exists(proxy), "a proxy for " + shape.binaryName() + ", in error");
        expected.add(shape.file() + ":" + shape.defectLine() + ": [" + shape.defect().tag + "]");
      }
    }
    // Each defect gives one error, on its line, and nothing else is reported: no error in
    // generated code, none that follows from another, no warning.
    List<String> reported = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      String file =
          diagnostic.getSource() == null
              ? "(no file)"
              : sources.relativize(Path.of(diagnostic.getSource().toUri())).toString();
      String message = diagnostic.getMessage(Locale.ROOT);
      reported.add(
          file + ":" + diagnostic.getLineNumber() + ": "
              + (diagnostic.getKind() == Diagnostic.Kind.ERROR
                  ? message.substring(0, message.indexOf(']') + 1)
                  : diagnostic.getKind() + " " + message));
    }
    assertFalse(expected.isEmpty(), "seed " + seed + " made no defect");
    if (!sorted(expected).equals(sorted(reported))) {
      assertEquals(
          sorted(expected),
          sorted(reported),
          "seed " + seed + ":\n" + report(diagnostics.getDiagnostics()));
    }
  }

  private static List<String> sorted(List<String> list) {
    List<String> sorted = new ArrayList<>(list);
    Collections.sort(sorted);
    return sorted;
  }

  private static Object create(
      ClassLoader loader, Class<?> proxy, RandomShapes.Constructor constructor) throws Throwable {
    Class<?>[] types = types(loader, constructor.parameters());
    for (Method method : proxy.getDeclaredMethods()) {
      if (method.getName().equals("create")
          && Modifier.isStatic(method.getModifiers())
          && List.of(method.getParameterTypes()).equals(List.of(types))) {
        return invoke(method, null, samples(types));
      }
    }
    throw new AssertionError(
        "no create" + List.of(types) + " in " + proxy.getName() + " for " + constructor.key());
  }

  private static void call(
      ClassLoader loader,
      RandomShapes.Shape shape,
      Object instance,
      RandomShapes.Method expected,
      List<String> calls)
      throws Throwable {
    Class<?>[] types = types(loader, expected.parameters());
    Method override;
    try {
      override = instance.getClass().getDeclaredMethod(expected.name(), types);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(
          shape.proxyBinaryName() + " does not override " + expected.name() + List.of(types), e);
    }
    assertTrue(!override.isBridge() && !override.isSynthetic(), override.toString());
    Object[] arguments = samples(types);
    Object result = invoke(override, instance, arguments);
    assertEquals(expected.key(), last(calls), "the body that ran for " + override);
    Object wanted =
        expected.echoed() >= 0 ? arguments[expected.echoed()] : expected.constant();
    if (wanted == null || wanted.getClass().isArray()) {
      assertSame(wanted, result, override.toString());
    } else {
      assertEquals(wanted, result, override.toString());
    }
  }

  private static String last(List<String> calls) {
    return calls.isEmpty() ? null : calls.get(calls.size() - 1);
  }

  private static final Map<String, Class<?>> PRIMITIVES =
      Map.of(
          "int", int.class,
          "long", long.class,
          "boolean", boolean.class,
          "double", double.class,
          "char", char.class);

  private static Class<?>[] types(ClassLoader loader, List<RandomShapes.Parameter> parameters)
      throws ClassNotFoundException {
    List<Class<?>> types = new ArrayList<>();
    for (RandomShapes.Parameter parameter : parameters) {
      String erasure = parameter.type().erasure();
      Class<?> primitive = PRIMITIVES.get(erasure);
      types.add(primitive != null ? primitive : Class.forName(erasure, false, loader));
    }
    return types.toArray(new Class<?>[0]);
  }

  /** An argument for each parameter type: distinct values, never null, so a mix-up shows. */
  private static Object[] samples(Class<?>[] types) throws ReflectiveOperationException {
    Object[] samples = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      samples[i] = sample(types[i], i);
    }
    return samples;
  }

  private static Object sample(Class<?> type, int index) throws ReflectiveOperationException {
    Map<Class<?>, Object> fixed = new HashMap<>();
    fixed.put(int.class, 100 + index);
    fixed.put(long.class, 200L + index);
    fixed.put(boolean.class, index % 2 == 0);
    fixed.put(double.class, 300.5 + index);
    fixed.put(char.class, (char) ('a' + index));
    fixed.put(String.class, "s" + index);
    fixed.put(Integer.class, 400 + index);
    fixed.put(Object.class, 500 + index);
    fixed.put(Number.class, 600 + index);
    fixed.put(Comparable.class, 700 + index);
    fixed.put(Exception.class, new Exception("e" + index));
    fixed.put(List.class, new ArrayList<>(List.of(index)));
    fixed.put(Map.class, new HashMap<>(Map.of("k", List.of(index))));
    fixed.put(Function.class, Function.identity());
    fixed.put(Runnable.class, (Runnable) () -> {});
    fixed.put(Consumer.class, (Consumer<Object>) x -> {});
    fixed.put(Map.Entry.class, Map.entry("k", index));
    if (fixed.containsKey(type)) {
      return fixed.get(type);
    }
    if (type.isArray()) {
      return Array.newInstance(type.getComponentType(), 1 + index);
    }
    // A member class of the annotated class.
    var constructor = type.getDeclaredConstructor();
    constructor.setAccessible(true);
    return constructor.newInstance();
  }

  /** The diagnostics, then each file they name (input or generated) with line numbers. */
  private static String report(List<? extends Diagnostic<? extends JavaFileObject>> diagnostics)
      throws IOException {
    StringBuilder report = new StringBuilder();
    Map<URI, JavaFileObject> named = new LinkedHashMap<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
      report.append(diagnostic).append('\n');
      if (diagnostic.getSource() != null) {
        named.putIfAbsent(diagnostic.getSource().toUri(), diagnostic.getSource());
      }
    }
    for (JavaFileObject file : named.values()) {
      String[] lines = file.getCharContent(true).toString().split("\n", -1);
      report.append("--- ").append(file.getName()).append('\n');
      for (int i = 0; i < lines.length; i++) {
        report.append(String.format("%4d  %s%n", i + 1, lines[i]));
      }
    }
    return report.toString();
  }
}
