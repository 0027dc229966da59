package dev.hotrestart.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The processor on real code: Apache Commons Lang 3.17.0 (249 files), every package annotated
 * through its {@code package-info.java}, compiled cold (the first compile of a fresh JVM, as in a
 * one-module Maven build) with plain javac and with the hotrestart processor. The sources jar is
 * fetched by {@code it/bench/run} from the registry into the local repository at benchmark time
 * and named by {@code -Dbench.commonsLang}; it is never committed.
 *
 * <p>Six variants, each compiled in a JVM of its own: <em>plain</em>, the annotated sources with
 * {@code -proc:none}; the <em>floor</em>, the sources as published (nothing annotated) with the
 * processor on the path, which is what any build with the processor pays before a class is
 * annotated; <em>files</em>, the sources as published with {@link FloorProcessor} writing an
 * empty class for each class that hotrestart proxies, which is what any processor that writes
 * that many files pays, whatever they hold; <em>classfiles</em>, the same empty classes written as
 * class files, which javac enters without parsing or compiling them: the floor of a processor
 * that writes bytecode; <em>oneclassfile</em>, only the first of those class files: any processor
 * that writes a file at all makes javac run another round, which enters every class of the
 * compile again, and this is that cost alone; <em>hotrestart</em>, the annotated sources with the processor, which
 * writes its proxies as class files ({@code -Ahotrestart.proxySource=false}); <em>hotrestart-source</em>,
 * the same with the processor's default, proxies written as sources that javac compiles; and
 * <em>proxies</em>, the annotated sources together with the proxy sources, with {@code
 * -proc:none}: what javac spends compiling those sources, without the processor's rounds. A
 * round compiles the eight back to back, forwards in even rounds and backwards in odd ones, and each figure is
 * the median over the rounds of the ratio to plain javac <em>of the same round</em>, in javac's
 * thread CPU time and in wall time, with the lowest and highest ratio beside it: on a shared
 * machine a compile can take 30% more than the same compile a minute earlier, and the ratio of
 * two compiles run back to back moves much less.
 */
public final class CommonsLang {

  /** Variants in the order of a forward round: plain javac first, the baseline. */
  static final List<String> VARIANTS =
      List.of(
          "plain",
          "floor",
          "files",
          "classfiles",
          "oneclassfile",
          "hotrestart",
          "hotrestart-source",
          "proxies");

  /** The variant whose proxy sources the {@code proxies} variant compiles. */
  static final String SOURCE_VARIANT = "hotrestart-source";

  private CommonsLang() {}

  /**
   * {@code --compile VARIANT WORK}: one cold compile of {@code VARIANT} over the sources that
   * {@link #prepare} wrote under {@code WORK} ({@code proxies} needs a {@code hotrestart-source}
   * compile first, whose proxies it compiles); prints the wall time and javac's CPU time in milliseconds,
   * the number of proxies generated, and javac's CPU time in annotation processing rounds.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3 || !args[0].equals("--compile") || !VARIANTS.contains(args[1])) {
      throw new IllegalArgumentException("usage: --compile " + String.join("|", VARIANTS) + " WORK");
    }
    String variant = args[1];
    Path work = Path.of(args[2]);
    boolean published =
        variant.equals("floor") || variant.equals("files") || variant.contains("classfile");
    Path sources = work.resolve(published ? "published" : "annotated");
    if (variant.equals("proxies")) {
      // The proxy sources of the first hotrestart-source compile, beside the annotated sources.
      sources = work.resolve("with-proxies");
      if (!Files.isDirectory(sources)) {
        copy(work.resolve("annotated"), sources);
        copy(generatedSources(work), sources);
      }
    }
    Path classes = work.resolve("classes-" + variant);
    delete(classes);
    delete(classes.resolveSibling(classes.getFileName() + "-generated"));
    String processor;
    if (variant.equals("files") || variant.contains("classfile")) {
      processor = FloorProcessor.class.getName();
      Path names = proxiedNames(work);
      if (variant.equals("oneclassfile")) {
        names = firstName(names);
      }
      System.setProperty("bench.floorNames", names.toString());
      System.setProperty("bench.floorClassFiles", String.valueOf(variant.contains("classfile")));
    } else if (variant.equals("floor") || variant.startsWith("hotrestart")) {
      processor = Javac.PROCESSOR;
    } else {
      processor = null;
    }
    List<String> options =
        !variant.startsWith("hotrestart")
            ? List.of()
            : List.of("-Ahotrestart.proxySource=" + variant.equals(SOURCE_VARIANT));
    Javac.Timing timing = Javac.time(sources, classes, processor, options);
    long proxies = 0;
    if (variant.startsWith("hotrestart")) {
      // Proxies written as class files land beside the others; as sources, in -s.
      Path written =
          variant.equals(SOURCE_VARIANT) ? generatedSources(work) : classes;
      try (Stream<Path> walk = Files.walk(written)) {
        proxies = walk.filter(p -> p.getFileName().toString().startsWith("HotRestart_")).count();
      }
    }
    System.out.println(timing.wallNanos() / 1_000_000 + " " + timing.cpuNanos() / 1_000_000 + " " + proxies
        + " " + timing.roundsCpuNanos() / 1_000_000);
  }

  /**
   * Unpacks the sources jar into {@code work/published} and writes {@code work/annotated}, the
   * same files with {@code @dev.hotrestart.HotRestartable} on every {@code package-info.java}.
   *
   * @return the number of source files
   */
  static int prepare(Path sourcesJar, Path work) throws IOException {
    Path published = work.resolve("published");
    Path annotated = work.resolve("annotated");
    delete(published);
    delete(annotated);
    delete(work.resolve("with-proxies"));
    Files.deleteIfExists(work.resolve("proxied-classes.txt"));
    int files = 0;
    try (InputStream in = Files.newInputStream(sourcesJar);
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        String name = entry.getName();
        if (entry.isDirectory() || !name.endsWith(".java") || name.startsWith("META-INF")) {
          continue;
        }
        String text = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        write(published.resolve(name), text);
        write(annotated.resolve(name), name.endsWith("/package-info.java") ? annotate(name, text) : text);
        files++;
      }
    }
    return files;
  }

  private static String annotate(String name, String packageInfo) {
    int at = packageInfo.startsWith("package ") ? 0 : packageInfo.indexOf("\npackage ") + 1;
    if (at <= 0 && !packageInfo.startsWith("package ")) {
      throw new IllegalStateException("no package declaration in " + name);
    }
    return packageInfo.substring(0, at) + "@dev.hotrestart.HotRestartable\n" + packageInfo.substring(at);
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static Path generatedSources(Path work) {
    return work.resolve("classes-" + SOURCE_VARIANT + "-generated");
  }

  /** Writes, once, the names of the classes the first hotrestart-source compile proxied. */
  private static Path proxiedNames(Path work) throws IOException {
    Path names = work.resolve("proxied-classes.txt");
    if (!Files.exists(names)) {
      Path generated = generatedSources(work);
      List<String> lines = new ArrayList<>();
      try (Stream<Path> walk = Files.walk(generated)) {
        for (Path file : (Iterable<Path>) walk.filter(p -> p.toString().endsWith(".java"))::iterator) {
          String relative = generated.relativize(file).toString().replace('/', '.');
          // HotRestart_Foo.java proxies Foo; nested classes have no file of their own to name.
          String name = relative.substring(0, relative.length() - ".java".length()).replace("HotRestart_", "");
          if (!name.contains("_")) {
            lines.add(name);
          }
        }
      }
      Files.write(names, lines);
    }
    return names;
  }

  /** A file of the first name in {@code names}: one class file is what starts another round. */
  private static Path firstName(Path names) throws IOException {
    Path first = names.resolveSibling("first-proxied-class.txt");
    Files.write(first, Files.readAllLines(names).subList(0, 1));
    return first;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Collections.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  /**
   * One round's figures of one variant: wall and CPU milliseconds, and the CPU milliseconds of
   * the processors' rounds.
   */
  record Timing(double wall, double cpu, double rounds) {}

  /**
   * The table: per variant the median ratio to plain javac of the same round (CPU and wall),
   * with the lowest and highest, and plain javac's own medians.
   *
   * @param rounds per round, the timings in the order of {@link #VARIANTS}
   * @param proxies the number of proxies the processor wrote
   */
  static String table(List<List<Timing>> rounds, long proxies) {
    StringBuilder table = new StringBuilder();
    table.append("| Commons Lang 3.17.0, 249 files, cold: ratio to plain javac, median of ")
        .append(rounds.size())
        .append(" paired rounds (lowest to highest) | javac's CPU time | wall time |\n")
        .append("| --- | --- | --- |\n");
    List<Double> plainCpu = new ArrayList<>();
    List<Double> plainWall = new ArrayList<>();
    for (List<Timing> round : rounds) {
      plainCpu.add(round.get(0).cpu());
      plainWall.add(round.get(0).wall());
    }
    table.append(String.format(Locale.ROOT, "| plain javac (`-proc:none`, every package annotated) | %.0f ms | %.0f ms |%n",
        ReloadLatency.median(plainCpu), ReloadLatency.median(plainWall)));
    String[] labels = {
      null,
      "floor: the processor on the path, nothing annotated",
      "a processor that writes an empty class for each of the classes hotrestart proxies (nothing annotated)",
      "the same, written as class files (`Filer.createClassFile`) instead of sources",
      "a processor that writes one empty class file (nothing annotated): what writing any file"
          + " costs, another round that enters every class of the compile again",
      "**the hotrestart processor, every package annotated (" + proxies + " proxies, written as class files)**",
      "the same, proxies written as sources (`-Ahotrestart.proxySource=true`)",
      "the annotated sources and those proxy sources, `-proc:none`"
    };
    for (int v = 1; v < VARIANTS.size(); v++) {
      ratioRow(table, labels[v], rounds, v, 0);
      if (VARIANTS.get(v).equals("hotrestart")) {
        // What the proxies cost beyond javac's charge for writing as many class files.
        ratioRow(
            table,
            "of which over the floor of writing as many empty class files (ratio to that compile"
                + " of the same round)",
            rounds,
            v,
            VARIANTS.indexOf("classfiles"));
      }
      if (VARIANTS.get(v).startsWith("hotrestart")) {
        ownRounds(table, rounds, v, "the processor's own rounds");
      } else if (VARIANTS.get(v).equals("classfiles")) {
        ownRounds(table, rounds, v, "that processor's rounds, nearly all the `Filer`'s checks of each new name");
      }
    }
    return table.toString();
  }

  /**
   * A row of variant {@code v}'s median ratio to variant {@code base} of the same round, in CPU
   * and in wall time, with the lowest and highest.
   */
  private static void ratioRow(
      StringBuilder table, String label, List<List<Timing>> rounds, int v, int base) {
    List<Double> cpu = new ArrayList<>();
    List<Double> wall = new ArrayList<>();
    for (List<Timing> round : rounds) {
      cpu.add(round.get(v).cpu() / round.get(base).cpu());
      wall.add(round.get(v).wall() / round.get(base).wall());
    }
    table.append("| ").append(label).append(" | ").append(ratio(cpu)).append(" | ")
        .append(ratio(wall)).append(" |\n");
  }

  /**
   * The processor's own work inside variant {@code v}'s compile, apart from what javac does
   * around it.
   */
  private static void ownRounds(
      StringBuilder table, List<List<Timing>> rounds, int v, String what) {
    List<Double> own = new ArrayList<>();
    List<Double> ownMillis = new ArrayList<>();
    for (List<Timing> round : rounds) {
      own.add(round.get(v).rounds() / round.get(0).cpu());
      ownMillis.add(round.get(v).rounds());
    }
    table.append(String.format(Locale.ROOT,
        "| of which %s (javac's CPU in them, as a share of plain javac's; median %.0f ms) | %s | |%n",
        what, ReloadLatency.median(ownMillis), ratio(own)));
  }

  private static String ratio(List<Double> ratios) {
    List<Double> sorted = new ArrayList<>(ratios);
    Collections.sort(sorted);
    return String.format(Locale.ROOT, "%.2fx (%.2f to %.2f)",
        ReloadLatency.median(sorted), sorted.get(0), sorted.get(sorted.size() - 1));
  }
}
