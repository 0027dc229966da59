package dev.hotrestart.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the processor adds to a build: javac on 1,000 generated {@code @HotRestartable} classes,
 * with the processor (which also writes and compiles 1,000 proxies) and with {@code -proc:none}.
 * Warm: alternating runs in one JVM after warm-up runs, as in a long-lived build daemon or the
 * second module of a reactor. Cold: the first compile of a fresh JVM (run with {@code --cold}
 * once per JVM), as in a one-module Maven build. The warm runs also compile the sources together
 * with the proxies the processor wrote, without the processor: the difference from the plain
 * compile is what compiling the proxies costs, the rest is the processing itself.
 */
public final class ProcessorOverhead {

  static final int CLASSES = 1_000;

  private ProcessorOverhead() {}

  public static void main(String[] args) throws IOException {
    Path work = Files.createTempDirectory("hotrestart-bench-processor");
    try {
      Path sources = work.resolve("src");
      generate(sources);
      if (args.length > 0 && args[0].equals("--cold")) {
        boolean with = args[1].equals("with");
        System.out.println((Javac.compile(sources, work.resolve("classes"), with) / 1_000_000) + "");
        return;
      }
      int warmups = 3;
      int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
      // The same sources beside the proxies the processor writes, for a third compile that
      // splits the added time: compiling the proxies, and the processing itself.
      Path both = work.resolve("both");
      compileFresh(work, sources, true);
      Trees.copy(sources, both);
      Trees.copy(work.resolve("with-generated"), both);
      List<Double> with = new ArrayList<>();
      List<Double> without = new ArrayList<>();
      List<Double> proxiesOnly = new ArrayList<>();
      for (int i = 0; i < warmups + runs; i++) {
        // Alternate, so that drift (JIT, GC, the other core) hits every variant alike.
        double w = compileFresh(work, sources, true);
        double wo = compileFresh(work, sources, false);
        double p = compileFresh(work, both, false);
        if (i >= warmups) {
          with.add(w);
          without.add(wo);
          proxiesOnly.add(p);
        }
      }
      double m = ReloadLatency.median(with);
      double mo = ReloadLatency.median(without);
      double mp = ReloadLatency.median(proxiesOnly);
      System.out.println(
          String.format(
              Locale.ROOT,
              "| warm (median of %d, same JVM) | %.0f ms | %.0f ms | %+.1f%% | %.0f ms (%+.1f%%) |",
              runs, mo, m, (m / mo - 1) * 100, mp, (mp / mo - 1) * 100));
    } finally {
      Trees.delete(work);
    }
  }

  private static double compileFresh(Path work, Path sources, boolean withProcessor) {
    Path classes = work.resolve(withProcessor ? "with" : "without-" + sources.getFileName());
    Trees.delete(classes);
    Trees.delete(classes.resolveSibling(classes.getFileName() + "-generated"));
    return Javac.compile(sources, classes, withProcessor) / 1e6;
  }

  /**
   * 1,000 classes of the shapes the processor meets in real code: constructors with and without
   * parameters, primitives, generics, varargs, checked exceptions, void, a static and a private
   * method (not wrapped), each about 40 lines, in 10 packages.
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
}
