package dev.hotrestart.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edit-to-running-again latency of what issue "Reach" added, measured as {@link ReloadLatency}
 * measures a wrapped method's: a program runs {@code reach.Work.work} (wrapped), which throws
 * while the round is above {@code reach.Limits.max()} (a plain class, no annotation); each edit
 * raises that limit, the benchmark notes the time and types {@code c}, and {@code work}'s first
 * line prints when it ran again. The program runs with the runtime jar as its {@code
 * -javaagent}, as {@code mvn hotrestart:run} starts it, so the plain class is redefined.
 *
 * <p>Two cases: <b>plain</b>, where only {@code Limits.java} changes (a class redefinition), and
 * <b>three files</b>, where {@code Work.java} and another wrapped class, {@code Other.java},
 * change too (two swaps and a redefinition in one {@code c}). Per case: fresh JVMs of several
 * reloads each, the first two seconds after the prompt (a person reading it); reloads after the
 * fifth count as warm.
 */
public final class ReachLatency {

  private static final Pattern JAVAC = Pattern.compile("\\(javac (\\d+) ms");

  private ReachLatency() {}

  public static void main(String[] args) throws Exception {
    int jvms = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int reloadsPerJvm = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Path agent =
        Path.of(
            System.getProperty("bench.repo"),
            "dev/hotrestart/hotrestart-runtime",
            System.getProperty("bench.version"),
            "hotrestart-runtime-" + System.getProperty("bench.version") + ".jar");
    if (!Files.isRegularFile(agent)) {
      throw new IllegalStateException("no runtime jar to use as the agent: " + agent);
    }
    Path work = Files.createTempDirectory("hotrestart-bench-reach");
    try {
      System.out.println("| change | first reload, c after 2 s (each JVM) | warm median | warm p90 | warm min-max | javac, summed over the files (warm median) |");
      System.out.println("| --- | --- | --- | --- | --- | --- |");
      for (boolean three : new boolean[] {false, true}) {
        Path src = work.resolve((three ? "three" : "plain") + "/src");
        Path classes = work.resolve((three ? "three" : "plain") + "/classes");
        List<Double> first = new ArrayList<>();
        List<double[]> warm = new ArrayList<>();
        for (int jvm = 0; jvm < jvms; jvm++) {
          write(src);
          Javac.compile(src, classes, true);
          List<double[]> samples =
              LatencySession.run(
                  List.of("-javaagent:" + agent), src, classes, "reach.Work", reloadsPerJvm, 2_000, new Bumps(src, three));
          first.add(samples.get(0)[0]);
          warm.addAll(LatencySession.warm(samples));
        }
        List<Double> millis = new ArrayList<>();
        List<Double> javac = new ArrayList<>();
        for (double[] s : warm) {
          millis.add(s[0]);
          javac.add(s[1]);
        }
        System.out.println(
            String.format(
                Locale.ROOT,
                "| %s | %.0f ms %s | %.0f ms (n=%d) | %.0f ms | %.0f-%.0f ms | %.0f ms |",
                three ? "three files: 2 wrapped classes swapped, 1 plain class redefined" : "one plain class redefined",
                ReloadLatency.median(first), ReloadLatency.all(first),
                ReloadLatency.median(millis), millis.size(),
                ReloadLatency.percentile(millis, 0.9),
                ReloadLatency.percentile(millis, 0), ReloadLatency.percentile(millis, 1),
                ReloadLatency.median(javac)));
      }
    } finally {
      Trees.delete(work);
    }
  }

  private static void write(Path src) throws IOException {
    Path dir = src.resolve("reach");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("Work.java"),
        String.join(
            "\n",
            "package reach;",
            "",
            "import dev.hotrestart.HotRestartable;",
            "import dev.hotrestart.bench.LatencyTarget;",
            "",
            "@HotRestartable",
            "public class Work implements LatencyTarget.Work {",
            "  private final Other other = HotRestart_Other.create();",
            "",
            "  public int work(int round) {",
            "    LatencyTarget.firstLine(round);",
            "    if (round > Limits.max()) {",
            "      throw new IllegalStateException(\"round \" + round);",
            "    }",
            "    return other.k(round) + 0; // BONUS",
            "  }",
            "}",
            ""));
    Files.writeString(
        dir.resolve("Other.java"),
        String.join(
            "\n",
            "package reach;",
            "",
            "import dev.hotrestart.HotRestartable;",
            "",
            "@HotRestartable",
            "public class Other {",
            "  public int k(int round) {",
            "    return round * 2 + 0; // K",
            "  }",
            "}",
            ""));
    Files.writeString(
        dir.resolve("Limits.java"),
        String.join(
            "\n",
            "package reach;",
            "",
            "/** A plain class: no annotation, redefined through the agent. */",
            "public final class Limits {",
            "  private Limits() {}",
            "",
            "  public static int max() {",
            "    return 0; // MAX",
            "  }",
            "}",
            ""));
  }

  /** Adds one to the number before {@code marker} in {@code file}. */
  private static void bump(Path file, String marker) throws IOException {
    String text = Files.readString(file);
    Matcher number = Pattern.compile("(\\d+); " + Pattern.quote(marker)).matcher(text);
    if (!number.find()) {
      throw new IllegalStateException(marker + " not in " + file);
    }
    int next = Integer.parseInt(number.group(1)) + 1;
    Files.writeString(file, text.substring(0, number.start()) + next + "; " + marker + text.substring(number.end()));
  }

  /** The edits of one session, and the javac time of each reload, summed over its files. */
  private static final class Bumps implements LatencySession.Program<double[]> {
    private final Path dir;
    private final boolean three;
    private int javac;

    Bumps(Path src, boolean three) {
      this.dir = src.resolve("reach");
      this.three = three;
    }

    @Override
    public void edit(int round) throws IOException {
      bump(dir.resolve("Limits.java"), "// MAX");
      if (three) {
        bump(dir.resolve("Work.java"), "// BONUS");
        bump(dir.resolve("Other.java"), "// K");
      }
      javac = 0;
    }

    @Override
    public void output(String line) {
      Matcher compiled = JAVAC.matcher(line);
      if (compiled.find() && line.contains("reloaded")) {
        javac += Integer.parseInt(compiled.group(1));
      }
    }

    @Override
    public double[] sample(double millis) {
      return new double[] {millis, javac};
    }
  }
}
