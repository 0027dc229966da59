package dev.hotrestart.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the processor adds to a build: javac on 1,000 generated classes,
 * with the processor (which also writes and compiles 1,000 proxies) and with {@code -proc:none},
 * on three sample sets: {@code small} classes (57 lines, five wrapped methods: the worst case, as
 * the cost grows with wrapped methods and not with lines) and {@code large} ones (about 210
 * lines, the same five wrapped methods with bodies of the size real code has, and private
 * helpers); and a {@code mixed} set, the large classes with only one in ten annotated, as in a
 * project that annotates the classes that may crash. Warm: alternating runs in one JVM after warm-up runs, as in a long-lived build
 * daemon or a later module of a reactor. Cold: the first compile of a fresh JVM (run with {@code
 * --cold} once per JVM), as in a one-module Maven build.
 *
 * <p>The warm runs also split the added time. Two processors that do next to nothing ({@link
 * FloorProcessors}) give the floor that javac charges any processor of the annotation, and any
 * processor that writes a file; the sources compiled together with the proxies the processor
 * wrote, without the processor, give what compiling the proxies costs.
 */
public final class ProcessorOverhead {

  static final int CLASSES = 1_000;

  /** The compiles of a warm run, in the order of the table's rows. */
  private static final List<Variant> VARIANTS =
      List.of(
          new Variant("`-proc:none` (the baseline)", null, false),
          new Variant("floor: a processor of the annotation that writes nothing",
              FloorProcessors.Silent.class.getName(), false),
          new Variant("floor: a processor that writes one empty class (a second round)",
              FloorProcessors.OneFile.class.getName(), false),
          new Variant("**the hotrestart processor**", Javac.PROCESSOR, false),
          new Variant("sources and the proxies it wrote, `-proc:none`", null, true));

  private record Variant(String label, String processor, boolean withProxies) {}

  private ProcessorOverhead() {}

  /**
   * {@code RUNS}: the warm table, {@code RUNS} measured rounds; {@code --cold with|without
   * small|large|mixed}: one cold compile, its wall time and javac's CPU time in milliseconds.
   */
  public static void main(String[] args) throws IOException {
    Path work = Files.createTempDirectory("hotrestart-bench-processor");
    try {
      if (args.length > 0 && args[0].equals("--cold")) {
        Path sources = work.resolve("src");
        generate(args[2], sources);
        String processor = args[1].equals("with") ? Javac.PROCESSOR : null;
        Javac.Timing timing = Javac.time(sources, work.resolve("classes"), processor);
        System.out.println(timing.wallNanos() / 1_000_000 + " " + timing.cpuNanos() / 1_000_000);
        return;
      }
      int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
      List<String> sets = List.of("small", "large", "mixed");
      Map<String, Path> sources = new LinkedHashMap<>();
      Map<String, Path> withProxies = new LinkedHashMap<>();
      for (String set : sets) {
        Path src = work.resolve(set);
        generate(set, src);
        sources.put(set, src);
        // The same sources beside the proxies the processor writes.
        Path both = work.resolve(set + "-both");
        Path generated = compileFresh(work, src, Javac.PROCESSOR).generated;
        Trees.copy(src, both);
        Trees.copy(generated, both);
        withProxies.put(set, both);
      }
      // Warm-up on the small set: JIT-compiling javac is shared by both sets.
      for (int i = 0; i < 3; i++) {
        for (Variant variant : VARIANTS) {
          compileFresh(work, variant.withProxies ? withProxies.get("small") : sources.get("small"), variant.processor);
        }
      }
      Map<String, Map<Variant, List<Double>>> times = new LinkedHashMap<>();
      Map<String, Map<Variant, List<Double>>> cpuTimes = new LinkedHashMap<>();
      for (int i = 0; i < runs; i++) {
        for (String set : sets) {
          // Alternate, so that drift (JIT, GC, the other core) hits every variant alike.
          for (Variant variant : VARIANTS) {
            Path src = variant.withProxies ? withProxies.get(set) : sources.get(set);
            Compile compile = compileFresh(work, src, variant.processor);
            times.computeIfAbsent(set, s -> new LinkedHashMap<>())
                .computeIfAbsent(variant, v -> new ArrayList<>())
                .add(compile.millis);
            cpuTimes.computeIfAbsent(set, s -> new LinkedHashMap<>())
                .computeIfAbsent(variant, v -> new ArrayList<>())
                .add(compile.cpuMillis);
          }
        }
      }
      System.out.println(
          "| 1,000 classes, warm (median of " + runs + ", same JVM) | small: wall | small: javac's CPU"
              + " | large (about 210 lines): wall | large: javac's CPU"
              + " | mixed (large, 1 in 10 annotated): wall | mixed: javac's CPU |");
      System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
      for (Variant variant : VARIANTS) {
        StringBuilder row = new StringBuilder("| " + variant.label + " |");
        for (String set : sets) {
          row.append(cell(times.get(set), variant)).append(cell(cpuTimes.get(set), variant));
        }
        System.out.println(row);
      }
    } finally {
      Trees.delete(work);
    }
  }

  /** A median, with what it adds to the baseline's (the first variant) unless it is that. */
  private static String cell(Map<Variant, List<Double>> times, Variant variant) {
    double baseline = ReloadLatency.median(times.get(VARIANTS.get(0)));
    double median = ReloadLatency.median(times.get(variant));
    return variant == VARIANTS.get(0)
        ? String.format(Locale.ROOT, " %.0f ms |", median)
        : String.format(Locale.ROOT, " %.0f ms (%+.1f%%) |", median, (median / baseline - 1) * 100);
  }

  private record Compile(double millis, double cpuMillis, Path generated) {}

  private static Compile compileFresh(Path work, Path sources, String processor) {
    Path classes = work.resolve("out-" + sources.getFileName());
    Path generated = classes.resolveSibling(classes.getFileName() + "-generated");
    Trees.delete(classes);
    Trees.delete(generated);
    // Each compile starts from an empty heap, not from the garbage of the one before.
    System.gc();
    Javac.Timing timing = Javac.time(sources, classes, processor);
    return new Compile(timing.wallNanos() / 1e6, timing.cpuNanos() / 1e6, generated);
  }

  /** Writes the sample set {@code set} ({@code small}, {@code large} or {@code mixed}) under {@code root}. */
  static void generate(String set, Path root) throws IOException {
    switch (set) {
      case "small" -> generate(root);
      case "large" -> generateLarge(root, 1);
      case "mixed" -> generateLarge(root, 10);
      default -> throw new IllegalArgumentException("no sample set " + set);
    }
  }

  /**
   * 1,000 classes of the shapes the processor meets in real code: constructors with and without
   * parameters, primitives, generics, varargs, checked exceptions, void, a static and a private
   * method (not wrapped), 57 lines each, in 10 packages.
   */
  static void generate(Path root) throws IOException {
    for (int i = 0; i < CLASSES; i++) {
      String pkg = "gen.p" + (i % 10);
      String name = "Sample" + i;
      String text =
          "package " + pkg + ";\n\n"
              + "import dev.hotrestart.HotRestartable;\n"
              + "import java.io.IOException;\n"
              + "import java.util.ArrayList;\n"
              + "import java.util.List;\n"
              + "import java.util.Map;\n\n"
              + "@HotRestartable\n"
              + "public class " + name + "<T extends Comparable<T>> {\n"
              + "  private final List<T> items = new ArrayList<>();\n"
              + "  private int count;\n\n"
              + "  public " + name + "() {}\n\n"
              + "  public " + name + "(List<T> initial) {\n"
              + "    items.addAll(initial);\n"
              + "  }\n\n"
              + "  public int add(int x) {\n"
              + "    count += x;\n"
              + "    return count;\n"
              + "  }\n\n"
              + "  public void push(T item) {\n"
              + "    items.add(item);\n"
              + "  }\n\n"
              + "  public T max() {\n"
              + "    T best = null;\n"
              + "    for (T item : items) {\n"
              + "      if (best == null || item.compareTo(best) > 0) {\n"
              + "        best = item;\n"
              + "      }\n"
              + "    }\n"
              + "    return best;\n"
              + "  }\n\n"
              + "  public <K> Map<K, Integer> index(Map<K, Integer> into, K... keys) {\n"
              + "    for (K key : keys) {\n"
              + "      into.merge(key, " + i + ", Integer::sum);\n"
              + "    }\n"
              + "    return into;\n"
              + "  }\n\n"
              + "  protected String load(String path) throws IOException {\n"
              + "    if (path.isEmpty()) {\n"
              + "      throw new IOException(\"empty path\");\n"
              + "    }\n"
              + "    return path + count;\n"
              + "  }\n\n"
              + "  public static int twice(int x) {\n"
              + "    return 2 * x;\n"
              + "  }\n\n"
              + "  private int secret() {\n"
              + "    return count;\n"
              + "  }\n"
              + "}\n";
      Path file = root.resolve(pkg.replace('.', '/')).resolve(name + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    }
  }

  /**
   * 1,000 classes of about 210 lines: the five wrapped methods of {@link #generate(Path)}, each
   * with a body of loops, a stream with a lambda, string building and a call to a private helper
   * with a {@code switch}; the helpers are private, so not wrapped. One class in {@code
   * annotatedEvery} is {@code @HotRestartable}: 1 for the {@code large} set, 10 for {@code mixed},
   * a project where only the classes that may crash are annotated.
   */
  static void generateLarge(Path root, int annotatedEvery) throws IOException {
    String[] signatures = {
      "public int add(int x)",
      "public void push(T item)",
      "public T max()",
      "public <K> Map<K, Integer> index(Map<K, Integer> into, K... keys)",
      "protected String load(String path) throws IOException"
    };
    String[] returns = {
      "return count + x;", "items.add(item);", "return items.isEmpty() ? null : items.get(0);",
      "return into;", "return path + count;"
    };
    for (int i = 0; i < CLASSES; i++) {
      String pkg = "gen.p" + (i % 10);
      String name = "Sample" + i;
      StringBuilder text = new StringBuilder();
      text.append("package ").append(pkg).append(";\n\n")
          .append("import dev.hotrestart.HotRestartable;\n")
          .append("import java.io.IOException;\n")
          .append("import java.util.ArrayList;\n")
          .append("import java.util.HashMap;\n")
          .append("import java.util.List;\n")
          .append("import java.util.Map;\n")
          .append("import java.util.stream.Collectors;\n\n")
          .append(i % annotatedEvery == 0 ? "@HotRestartable\n" : "")
          .append("public class ").append(name).append("<T extends Comparable<T>> {\n")
          .append("  private final List<T> items = new ArrayList<>();\n")
          .append("  private final Map<String, Integer> counts = new HashMap<>();\n")
          .append("  private int count;\n\n")
          .append("  public ").append(name).append("() {}\n\n")
          .append("  public ").append(name).append("(List<T> initial) {\n")
          .append("    items.addAll(initial);\n")
          .append("  }\n\n");
      for (int m = 0; m < signatures.length; m++) {
        text.append("  ").append(signatures[m]).append(" {\n")
            .append("    int total = 0;\n")
            .append("    for (int j = 0; j < items.size(); j++) {\n")
            .append("      String key = String.valueOf(items.get(j)) + \"#").append(i).append("\";\n")
            .append("      counts.merge(key, j, Integer::sum);\n")
            .append("      if (key.length() > ").append(m).append(") {\n")
            .append("        total += helper").append(m).append("(key, j);\n")
            .append("      } else {\n")
            .append("        total -= key.hashCode() % 7;\n")
            .append("      }\n")
            .append("    }\n")
            .append("    List<String> names =\n")
            .append("        counts.keySet().stream().filter(k -> k.startsWith(\"a\")).sorted()\n")
            .append("            .collect(Collectors.toList());\n")
            .append("    StringBuilder text = new StringBuilder();\n")
            .append("    for (String n : names) {\n")
            .append("      text.append(n).append(',');\n")
            .append("    }\n")
            .append("    count += total + text.length();\n")
            .append("    ").append(returns[m]).append("\n")
            .append("  }\n\n")
            .append("  private int helper").append(m).append("(String key, int j) {\n")
            .append("    int h = 17;\n")
            .append("    for (char c : key.toCharArray()) {\n")
            .append("      h = 31 * h + c;\n")
            .append("      if (h < 0) {\n")
            .append("        h = -h;\n")
            .append("      }\n")
            .append("    }\n")
            .append("    switch (j % 3) {\n")
            .append("      case 0:\n")
            .append("        return h % 11;\n")
            .append("      case 1:\n")
            .append("        return h % 13 + counts.getOrDefault(key, 0);\n")
            .append("      default:\n")
            .append("        return Math.max(h % 17, key.length());\n")
            .append("    }\n")
            .append("  }\n\n");
      }
      text.append("}\n");
      Path file = root.resolve(pkg.replace('.', '/')).resolve(name + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, text.toString());
    }
  }
}
