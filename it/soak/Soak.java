import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The soak (it/soak/run starts it; see site/performance.md): runs the program of {@code
 * program/} under the real {@code mvn hotrestart:run} on a pseudo-terminal ({@code script}, TERM
 * xterm: the line editor, as a person gets it) for N minutes, answering each prompt with commands
 * picked at random from a fixed seed, and checks: every prompt answered in time (no hang), the
 * threads' own counts equal the object's (no lost update), threads and open files flat after
 * warm-up, no file left in the program's tmpdir, used heap after GC flat.
 *
 * <p>Usage: {@code java Soak.java WORK MVN SETTINGS REPO [minutes] [seed]}, WORK holding a copy of
 * {@code program/} with the version filled in.
 */
public final class Soak {

  static final Pattern ANSI = Pattern.compile("\u001B(\\[[0-9;?]*[A-Za-z]|[=>])");
  static final String PROMPT = "(hotrestart) ";
  /** A prompt that does not come back within this is a hang. */
  static final Duration HANG = Duration.ofSeconds(60);

  static final String[] PRINTS = {
    "p n", "p n * 2 + 1", "p this.total() > 0", "p java.util.List.of(1, 2, 3).size()", "p \"soak\".repeat(3)"
  };
  static final String[] READS = {"w", "a", "l", "h", "locals"};
  static final String[] BAD = {
    "xyz", "p )(", "p noSuchName", "p n.", "p \"unterminated", "zz top", "x".repeat(300), "p 1 +* 2"
  };

  final Path work;
  final Path program;
  final Path tmp;
  final Path status;
  final Path stop;
  final StringBuilder screen = new StringBuilder();
  int consumed;
  final Map<String, List<Long>> answers = new LinkedHashMap<>();
  final List<Sample> samples = new ArrayList<>();
  volatile long programPid = -1;

  record Sample(long seconds, long calls, long crashes, long threads, long heapUsed, long fds, long tmpFiles) {}

  /** Whether Ctrl-C is among the keys that close a prompt (SOAK_CTRL_C=0 leaves it out). */
  final boolean ctrlC;

  Soak(Path work, boolean ctrlC) {
    this.work = work;
    this.ctrlC = ctrlC;
    this.program = work.resolve("program");
    this.tmp = work.resolve("program-tmp");
    this.status = work.resolve("status.txt");
    this.stop = work.resolve("stop");
  }

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]).toAbsolutePath();
    double minutes = args.length > 4 ? Double.parseDouble(args[4]) : 10;
    long seed = args.length > 5 ? Long.parseLong(args[5]) : 1;
    boolean ctrlC = !"0".equals(System.getenv("SOAK_CTRL_C"));
    System.exit(new Soak(work, ctrlC).run(args[1], args[2], args[3], minutes, seed));
  }

  int run(String mvn, String settings, String repo, double minutes, long seed) throws Exception {
    Files.createDirectories(tmp);
    Files.deleteIfExists(status);
    Files.deleteIfExists(stop);
    String jvmArgs = "-Dhotrestart.history=none -Djava.io.tmpdir=" + tmp + " -Dsoak.status=" + status
        + " -Dsoak.stop=" + stop;
    String line = "stty cols 120 rows 40; " + quote(mvn) + " -B -ntp -s " + quote(settings)
        + " -Dmaven.repo.local=" + quote(repo) + " hotrestart:run " + quote("-Dhotrestart.jvmArgs=" + jvmArgs)
        + "; echo \"soak-exit $?\"";
    ProcessBuilder builder =
        new ProcessBuilder("script", "-qfec", "trap : INT; " + line, "/dev/null")
            .directory(program.toFile())
            .redirectErrorStream(true);
    builder.environment().put("TERM", "xterm");
    builder.environment().put("NO_COLOR", "1");
    builder.environment().remove("MAVEN_OPTS");
    Process terminal = builder.start();
    startReader(terminal.getInputStream());
    OutputStream keyboard = terminal.getOutputStream();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleAtFixedRate(this::sample, 10, 10, TimeUnit.SECONDS);

    Random random = new Random(seed);
    long start = System.nanoTime();
    long end = start + (long) (minutes * 60e9);
    String problem = null;
    int prompts = 0;
    try {
      if (!awaitPrompt(Duration.ofMinutes(5))) {
        problem = "no first prompt within 5 minutes";
      }
      if (problem == null) {
        System.out.println("soak: first prompt; answering prompts until " + minutes + " min have passed");
      }
      while (problem == null && System.nanoTime() < end) {
        prompts++;
        // a few commands that keep the prompt open, then one that closes it
        int open = random.nextInt(4);
        for (int i = 0; i < open && problem == null; i++) {
          String[] pool = switch (random.nextInt(3)) {
            case 0 -> PRINTS;
            case 1 -> READS;
            default -> BAD;
          };
          String command = pool[random.nextInt(pool.length)];
          String kind = pool == PRINTS ? "p EXPR" : pool == READS ? "w/a/l/h/locals" : "bad input";
          problem = answer(keyboard, command + "\n", kind, random, start, prompts);
        }
        if (problem == null) {
          int pick = random.nextInt(10);
          if (!ctrlC && pick >= 8) {
            pick = 0; // typed c instead: the seed's other choices stay the same
          }
          String keys = pick < 5 ? "c\n" : pick < 8 ? "r\n" : "\u0003";
          String kind = pick < 5 ? "c" : pick < 8 ? "r" : "Ctrl-C";
          problem = answer(keyboard, keys, kind, random, start, prompts);
        }
      }
      if (problem != null) {
        dumpThreads(); // before anything else changes: where the program hangs
      }
      // stop: the threads see the file; the prompt still open, and any later one, gets c
      sampler.shutdownNow(); // the samples compare running states only
      sampler.awaitTermination(10, TimeUnit.SECONDS);
      Files.writeString(stop, "stop\n");
      if (problem == null) {
        type(keyboard, "c\n");
      }
      long deadline = System.nanoTime() + HANG.toNanos() * 2;
      while (terminal.isAlive() && System.nanoTime() < deadline) {
        if (awaitPrompt(Duration.ofSeconds(2))) {
          type(keyboard, "c\n");
        }
      }
      if (terminal.isAlive() && problem == null) {
        problem = "the program did not end within " + HANG.toSeconds() * 2 + " s of the stop file";
      }
    } finally {
      sampler.shutdownNow();
      if (terminal.isAlive()) {
        terminal.descendants().forEach(ProcessHandle::destroyForcibly);
        terminal.destroyForcibly();
      }
    }
    terminal.waitFor(10, TimeUnit.SECONDS);
    Files.writeString(work.resolve("terminal.txt"), text());
    return report(minutes, seed, prompts, problem);
  }

  /** Types {@code keys} after a pause, and waits for the next prompt; returns a problem or null. */
  String answer(OutputStream keyboard, String keys, String kind, Random random, long started, int prompt)
      throws Exception {
    Thread.sleep(200 + random.nextInt(800));
    long typed = System.nanoTime();
    type(keyboard, keys);
    if (!awaitPrompt(HANG)) {
      return String.format("no prompt within %d s after %s at %.1f min, prompt %d", HANG.toSeconds(), kind,
          (System.nanoTime() - started) / 60e9, prompt);
    }
    answers.computeIfAbsent(kind, k -> new ArrayList<>()).add((System.nanoTime() - typed) / 1_000_000);
    return null;
  }

  /** The program's threads, with {@code jcmd PID Thread.print}, into threads.txt. */
  void dumpThreads() {
    try {
      Map<String, String> last = lastStatus();
      if (last == null) {
        return;
      }
      String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
      Process dump = new ProcessBuilder(jcmd, last.get("pid"), "Thread.print")
          .redirectErrorStream(true)
          .redirectOutput(work.resolve("threads.txt").toFile())
          .start();
      dump.waitFor(60, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      System.err.println("soak: no thread dump: " + e);
    }
  }

  static void type(OutputStream keyboard, String keys) throws IOException {
    keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
  }

  void startReader(InputStream output) {
    Thread reader =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try {
                for (int n; (n = output.read(buffer)) >= 0; ) {
                  synchronized (screen) {
                    screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    screen.notifyAll();
                  }
                }
              } catch (IOException e) {
                // the terminal closed
              }
            },
            "soak-terminal");
    reader.setDaemon(true);
    reader.start();
  }

  String text() {
    synchronized (screen) {
      return ANSI.matcher(screen.toString().replace("\r\n", "\n").replace("\r", "")).replaceAll("");
    }
  }

  /** Waits for a prompt printed after the last one seen. */
  boolean awaitPrompt(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (screen) {
      while (true) {
        String all = text();
        int at = all.indexOf(PROMPT, Math.min(consumed, all.length()));
        if (at >= 0) {
          consumed = at + PROMPT.length();
          return true;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        screen.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
      }
    }
  }

  /** One sample: the program's last status line, its open files and its tmpdir. */
  void sample() {
    try {
      Map<String, String> last = lastStatus();
      if (last == null || last.get("final").equals("true")) {
        return;
      }
      long pid = Long.parseLong(last.get("pid"));
      programPid = pid;
      long fds;
      try (Stream<Path> list = Files.list(Path.of("/proc/" + pid + "/fd"))) {
        fds = list.count();
      } catch (IOException e) {
        return; // ended meanwhile
      }
      long tmpFiles;
      try (Stream<Path> list = Files.list(tmp)) {
        tmpFiles = list.count();
      }
      synchronized (samples) {
        samples.add(new Sample(Long.parseLong(last.get("seconds")), Long.parseLong(last.get("calls")),
            Long.parseLong(last.get("crashes")), Long.parseLong(last.get("threads")),
            Long.parseLong(last.get("heapUsed")), fds, tmpFiles));
      }
    } catch (Exception e) {
      System.err.println("soak: sample failed: " + e);
    }
  }

  Map<String, String> lastStatus() throws IOException {
    if (!Files.exists(status)) {
      return null;
    }
    List<String> lines = Files.readAllLines(status);
    if (lines.isEmpty()) {
      return null;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher matcher = Pattern.compile("(\\w+)=(\\S+)").matcher(lines.get(lines.size() - 1));
    while (matcher.find()) {
      fields.put(matcher.group(1), matcher.group(2));
    }
    return fields;
  }

  int report(double minutes, long seed, int prompts, String problem) throws IOException {
    List<String> out = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    if (problem != null) {
      failures.add("hang: " + problem + " (the program's threads then: threads.txt)");
    }
    Map<String, String> last = lastStatus();
    out.add("Soak: " + minutes + " min, seed " + seed + (ctrlC ? "" : ", without Ctrl-C") + ", " + Runtime.getRuntime().availableProcessors()
        + " cores, load average at the end " + loadAverage());
    out.add("");
    out.add("| command | answered | median ms to the next prompt | max ms |");
    out.add("| --- | ---: | ---: | ---: |");
    answers.forEach((kind, times) -> {
      List<Long> sorted = times.stream().sorted().toList();
      out.add("| " + kind + " | " + sorted.size() + " | " + sorted.get(sorted.size() / 2) + " | "
          + sorted.get(sorted.size() - 1) + " |");
    });
    out.add("");
    out.add("(c, r and Ctrl-C close the prompt: their time includes the 3 s until the next crash.)");
    out.add("");
    if (last == null || !"true".equals(last.get("final"))) {
      failures.add("the program wrote no final status: " + last);
    } else {
      long calls = Long.parseLong(last.get("calls"));
      long counted = Long.parseLong(last.get("counted"));
      out.add("- prompts: " + prompts + "; crashes " + last.get("crashes") + ", raised to the caller "
          + last.get("raised"));
      out.add("- wrapped calls: " + calls + " by the threads, " + counted + " counted by the object: "
          + (calls - counted) + " lost");
      if (calls != counted) {
        failures.add("lost updates: " + (calls - counted));
      }
    }
    List<Sample> all;
    synchronized (samples) {
      all = List.copyOf(samples);
    }
    long warmUp = (long) Math.min(60, minutes * 60 * 0.2);
    List<Sample> after = all.stream().filter(s -> s.seconds() >= warmUp).toList();
    if (after.size() < 3) {
      failures.add("too few samples after warm-up: " + after.size());
    } else {
      Sample first = after.get(0);
      Sample lastSample = after.get(after.size() - 1);
      // a prompt open at a sample holds a thread or two more (Ctrl-C watch, reader): compare maxima
      // of the first and last windows of 3 samples
      long threadsStart = window(after, true, Sample::threads);
      long threadsEnd = window(after, false, Sample::threads);
      long fdsStart = window(after, true, Sample::fds);
      long fdsEnd = window(after, false, Sample::fds);
      out.add("- samples: " + all.size() + " (every 10 s), " + after.size() + " after the " + warmUp
          + " s warm-up");
      out.add("- threads (max of 3 samples): " + threadsStart + " after warm-up, " + threadsEnd + " at the end");
      out.add("- open files (/proc/PID/fd, max of 3 samples): " + fdsStart + " after warm-up, " + fdsEnd
          + " at the end");
      double slope = slopeMbPerMinute(after);
      long min = after.stream().mapToLong(Sample::heapUsed).min().orElse(0);
      long max = after.stream().mapToLong(Sample::heapUsed).max().orElse(0);
      out.add(String.format("- used heap after GC: %.1f MB after warm-up, %.1f MB at the end, min %.1f, max %.1f;"
              + " trend %+.2f MB/min", mb(first.heapUsed()), mb(lastSample.heapUsed()), mb(min), mb(max), slope));
      long rate = (lastSample.calls() - first.calls()) / Math.max(1, lastSample.seconds() - first.seconds());
      out.add("- throughput: " + rate + " wrapped calls/s (8 threads, 1 ms pause every 50 calls)");
      if (threadsEnd > threadsStart + 1) {
        failures.add("threads grew: " + threadsStart + " -> " + threadsEnd);
      }
      if (fdsEnd > fdsStart + 2) {
        failures.add("open files grew: " + fdsStart + " -> " + fdsEnd);
      }
      if (slope > 1.0) {
        failures.add(String.format("used heap grows %.2f MB/min", slope));
      }
    }
    long leftInTmp;
    try (Stream<Path> list = Files.list(tmp)) {
      leftInTmp = list.count();
    }
    out.add("- files left in the program's java.io.tmpdir after it ended: " + leftInTmp);
    if (leftInTmp > 0) {
      failures.add(leftInTmp + " files left in " + tmp);
    }
    out.add("");
    out.add(failures.isEmpty() ? "PASS" : "FAIL: " + String.join("; ", failures));
    String text = String.join("\n", out) + "\n";
    Files.writeString(work.resolve("soak-report.md"), text);
    StringBuilder csv = new StringBuilder("seconds,calls,crashes,threads,heapUsed,fds,tmpFiles\n");
    for (Sample s : all) {
      csv.append(s.seconds()).append(',').append(s.calls()).append(',').append(s.crashes()).append(',')
          .append(s.threads()).append(',').append(s.heapUsed()).append(',').append(s.fds()).append(',')
          .append(s.tmpFiles()).append('\n');
    }
    Files.writeString(work.resolve("samples.csv"), csv);
    System.out.print(text);
    System.out.println("(report: " + work.resolve("soak-report.md") + ", samples: " + work.resolve("samples.csv")
        + ", terminal: " + work.resolve("terminal.txt") + ")");
    return failures.isEmpty() ? 0 : 1;
  }

  static long window(List<Sample> samples, boolean first, java.util.function.ToLongFunction<Sample> value) {
    List<Sample> window = first ? samples.subList(0, 3) : samples.subList(samples.size() - 3, samples.size());
    return window.stream().mapToLong(value).max().orElse(0);
  }

  /** Least-squares slope of used heap over time. */
  static double slopeMbPerMinute(List<Sample> samples) {
    double n = samples.size();
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (Sample s : samples) {
      double x = s.seconds() / 60.0;
      double y = mb(s.heapUsed());
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    double denominator = n * sxx - sx * sx;
    return denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator;
  }

  static double mb(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
