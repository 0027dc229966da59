package dev.hotrestart.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What the processor adds to a build: javac on 1,000 generated classes, with the processor (which
 * also writes and compiles 1,000 proxies) and with {@code -proc:none}, on three sample sets:
 * {@code small} classes (57 lines, five wrapped methods: the worst case, as the cost grows with
 * wrapped methods and not with lines) and {@code large} ones (about 210 lines, the same five
 * wrapped methods with bodies of the size real code has, and private helpers); and a {@code
 * mixed} set, the large classes with only one in ten annotated, as in a project that annotates
 * the classes that may crash. Warm: rounds in one JVM after warm-up rounds, as in a long-lived
 * build daemon or a later module of a reactor. Cold: the first compile of a fresh JVM (run with
 * {@code --cold} once per JVM), as in a one-module Maven build.
 *
 * <p>On a shared machine one compile can take 30% longer than the same compile a minute later,
 * even in CPU time, so the warm figures are paired: each round compiles every variant of a set
 * back to back, in alternating order, and each variant's figure is the median over the rounds of
 * its ratio to the baseline <em>of the same round</em>, with the lowest and highest ratio beside
 * it. Two more variants split the added time: the {@link FloorProcessor}, which writes an empty
 * class per annotated class (what any processor that writes a file per class pays), and the
 * sources compiled together with the proxies the processor wrote, without the processor (what
 * compiling the proxies costs).
 */
public final class ProcessorOverhead {

  static final int CLASSES = 1_000;

  private static final Variant BASELINE = new Variant("`-proc:none` (the baseline)", null, false);
  private static final Variant FLOOR =
      new Variant(
          "floor: a processor that writes an empty class per annotated class",
          FloorProcessor.class.getName(),
          false);
  private static final Variant HOTRESTART =
      new Variant("**the hotrestart processor**", Javac.PROCESSOR, false);
  private static final Variant WITH_PROXIES =
      new Variant("sources and the proxies it wrote, `-proc:none`", null, true);

  /** The compiles of a warm round, in the order of the table's rows. */
  private static final List<Variant> VARIANTS = List.of(BASELINE, FLOOR, HOTRESTART, WITH_PROXIES);

  private static final List<String> SETS = List.of("small", "large", "mixed");

  private record Variant(String label, String processor, boolean withProxies) {}

  private ProcessorOverhead() {}

  /**
   * {@code ROUNDS [WARMUP]}: the warm table, {@code ROUNDS} measured rounds per set after {@code
   * WARMUP} rounds (default 4) on the large set; {@code --cold with|without small|large|mixed}:
   * one cold compile, its wall time and javac's CPU time in milliseconds.
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
      int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
      int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 4;
      Map<String, Path> sources = new LinkedHashMap<>();
      Map<String, Path> withProxies = new LinkedHashMap<>();
      for (String set : SETS) {
        Path src = work.resolve(set);
        generate(set, src);
        sources.put(set, src);
        // The same sources beside the proxies the processor writes, as sources.
        Path both = work.resolve(set + "-both");
        Path generated =
            compileFresh(work, src, Javac.PROCESSOR, List.of("-Ahotrestart.proxySource=true"))
                .generated;
        Trees.copy(src, both);
        Trees.copy(generated, both);
        withProxies.put(set, both);
      }
      // Warm-up on the large set, which exercises the most of javac: in earlier runs with a
      // shorter warm-up on the small set, the baseline still got faster for several rounds.
      for (int i = 0; i < warmup; i++) {
        round("large", i, sources, withProxies, work);
      }
      Map<String, List<Map<Variant, Compile>>> measured = new LinkedHashMap<>();
      for (String set : SETS) {
        List<Map<Variant, Compile>> list = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
          list.add(round(set, i, sources, withProxies, work));
        }
        measured.put(set, list);
      }
      System.out.print(table(measured));
    } finally {
      Trees.delete(work);
    }
  }

  /** Compiles every variant of {@code set} once, forwards in even rounds, backwards in odd ones. */
  private static Map<Variant, Compile> round(
      String set, int index, Map<String, Path> sources, Map<String, Path> withProxies, Path work) {
    List<Variant> order = new ArrayList<>(VARIANTS);
    if (index % 2 == 1) {
      Collections.reverse(order);
    }
    Map<Variant, Compile> compiles = new HashMap<>();
    for (Variant variant : order) {
      Path src = variant.withProxies ? withProxies.get(set) : sources.get(set);
      compiles.put(variant, compileFresh(work, src, variant.processor));
    }
    return compiles;
  }

  /**
   * The warm table: the baseline's median CPU time, then each variant's median ratio to the
   * baseline of its round (lowest and highest ratio in brackets), in javac's CPU time; the
   * processor also in wall-clock time; and the processor above the floor, round by round.
   */
  private static String table(Map<String, List<Map<Variant, Compile>>> measured) {
    StringBuilder table = new StringBuilder();
    int rounds = measured.values().iterator().next().size();
    table.append("| 1,000 classes, warm: javac's CPU time, median of ").append(rounds)
        .append(" paired rounds (lowest to highest) | small (57 lines) | large (about 210 lines)")
        .append(" | mixed (large, 1 in 10 annotated) |\n| --- | --- | --- | --- |\n");
    for (Variant variant : VARIANTS) {
      table.append("| ").append(variant.label).append(" |");
      for (List<Map<Variant, Compile>> set : measured.values()) {
        if (variant == BASELINE) {
          List<Double> cpu = new ArrayList<>();
          set.forEach(round -> cpu.add(round.get(BASELINE).cpuMillis));
          table.append(String.format(Locale.ROOT, " %.0f ms |", ReloadLatency.median(cpu)));
        } else {
          table.append(added(set, round -> cpu(round, variant) / cpu(round, BASELINE)));
        }
      }
      table.append("\n");
    }
    table.append("| the hotrestart processor, wall-clock |");
    for (List<Map<Variant, Compile>> set : measured.values()) {
      table.append(added(set, round -> round.get(HOTRESTART).millis / round.get(BASELINE).millis));
    }
    table.append("\n| the hotrestart processor above the floor |");
    for (List<Map<Variant, Compile>> set : measured.values()) {
      table.append(
          added(
              set,
              round -> 1 + (cpu(round, HOTRESTART) - cpu(round, FLOOR)) / cpu(round, BASELINE)));
    }
    return table.append("\n").toString();
  }

  private static double cpu(Map<Variant, Compile> round, Variant variant) {
    return round.get(variant).cpuMillis;
  }

  /** The median, lowest and highest over the rounds of a ratio to the baseline, as added percent. */
  private static String added(
      List<Map<Variant, Compile>> rounds, ToDoubleFunction<Map<Variant, Compile>> ratio) {
    List<Double> ratios = new ArrayList<>();
    rounds.forEach(round -> ratios.add(ratio.applyAsDouble(round)));
    return String.format(
        Locale.ROOT,
        " %+.1f%% (%+.0f to %+.0f) |",
        (ReloadLatency.median(ratios) - 1) * 100,
        (Collections.min(ratios) - 1) * 100,
        (Collections.max(ratios) - 1) * 100);
  }

  private record Compile(double millis, double cpuMillis, Path generated) {}

  private static Compile compileFresh(Path work, Path sources, String processor) {
    return compileFresh(work, sources, processor, List.of());
  }

  private static Compile compileFresh(
      Path work, Path sources, String processor, List<String> processorOptions) {
    Path classes = work.resolve("out-" + sources.getFileName());
    Path generated = classes.resolveSibling(classes.getFileName() + "-generated");
    Trees.delete(classes);
    Trees.delete(generated);
    // Each compile starts from an empty heap, not from the garbage of the one before.
    System.gc();
    Javac.Timing timing = Javac.time(sources, classes, processor, processorOptions);
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
