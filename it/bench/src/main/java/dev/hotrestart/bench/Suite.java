package dev.hotrestart.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The one entry point of the benchmarks ({@code it/bench/run}): runs the sections named on the
 * command line ({@code jmh swap latency reach processor commonslang startup}; all by default), each but JMH in a
 * JVM of its own, prints their tables, and writes them to {@code target/results/results.md}.
 * {@code --quick} runs fewer forks, iterations and rounds, for a smoke test of the harness.
 */
public final class Suite {

  private static final List<String> SECTIONS = List.of("jmh", "swap", "latency", "reach", "processor", "commonslang", "startup");

  private Suite() {}

  public static void main(String[] args) throws Exception {
    boolean quick = false;
    List<String> sections = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--quick")) {
        quick = true;
      } else if (SECTIONS.contains(arg)) {
        sections.add(arg);
      } else {
        throw new IllegalArgumentException("unknown argument " + arg + "; sections: " + SECTIONS + ", or --quick");
      }
    }
    if (sections.isEmpty()) {
      sections.addAll(SECTIONS);
    }
    Path results = Files.createDirectories(Path.of(System.getProperty("bench.results", "target/results")));
    StringBuilder report = new StringBuilder(header(quick));
    for (String section : sections) {
      long start = System.nanoTime();
      // The machine may be shared: the load tells a reader how far to trust a section's noise.
      String load = loadAverage();
      System.out.println();
      System.out.println("== " + section + " == (load average " + load + ")");
      String table;
      switch (section) {
        case "jmh":
          table = jmh(results, quick);
          System.out.print(table);
          break;
        case "swap":
          // Enabled, as under hotrestart:run: javac is warmed up in the background at start.
          table = child(List.of("-Dhotrestart.enabled=true"), SwapCost.class, quick ? "2" : "4");
          break;
        case "latency":
          table = child(ReloadLatency.class, quick ? "2" : "3", quick ? "7" : "15");
          break;
        case "reach":
          table = child(ReachLatency.class, quick ? "2" : "3", quick ? "7" : "15");
          break;
        case "processor":
          table = processor(quick);
          break;
        case "commonslang":
          table = commonsLang(quick ? 2 : 5);
          break;
        case "startup":
          table = child(Startup.class, quick ? "2" : "5");
          break;
        default:
          throw new AssertionError(section);
      }
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      report.append("\n## ").append(section).append(" (").append(seconds).append(" s; load average before ")
          .append(load).append(", after ").append(loadAverage()).append(")\n\n").append(table);
      Files.writeString(results.resolve("results.md"), report);
    }
    System.out.println();
    System.out.println("Tables written to " + results.resolve("results.md").toAbsolutePath());
  }

  private static String header(boolean quick) throws IOException {
    String cpu = "unknown CPU";
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (Files.isReadable(cpuinfo)) {
      Optional<String> model =
          Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name")).findFirst();
      if (model.isPresent()) {
        cpu = model.get().substring(model.get().indexOf(':') + 1).trim();
      }
    }
    return "# hotrestart benchmarks" + (quick ? " (--quick: too few runs to publish)" : "") + "\n\n"
        + "- date: " + LocalDate.now() + "\n"
        + "- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + "\n"
        + "- machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", "
        + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "\n";
  }

  /** The 1, 5 and 15-minute load averages of the machine, or "?" where there are none. */
  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  /** Runs {@code main} of {@code type} in a fresh JVM on this class path; returns its output. */
  private static String child(Class<?> type, String... args) throws IOException, InterruptedException {
    return child(List.of(), true, type, args);
  }

  private static String child(List<String> jvmOptions, Class<?> type, String... args)
      throws IOException, InterruptedException {
    return child(jvmOptions, true, type, args);
  }

  private static String child(List<String> jvmOptions, boolean echo, Class<?> type, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith("bench.")) {
        command.add("-D" + name + "=" + System.getProperty(name));
      }
    }
    command.add(type.getName());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    StringBuilder output = new StringBuilder();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (echo) {
          System.out.println(line);
        }
        output.append(line).append('\n');
      }
    }
    if (process.waitFor() != 0) {
      throw new IllegalStateException(type.getSimpleName() + " failed");
    }
    return output.toString();
  }

  private static String processor(boolean quick) throws IOException, InterruptedException {
    // A fixed heap, so that no variant runs while the heap is still growing.
    String warm =
        child(
            List.of("-Xms4g", "-Xmx4g"),
            false,
            ProcessorOverhead.class,
            quick ? "2" : "7",
            quick ? "1" : "4");
    int colds = quick ? 1 : 3;
    StringBuilder cold =
        new StringBuilder(
            "\n| 1,000 classes, cold (first compile of a fresh JVM, median of " + colds
                + ") | `-proc:none` | the hotrestart processor | added | added, javac's CPU |\n"
                + "| --- | --- | --- | --- | --- |\n");
    for (String set : List.of("small", "large", "mixed")) {
      List<Double> with = new ArrayList<>();
      List<Double> without = new ArrayList<>();
      List<Double> withCpu = new ArrayList<>();
      List<Double> withoutCpu = new ArrayList<>();
      for (int i = 0; i < colds; i++) {
        String[] w = child(List.of(), false, ProcessorOverhead.class, "--cold", "with", set).trim().split(" ");
        String[] wo = child(List.of(), false, ProcessorOverhead.class, "--cold", "without", set).trim().split(" ");
        with.add(Double.parseDouble(w[0]));
        withCpu.add(Double.parseDouble(w[1]));
        without.add(Double.parseDouble(wo[0]));
        withoutCpu.add(Double.parseDouble(wo[1]));
      }
      double w = ReloadLatency.median(with);
      double wo = ReloadLatency.median(without);
      double cpu = ReloadLatency.median(withCpu) / ReloadLatency.median(withoutCpu) - 1;
      cold.append(String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %+.1f%% | %+.1f%% |%n",
          set, wo, w, (w / wo - 1) * 100, cpu * 100));
    }
    String table = warm + cold;
    System.out.print(table);
    return table;
  }

  /**
   * {@link CommonsLang}: paired rounds of cold compiles, each in a fresh JVM, alternating the
   * order of the variants from one round to the next.
   */
  private static String commonsLang(int rounds) throws IOException, InterruptedException {
    String jar = System.getProperty("bench.commonsLang");
    if (jar == null) {
      throw new IllegalStateException("-Dbench.commonsLang (the Commons Lang sources jar) is not set; run it/bench/run");
    }
    Path work = Path.of(System.getProperty("bench.work", "target/work")).resolve("commons-lang");
    int files = CommonsLang.prepare(Path.of(jar), work);
    System.out.println(files + " source files; " + rounds + " rounds of " + CommonsLang.VARIANTS);
    // Unmeasured: writes the proxy sources that the variant without the processor compiles.
    child(List.of(), false, CommonsLang.class, "--compile", CommonsLang.SOURCE_VARIANT, work.toString());
    List<List<CommonsLang.Timing>> all = new ArrayList<>();
    long proxies = 0;
    for (int round = 0; round < rounds; round++) {
      List<String> order = new ArrayList<>(CommonsLang.VARIANTS);
      if (round % 2 == 1) {
        Collections.reverse(order);
      }
      CommonsLang.Timing[] timings = new CommonsLang.Timing[order.size()];
      StringBuilder line = new StringBuilder("round " + (round + 1) + ":");
      for (String variant : order) {
        String[] out =
            child(List.of(), false, CommonsLang.class, "--compile", variant, work.toString()).trim().split(" ");
        timings[CommonsLang.VARIANTS.indexOf(variant)] =
            new CommonsLang.Timing(Double.parseDouble(out[0]), Double.parseDouble(out[1]), Double.parseDouble(out[3]));
        proxies = Math.max(proxies, Long.parseLong(out[2]));
        line.append(' ').append(variant).append(' ').append(out[1]).append(" ms CPU, ").append(out[0]).append(" ms wall;");
      }
      System.out.println(line + " load " + loadAverage());
      all.add(List.of(timings));
    }
    String table = CommonsLang.table(all, proxies);
    System.out.print(table);
    return table;
  }

  private static String jmh(Path results, boolean quick) throws RunnerException {
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(CallBenchmark.class.getPackageName() + "\\.Call(Disabled|Enabled|Reloaded)\\.")
            .addProfiler(GCProfiler.class)
            .shouldFailOnError(true)
            .output(results.resolve("jmh.log").toString())
            .result(results.resolve("jmh.json").toString())
            .resultFormat(ResultFormatType.JSON);
    if (quick) {
      options.forks(1).warmupIterations(2).measurementIterations(2).warmupTime(TimeValue.seconds(1)).measurementTime(TimeValue.seconds(1));
    }
    System.out.println("JMH progress: " + results.resolve("jmh.log").toAbsolutePath());
    Collection<RunResult> runs = new Runner(options.build()).run();
    Map<String, RunResult> byName = new LinkedHashMap<>();
    for (RunResult run : runs) {
      String name = run.getParams().getBenchmark();
      byName.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), run);
    }
    StringBuilder table = new StringBuilder();
    table.append("| configuration | add: direct | add: wrapped | added per call | sum (1,000 ints): direct | sum: wrapped | ratio | B/op wrapped (add, sum) |\n");
    table.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (String config : List.of("CallDisabled", "CallEnabled", "CallReloaded")) {
      table.append(row(byName, config, "Wrapped", describe(config)));
    }
    table.append(row(byName, "CallDisabled", "JdkProxy", "anchor: `java.lang.reflect.Proxy`"));
    table.append(row(byName, "CallDisabled", "Decorator", "anchor: hand-written decorator"));
    table.append("\nns per call: the median of every measurement iteration of every fork, and in brackets"
        + " the fastest and slowest iteration. Medians, not JMH's means: on a shared two-core machine"
        + " a neighbour's burst slows a whole iteration, and a mean takes it in. \"added\" and"
        + " \"ratio\" compare the medians; B/op is JMH's gc.alloc.rate.norm. Means with JMH's"
        + " 99.9% intervals are in jmh.log and jmh.json.\n");
    return table.toString();
  }

  private static String describe(String config) {
    switch (config) {
      case "CallDisabled":
        return "proxy, debugger disabled";
      case "CallEnabled":
        return "proxy, debugger enabled";
      default:
        return "proxy, enabled, after a reload";
    }
  }

  private static String row(Map<String, RunResult> byName, String config, String variant, String label) {
    RunResult addDirect = byName.get(config + ".addDirect");
    RunResult add = byName.get(config + ".add" + variant);
    RunResult sumDirect = byName.get(config + ".sumDirect");
    RunResult sum = byName.get(config + ".sum" + variant);
    if (addDirect == null || add == null || sumDirect == null || sum == null) {
      return "| " + label + " | not run | | | | | | |\n";
    }
    return String.format(
        Locale.ROOT,
        "| %s | %s | %s | %+.2f ns | %s | %s | %.3fx | %s, %s |%n",
        label,
        scored(addDirect), scored(add), median(add) - median(addDirect),
        scored(sumDirect), scored(sum), median(sum) / median(sumDirect),
        allocation(add), allocation(sum));
  }

  /** Every measurement iteration's score, of every fork, sorted. */
  private static List<Double> iterations(RunResult run) {
    List<Double> scores = new ArrayList<>();
    for (BenchmarkResult fork : run.getBenchmarkResults()) {
      for (IterationResult iteration : fork.getIterationResults()) {
        scores.add(iteration.getPrimaryResult().getScore());
      }
    }
    Collections.sort(scores);
    return scores;
  }

  private static double median(RunResult run) {
    return ReloadLatency.median(iterations(run));
  }

  private static String scored(RunResult run) {
    List<Double> scores = iterations(run);
    return String.format(
        Locale.ROOT,
        "%s [%s-%s]",
        ns(ReloadLatency.median(scores)),
        ns(scores.get(0)),
        ns(scores.get(scores.size() - 1)));
  }

  private static String ns(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
  }

  private static String allocation(RunResult run) {
    Result<?> norm = run.getSecondaryResults().get("gc.alloc.rate.norm");
    return norm == null ? "?" : String.format(Locale.ROOT, "%.1f", norm.getScore());
  }
}
