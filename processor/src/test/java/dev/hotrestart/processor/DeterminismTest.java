package dev.hotrestart.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The processor writes the same bytes whatever order javac is given the sources in, and in
 * whichever JVM it runs: a build cache, a reproducible build or a reviewer's diff must never see
 * a proxy change because a file list was shuffled. The sources mix what could make the order
 * leak into the output: several packages, a package annotation over several classes, nested
 * classes, and a class retried in a second round because it names a proxy of the first. Both
 * forms are checked: class files ({@code -Ahotrestart.proxySource=false}) and sources (the default).
 */
class DeterminismTest {

  private static final Map<String, String> SOURCES = sources();

  private static Map<String, String> sources() {
    Map<String, String> sources = new TreeMap<>();
    try {
      sources.put("com/acme/Pipeline.java", text(GoldenOutputTest.SIMPLE));
      sources.put("com/acme/Store.java", text(GoldenOutputTest.GENERIC));
      sources.put("com/acme/Outer.java", text(GoldenOutputTest.NESTED));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    sources.put(
        "com/acme/Later.java",
        String.join(
            "\n",
            "package com.acme;",
            "import dev.hotrestart.HotRestartable;",
            "/** Names a proxy of this compile, so it is only processed in the second round. */",
            "@HotRestartable",
            "public class Later {",
            "  public Object use(HotRestart_Pipeline pipeline, int times) { return pipeline; }",
            "}",
            ""));
    sources.put(
        "com/acme/pkg/package-info.java",
        String.join(
            "\n",
            "@HotRestartable(propagate = IllegalStateException.class)",
            "package com.acme.pkg;",
            "import dev.hotrestart.HotRestartable;",
            ""));
    for (String name : List.of("Alpha", "Beta", "Gamma", "Delta")) {
      sources.put(
          "com/acme/pkg/" + name + ".java",
          String.join(
              "\n",
              "package com.acme.pkg;",
              "import java.util.List;",
              "import java.util.Map;",
              "public class " + name + "<T extends Comparable<T>> {",
              "  public " + name + "(int size) {}",
              "  public " + name + "(List<? extends T> items, String... tags) {}",
              "  public T best(List<T> items) { return items.get(0); }",
              "  public int count(Map<String, ? super T> seen) { return seen.size(); }",
              "  protected void log(String message) {}",
              "  @dev.hotrestart.HotRestartable",
              "  public static class Part { public long id() { return 7L; } }",
              "}",
              ""));
    }
    return Collections.unmodifiableMap(sources);
  }

  private static String text(javax.tools.JavaFileObject source) throws IOException {
    return source.getCharContent(true).toString();
  }

  @ParameterizedTest(name = "sources: {0}")
  @ValueSource(booleans = {false, true})
  void sameBytesWhateverTheSourceOrderAndTheJvm(boolean proxySource, @TempDir Path work)
      throws Exception {
    String extension = proxySource ? ".java" : ".class";
    List<String> options =
        List.of("-Ahotrestart.proxySource=" + proxySource);
    Path sources = work.resolve("src");
    for (Map.Entry<String, String> source : SOURCES.entrySet()) {
      Path file = sources.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
    }
    List<Path> given = new ArrayList<>();
    SOURCES.keySet().forEach(name -> given.add(sources.resolve(name)));
    List<Path> reversed = new ArrayList<>(given);
    Collections.reverse(reversed);

    Map<String, Map<String, byte[]>> runs = new TreeMap<>();
    runs.put("1 in this JVM, sorted", inProcess(given, work.resolve("run1"), options));
    runs.put("2 in this JVM, reversed", inProcess(reversed, work.resolve("run2"), options));
    runs.put(
        "3 in this JVM, shuffled", inProcess(shuffled(given, 1), work.resolve("run3"), options));
    runs.put("4 in this JVM, sorted again", inProcess(given, work.resolve("run4"), options));
    // A fresh JVM: other identity hash codes, so any iteration over a hash of elements or
    // trees would come out in another order.
    runs.put(
        "5 in a new javac, shuffled", forked(shuffled(given, 2), work.resolve("run5"), options));
    runs.put("6 in a new javac, sorted", forked(given, work.resolve("run6"), options));

    Map<String, byte[]> expected = runs.values().iterator().next();
    // Every annotated class got its proxy, Later included (retried in the second round).
    assertEquals(
        List.of(
            "com/acme/HotRestart_Later" + extension,
            "com/acme/HotRestart_Outer_Middle_Inner" + extension,
            "com/acme/HotRestart_Pipeline" + extension,
            "com/acme/HotRestart_Store" + extension,
            "com/acme/pkg/HotRestart_Alpha" + extension,
            "com/acme/pkg/HotRestart_Alpha_Part" + extension,
            "com/acme/pkg/HotRestart_Beta" + extension,
            "com/acme/pkg/HotRestart_Beta_Part" + extension,
            "com/acme/pkg/HotRestart_Delta" + extension,
            "com/acme/pkg/HotRestart_Delta_Part" + extension,
            "com/acme/pkg/HotRestart_Gamma" + extension,
            "com/acme/pkg/HotRestart_Gamma_Part" + extension),
        List.copyOf(expected.keySet()));
    for (Map.Entry<String, Map<String, byte[]>> run : runs.entrySet()) {
      assertEquals(expected.keySet(), run.getValue().keySet(), "files of run " + run.getKey());
      for (String file : expected.keySet()) {
        assertArrayEquals(
            expected.get(file),
            run.getValue().get(file),
            () -> file + " differs in run " + run.getKey() + " from run 1");
      }
    }
  }

  private static List<Path> shuffled(List<Path> files, long seed) {
    List<Path> shuffled = new ArrayList<>(files);
    Collections.shuffle(shuffled, new Random(seed));
    return shuffled;
  }

  /** Runs the processor in this JVM over {@code files}, in that order; returns its output. */
  private static Map<String, byte[]> inProcess(List<Path> files, Path out, List<String> extra)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter log = new StringWriter();
    boolean ok;
    try (StandardJavaFileManager fileManager =
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(
              log,
              fileManager,
              null,
              options(out, extra),
              null,
              fileManager.getJavaFileObjectsFromPaths(files));
      task.setProcessors(List.of(new HotRestartProcessor()));
      ok = task.call();
    }
    assertTrue(ok, log.toString());
    return generated(out);
  }

  /** Runs the processor in a new {@code javac} process over {@code files}, in that order. */
  private static Map<String, byte[]> forked(List<Path> files, Path out, List<String> extra)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
    command.addAll(options(out, extra));
    command.add("-processorpath");
    command.add(System.getProperty("java.class.path"));
    command.add("-processor");
    command.add(HotRestartProcessor.class.getName());
    files.forEach(file -> command.add(file.toString()));
    Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(javac.waitFor(2, TimeUnit.MINUTES), "javac did not finish");
    assertEquals(0, javac.exitValue(), log);
    return generated(out);
  }

  private static List<String> options(Path out, List<String> extra) throws IOException {
    List<String> options = new ArrayList<>(extra);
    Files.createDirectories(out);
    options.addAll(List.of(
        "-proc:only",
        "-Xlint:all",
        "-encoding",
        "UTF-8",
        "-classpath",
        System.getProperty("java.class.path"),
        "-s",
        out.toString(),
        "-d",
        out.toString()));
    return options;
  }

  /** The files the processor wrote under {@code out}, by relative path, sorted. */
  private static Map<String, byte[]> generated(Path out) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path file : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
        files.put(out.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }
    return files;
  }
}
