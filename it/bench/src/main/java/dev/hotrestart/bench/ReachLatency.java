package dev.hotrestart.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
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

  private static final Pattern ENTERED = Pattern.compile("entered (\\d+) (\\d+)");
  private static final Pattern JAVAC = Pattern.compile("\\(javac (\\d+) ms");
  private static final String PROMPT = "(hotrestart) ";

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
          List<double[]> samples = session(src, classes, agent, three, reloadsPerJvm);
          first.add(samples.get(0)[0]);
          warm.addAll(samples.subList(samples.size() > 5 ? 5 : Math.min(1, samples.size()), samples.size()));
        }
        List<Double> millis = new ArrayList<>();
        List<Double> javac = new ArrayList<>();
        for (double[] s : warm) {
          millis.add(s[0]);
          javac.add(s[1]);
        }
        StringBuilder firsts = new StringBuilder();
        for (double f : first) {
          firsts.append(firsts.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", f));
        }
        System.out.println(
            String.format(
                Locale.ROOT,
                "| %s | %.0f ms (%s) | %.0f ms (n=%d) | %.0f ms | %.0f-%.0f ms | %.0f ms |",
                three ? "three files: 2 wrapped classes swapped, 1 plain class redefined" : "one plain class redefined",
                ReloadLatency.median(first), firsts,
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

  /** One JVM: {@code reloads} crashes, each answered by the edits and {@code c}; {ms, javac ms} each. */
  private static List<double[]> session(Path src, Path classes, Path agent, boolean three, int reloads)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-javaagent:" + agent,
                "-cp", System.getProperty("java.class.path") + File.pathSeparator + classes,
                "-Dhotrestart.enabled=true",
                "-Dhotrestart.interactive=true",
                "-Dhotrestart.sourceRoots=" + src,
                LatencyTarget.class.getName(),
                "reach.Work",
                Integer.toString(reloads + 1))
            .redirectErrorStream(true)
            .start();
    List<double[]> samples = new ArrayList<>();
    StringBuilder transcript = new StringBuilder();
    Path dir = src.resolve("reach");
    try (InputStream out = child.getInputStream(); OutputStream in = child.getOutputStream()) {
      StringBuilder line = new StringBuilder();
      long typed = -1;
      int javac = 0;
      int b;
      while ((b = out.read()) != -1) {
        char c = (char) b;
        transcript.append(c);
        if (c != '\n') {
          line.append(c);
          if (line.toString().equals(PROMPT)) {
            if (typed >= 0) {
              throw new IllegalStateException("the reload did not run the method again:\n" + transcript);
            }
            if (samples.isEmpty()) {
              Thread.sleep(2_000);
            }
            bump(dir.resolve("Limits.java"), "// MAX");
            if (three) {
              bump(dir.resolve("Work.java"), "// BONUS");
              bump(dir.resolve("Other.java"), "// K");
            }
            javac = 0;
            typed = System.nanoTime();
            in.write("c\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            line.setLength(0);
          }
          continue;
        }
        Matcher entered = ENTERED.matcher(line);
        Matcher compiled = JAVAC.matcher(line);
        if (compiled.find() && line.indexOf("reloaded") >= 0) {
          javac += Integer.parseInt(compiled.group(1));
        } else if (entered.find() && typed >= 0) {
          samples.add(new double[] {(Long.parseLong(entered.group(2)) - typed) / 1e6, javac});
          typed = -1;
        }
        line.setLength(0);
      }
    }
    if (!child.waitFor(60, TimeUnit.SECONDS) || child.exitValue() != 0 || samples.size() != reloads) {
      child.destroyForcibly();
      throw new IllegalStateException("the reach latency session failed:\n" + transcript);
    }
    return samples;
  }
}
