package dev.hotrestart.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
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

  private static final Pattern RELOADED = Pattern.compile("reloaded .* in (\\d+) ms \\(javac (\\d+) ms\\)");

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
          List<Sample> samples =
              LatencySession.run(List.of(), src, classes, "lat." + name, reloadsPerJvm, 0, new Threshold(file));
          coldAtOnce.add(samples.get(0).millis());
          warm.addAll(LatencySession.warm(samples));
        }
        List<Double> coldThinking = new ArrayList<>();
        for (int jvm = 0; jvm < Math.max(1, jvms - 1); jvm++) {
          Files.writeString(file, source);
          coldThinking.add(
              LatencySession.run(List.of(), src, classes, "lat." + name, 1, 2_000, new Threshold(file)).get(0).millis());
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

  /** The edits of one session of the class in {@code file}, and the reloader's figures of each. */
  private static final class Threshold implements LatencySession.Program<Sample> {
    private final Path file;
    private int reloaderMillis = -1;
    private int javacMillis = -1;

    Threshold(Path file) {
      this.file = file;
    }

    @Override
    public void edit(int round) throws IOException {
      reloaderMillis = -1;
      javacMillis = -1;
      String text = Files.readString(file);
      Files.writeString(file, text.replace(LatencySources.THRESHOLD + round + ")", LatencySources.THRESHOLD + (round + 1) + ")"));
    }

    @Override
    public void output(String line) {
      Matcher reloaded = RELOADED.matcher(line);
      if (reloaded.find()) {
        reloaderMillis = Integer.parseInt(reloaded.group(1));
        javacMillis = Integer.parseInt(reloaded.group(2));
      }
    }

    @Override
    public Sample sample(double millis) {
      // The reloaded line is printed before the method runs again: without it, this was no reload.
      return reloaderMillis < 0 ? null : new Sample(millis, reloaderMillis, javacMillis);
    }
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

  static String all(List<Double> values) {
    StringBuilder text = new StringBuilder("(");
    for (double v : values) {
      text.append(text.length() == 1 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", v));
    }
    return text.append(")").toString();
  }
}
