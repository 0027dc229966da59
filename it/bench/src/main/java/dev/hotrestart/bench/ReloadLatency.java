package dev.hotrestart.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edit-to-running-again latency, measured like a user sees it: a program ({@link LatencyTarget})
 * runs in its own JVM with the debugger on, its method crashes and the prompt appears on its
 * output; this process edits the source file, notes the time, and types {@code c}; the reloaded
 * method's first line prints the time it ran. Both times come from {@code System.nanoTime},
 * which on Linux reads the machine's monotonic clock, so their difference is exact across the two
 * processes. No hook in the runtime is needed.
 *
 * <p>For each file size: several fresh JVMs, where the first reload is the cold one, either typed
 * the moment the prompt appears (before the runtime's background javac warm-up may have ended:
 * the worst case) or after two seconds (a person reading the prompt and editing); then more
 * reloads in the same JVM, of which those after the fifth count as warm.
 */
public final class ReloadLatency {

  private static final Pattern ENTERED = Pattern.compile("entered (\\d+) (\\d+)");
  private static final Pattern RELOADED = Pattern.compile("reloaded .* in (\\d+) ms \\(javac (\\d+) ms\\)");
  private static final String PROMPT = "(hotrestart) ";

  private ReloadLatency() {}

  /** One reload: from c to the first line, and the reloader's own total and javac times. */
  record Sample(double millis, int reloaderMillis, int javacMillis) {}

  public static void main(String[] args) throws Exception {
    int jvms = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int reloadsPerJvm = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Path work = Files.createTempDirectory("hotrestart-bench-latency");
    try {
      System.out.println("| file | first reload, c at once (median of " + jvms + " JVMs) | first reload, c after 2 s | warm median | warm p90 | warm min-max | reloader / javac (warm median) |");
      System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
      for (int lines : new int[] {50, 2_000}) {
        String name = lines == 50 ? "Small" : "Large";
        String source = lines == 50 ? LatencySources.small("lat", name) : LatencySources.large("lat", name, lines);
        Path src = work.resolve(name + "/src");
        Path file = src.resolve("lat/" + name + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path classes = work.resolve(name + "/classes");
        Javac.compile(src, classes, true);
        int actual = LatencySources.lines(source);

        List<Double> coldAtOnce = new ArrayList<>();
        List<Sample> warm = new ArrayList<>();
        for (int jvm = 0; jvm < jvms; jvm++) {
          Files.writeString(file, source);
          List<Sample> samples = session(src, classes, file, "lat." + name, reloadsPerJvm, 0);
          coldAtOnce.add(samples.get(0).millis());
          // The first five reloads still warm javac up; with fewer reloads (a smoke test), all
          // but the first count.
          warm.addAll(samples.subList(samples.size() > 5 ? 5 : Math.min(1, samples.size()), samples.size()));
        }
        List<Double> coldThinking = new ArrayList<>();
        for (int jvm = 0; jvm < Math.max(1, jvms - 1); jvm++) {
          Files.writeString(file, source);
          coldThinking.add(session(src, classes, file, "lat." + name, 1, 2_000).get(0).millis());
        }
        List<Double> warmMillis = new ArrayList<>();
        List<Double> reloader = new ArrayList<>();
        List<Double> javac = new ArrayList<>();
        for (Sample s : warm) {
          warmMillis.add(s.millis());
          reloader.add((double) s.reloaderMillis());
          javac.add((double) s.javacMillis());
        }
        System.out.println(
            String.format(
                Locale.ROOT,
                "| %d lines | %.0f ms %s | %.0f ms %s | %.0f ms (n=%d) | %.0f ms | %.0f-%.0f ms | %.0f / %.0f ms |",
                actual,
                median(coldAtOnce), all(coldAtOnce),
                median(coldThinking), all(coldThinking),
                median(warmMillis), warmMillis.size(),
                percentile(warmMillis, 0.9),
                percentile(warmMillis, 0), percentile(warmMillis, 1),
                median(reloader), median(javac)));
      }
    } finally {
      Trees.delete(work);
    }
  }

  /**
   * One JVM: {@code reloads} crashes, each answered by an edit and {@code c}.
   *
   * @param thinkMillis how long to wait at the first prompt before editing, as a person would
   */
  static List<Sample> session(Path src, Path classes, Path file, String className, int reloads, long thinkMillis)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp", System.getProperty("java.class.path") + File.pathSeparator + classes,
                // What mvn hotrestart:run sets on the program's JVM, plus the prompt without a TTY.
                "-Dhotrestart.enabled=true",
                "-Dhotrestart.interactive=true",
                "-Dhotrestart.sourceRoots=" + src,
                LatencyTarget.class.getName(),
                className,
                Integer.toString(reloads + 1))
            .redirectErrorStream(true)
            .start();
    List<Sample> samples = new ArrayList<>();
    StringBuilder transcript = new StringBuilder();
    try (InputStream out = child.getInputStream(); OutputStream in = child.getOutputStream()) {
      StringBuilder line = new StringBuilder();
      int threshold = 0;
      long typed = -1;
      double latency = -1;
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
            if (samples.isEmpty() && thinkMillis > 0) {
              Thread.sleep(thinkMillis);
            }
            String text = Files.readString(file);
            Files.writeString(file, text.replace(LatencySources.THRESHOLD + threshold + ")", LatencySources.THRESHOLD + (threshold + 1) + ")"));
            threshold++;
            typed = System.nanoTime();
            in.write("c\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            line.setLength(0);
          }
          continue;
        }
        Matcher entered = ENTERED.matcher(line);
        Matcher reloaded = RELOADED.matcher(line);
        if (entered.find() && typed >= 0) {
          latency = (Long.parseLong(entered.group(2)) - typed) / 1e6;
          typed = -1;
        } else if (reloaded.find()) {
          // Printed before the method runs again; completed by the next "entered" line.
          samples.add(new Sample(-1, Integer.parseInt(reloaded.group(1)), Integer.parseInt(reloaded.group(2))));
        }
        if (latency >= 0 && !samples.isEmpty()) {
          Sample last = samples.remove(samples.size() - 1);
          samples.add(new Sample(latency, last.reloaderMillis(), last.javacMillis()));
          latency = -1;
        }
        line.setLength(0);
      }
    }
    if (!child.waitFor(60, TimeUnit.SECONDS) || child.exitValue() != 0 || samples.size() != reloads) {
      child.destroyForcibly();
      throw new IllegalStateException("the latency session failed:\n" + transcript);
    }
    return samples;
  }

  static double median(List<Double> values) {
    return percentile(values, 0.5);
  }

  static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static String all(List<Double> values) {
    StringBuilder text = new StringBuilder("(");
    for (double v : values) {
      text.append(text.length() == 1 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", v));
    }
    return text.append(")").toString();
  }
}
