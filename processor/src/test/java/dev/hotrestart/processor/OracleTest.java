package dev.hotrestart.processor;

import static com.google.testing.compile.Compiler.javac;
import static dev.hotrestart.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InnerClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceClassVisitor;

/**
 * The oracle for {@link ProxyClassWriter}: for the golden cases, a set of edge cases and random
 * shapes, each proxy's class file as the processor writes it must be the class file javac makes
 * of the source the processor writes under {@code -Ahotrestart.proxySource=true}. Compared
 * member by member (flags, descriptors, generic signatures, {@code throws}, annotations,
 * bridges, nested-class entries, stack map frames and every instruction, labels numbered in
 * order), without javac's debugging tables (line numbers, local variables) and type-use
 * annotations: the two things the class file leaves out on purpose (see {@link
 * ProxyClassWriter}). {@link Compilations#twice} applies the same check to the shapes of the
 * other tests.
 */
class OracleTest {

  /** Shapes the golden files and random shapes do not reach. */
  static final JavaFileObject EDGES =
      source(
          "com.acme.Edges",
          "package com.acme;",
          "",
          "import dev.hotrestart.HotRestartable;",
          "import java.util.List;",
          "import java.util.Map;",
          "",
          "@HotRestartable",
          "public class Edges<T extends Comparable<T>, U extends Number & Runnable>",
          "    implements Comparable<Edges<T, U>>, java.io.Serializable, Cloneable {",
          "  private static final long serialVersionUID = 1L;",
          "  public enum Mode { ON, OFF }",
          "  public interface Sink<X> { void take(X x); }",
          "  public class Inner<Y> {}",
          "",
          "  public Edges() {}",
          "  @Deprecated protected Edges(int a, long b, double c) {}",
          "  @SafeVarargs public <Z> Edges(Z... zs) {}",
          "  <E extends Exception> Edges(E e, String s) throws E {}",
          "",
          "  @Override public int compareTo(Edges<T, U> other) { return 0; }",
          "  @Override public Edges<T, U> clone() { return this; }",
          "  @Deprecated public void old() {}",
          "  public Mode mode(Mode m, Sink<? super T> sink, Map.Entry<T, U> e) { return m; }",
          "  public Edges<T, U>.Inner<String> inner(Edges<T, U>.Inner<? extends U> i) {"
              + " return null; }",
          "  public <E extends Exception> void fail(E e) throws E, java.io.IOException {}",
          "  public long wide(long a, double b, float c, char d, short e, byte f, boolean g) {"
              + " return a; }",
          "  public boolean z() { return true; }",
          "  public char c() { return 'c'; }",
          "  public float f() { return 1f; }",
          "  public int[] ints(int[][] a) { return a[0]; }",
          "  public T[] ts(List<T[]> a) { return a.get(0); }",
          "  public Object object(Object o) { return o; }",
          "  public void varargs(String... s) {}",
          "  protected <V extends Runnable & Comparable<V>> V both(V v) { return v; }",
          "  <R extends U> R bounded(R r) { return r; }",
          "  public String m6() { return \"\"; }",
          "  public String m7() { return \"\"; }",
          "}");

  /** Seeds of RandomShapes to compare: 10 by default, {@code -Dhotrestart.oracle.seeds=N}. */
  static LongStream seeds() {
    return LongStream.rangeClosed(1, Long.getLong("hotrestart.oracle.seeds", 10));
  }

  @Test
  void goldenCases() {
    assertSameClassFiles(
        List.of(GoldenOutputTest.SIMPLE, GoldenOutputTest.GENERIC, GoldenOutputTest.NESTED));
  }

  @Test
  void edgeCases() {
    assertSameClassFiles(List.of(EDGES));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomShapes(long seed) {
    assertSameClassFiles(RandomShapes.generate(seed, 40).sources());
  }

  /** A class with more wrapped methods than {@code bipush} can index, for {@code sipush}. */
  @Test
  void manyMethods() {
    List<String> lines = new ArrayList<>();
    lines.add("package com.acme;");
    lines.add("@dev.hotrestart.HotRestartable");
    lines.add("public class Many {");
    for (int i = 0; i < 140; i++) {
      lines.add("  public int m" + i + "(int x) { return x + " + i + "; }");
    }
    lines.add("}");
    assertSameClassFiles(List.of(source("com.acme.Many", lines.toArray(new String[0]))));
  }

  private static void assertSameClassFiles(List<JavaFileObject> sources) {
    Compiler compiler = javac().withOptions("-g:source");
    assertSameProxies(
        Compilations.withProxySource(compiler)
            .withProcessors(new HotRestartProcessor())
            .compile(sources),
        Compilations.withClassFiles(compiler)
            .withProcessors(new HotRestartProcessor())
            .compile(sources));
  }

  /**
   * The proxies of {@code written} (the processor's class files) are those javac compiled in
   * {@code fromSource} (from the processor's sources), but for javac's debugging tables.
   */
  static void assertSameProxies(Compilation fromSource, Compilation written) {
    assertFalse(
        written.generatedSourceFiles().stream().anyMatch(f -> f.getName().contains("HotRestart_")),
        "the proxies of the class-file compile are the processor's class files, not javac's");
    assertFalse(
        fromSource.generatedSourceFiles().isEmpty(), "the rendering compile wrote the sources");
    Map<String, byte[]> expectedFiles = proxies(fromSource);
    Map<String, byte[]> writtenFiles = proxies(written);
    assertFalse(expectedFiles.isEmpty(), "no proxy compiled");
    assertEquals(expectedFiles.keySet(), writtenFiles.keySet(), "the same proxies");
    StringBuilder differences = new StringBuilder();
    for (String name : expectedFiles.keySet()) {
      String expected = normalized(expectedFiles.get(name), true);
      String actual = normalized(writtenFiles.get(name), false);
      if (!expected.equals(actual)) {
        differences.append(diff(name, expected, actual));
      }
    }
    if (differences.length() > 0) {
      fail(differences.toString());
    }
  }

  /** The proxies' class files of a successful compile, by binary name. */
  private static Map<String, byte[]> proxies(Compilation compilation) {
    if (compilation.status() != Compilation.Status.SUCCESS) {
      fail("compile failed: " + compilation.diagnostics());
    }
    Map<String, byte[]> proxies = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      String simple = path.substring(path.lastIndexOf('/') + 1);
      if (file.getKind() == JavaFileObject.Kind.CLASS && simple.startsWith("HotRestart_")) {
        try (InputStream in = file.openInputStream()) {
          proxies.put(path.substring(path.indexOf("CLASS_OUTPUT/")), in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return proxies;
  }

  /**
   * The class file as text, members in order of name and descriptor (their order in the file
   * means nothing to the JVM or javac), type annotations removed from javac's.
   */
  static String normalized(byte[] bytes, boolean fromJavac) {
    // Without the debugging tables, whose labels would number the others differently; the
    // source file's name is kept.
    ClassNode node = new ClassNode();
    new ClassReader(bytes).accept(node, ClassReader.SKIP_DEBUG);
    ClassNode withDebug = new ClassNode();
    new ClassReader(bytes).accept(withDebug, 0);
    node.sourceFile = withDebug.sourceFile;
    node.innerClasses.sort(Comparator.comparing((InnerClassNode c) -> c.name));
    node.fields.sort(Comparator.comparing((FieldNode f) -> f.name));
    node.methods.sort(Comparator.comparing((MethodNode m) -> m.name + m.desc));
    if (fromJavac) {
      node.visibleTypeAnnotations = null;
      node.invisibleTypeAnnotations = null;
      for (FieldNode field : node.fields) {
        field.visibleTypeAnnotations = null;
        field.invisibleTypeAnnotations = null;
      }
      for (MethodNode method : node.methods) {
        method.visibleTypeAnnotations = null;
        method.invisibleTypeAnnotations = null;
        method.visibleLocalVariableAnnotations = null;
        method.invisibleLocalVariableAnnotations = null;
        for (AbstractInsnNode insn : method.instructions) {
          insn.visibleTypeAnnotations = null;
          insn.invisibleTypeAnnotations = null;
        }
        method.tryCatchBlocks.forEach(
            t -> {
              t.visibleTypeAnnotations = null;
              t.invisibleTypeAnnotations = null;
            });
      }
    }
    StringWriter text = new StringWriter();
    node.accept(new TraceClassVisitor(null, new Textifier(), new PrintWriter(text)));
    return text.toString();
  }

  private static String diff(String name, String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    int first = 0;
    while (first < e.length && first < a.length && e[first].equals(a[first])) {
      first++;
    }
    StringBuilder out = new StringBuilder("\n" + name + " differs from line " + first + ":\n");
    for (int i = Math.max(0, first - 8); i < Math.min(e.length, first + 12); i++) {
      out.append("javac  | ").append(e[i]).append('\n');
    }
    for (int i = Math.max(0, first - 8); i < Math.min(a.length, first + 12); i++) {
      out.append("writer | ").append(a[i]).append('\n');
    }
    return out.toString();
  }
}
