package dev.hotrestart.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One JVM of {@link LatencyTarget} under the runtime, driven as a user would: at each prompt the
 * sources are edited, the time is noted and {@code c} typed; the reloaded method's first line
 * ({@link LatencyTarget#firstLine}) prints when it ran again, on the same monotonic clock. The
 * loop of {@link ReloadLatency} and {@link ReachLatency}; a {@link Program} says what differs.
 */
final class LatencySession {

  private static final Pattern ENTERED = Pattern.compile("entered (\\d+) (\\d+)");
  private static final String PROMPT = "(hotrestart) ";

  private LatencySession() {}

  /** The edits a session makes, and what each reload's sample holds besides its latency. */
  interface Program<S> {

    /**
     * Edits the sources for reload {@code round} (0 for the first prompt). Called at each prompt,
     * just before the clock starts, so it is also where the state of the previous round is reset.
     */
    void edit(int round) throws IOException;

    /** A line of the program's output that is not the timed first line. */
    void output(String line);

    /**
     * The sample of the reload just timed, or {@code null} when the output since {@code c} lacked
     * what a sample needs: the session then fails with its transcript, as no sample was counted.
     */
    S sample(double millis);
  }

  /**
   * Runs {@code reloads} crashes, each answered by {@code program}'s edit and {@code c}.
   *
   * @param jvmOptions options of the program's JVM besides those {@code mvn hotrestart:run} sets
   * @param thinkMillis how long to wait at the first prompt before editing, as a person would
   */
  static <S> List<S> run(
      List<String> jvmOptions, Path src, Path classes, String className, int reloads, long thinkMillis, Program<S> program)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-cp", System.getProperty("java.class.path") + File.pathSeparator + classes,
            // What mvn hotrestart:run sets on the program's JVM, plus the prompt without a TTY.
            "-Dhotrestart.enabled=true",
            "-Dhotrestart.interactive=true",
            "-Dhotrestart.sourceRoots=" + src,
            LatencyTarget.class.getName(),
            className,
            Integer.toString(reloads + 1)));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<S> samples = new ArrayList<>();
    StringBuilder transcript = new StringBuilder();
    try (InputStream out = child.getInputStream(); OutputStream in = child.getOutputStream()) {
      StringBuilder line = new StringBuilder();
      int round = 0;
      long typed = -1;
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
            if (round == 0 && thinkMillis > 0) {
              Thread.sleep(thinkMillis);
            }
            program.edit(round++);
            typed = System.nanoTime();
            in.write("c\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            line.setLength(0);
          }
          continue;
        }
        Matcher entered = ENTERED.matcher(line);
        if (entered.find() && typed >= 0) {
          S sample = program.sample((Long.parseLong(entered.group(2)) - typed) / 1e6);
          if (sample != null) {
            samples.add(sample);
          }
          typed = -1;
        } else {
          program.output(line.toString());
        }
        line.setLength(0);
      }
    }
    if (!child.waitFor(60, TimeUnit.SECONDS) || child.exitValue() != 0 || samples.size() != reloads) {
      child.destroyForcibly();
      throw new IllegalStateException("the latency session of " + className + " failed:\n" + transcript);
    }
    return samples;
  }

  /**
   * The reloads of one session that count as warm: those after the fifth, as the first five still
   * warm javac up; with fewer reloads (a smoke test), all but the first.
   */
  static <S> List<S> warm(List<S> samples) {
    return samples.subList(samples.size() > 5 ? 5 : Math.min(1, samples.size()), samples.size());
  }
}
