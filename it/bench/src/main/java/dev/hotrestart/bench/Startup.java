package dev.hotrestart.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time from typing the Maven command to the program's {@code main}, for the same program (the
 * {@code startup} project beside this benchmark) under {@code mvn hotrestart:run} and under
 * {@code mvn exec:exec}. {@code hotrestart:run} runs the lifecycle up to {@code test-compile}
 * first, so it is compared with {@code mvn test-compile exec:exec}, which does the same work
 * before forking; plain {@code exec:exec} (no lifecycle at all) is shown too. Classes up to
 * date, no network, one warm-up round, then rounds that alternate the commands. {@code main}
 * prints {@code System.nanoTime()}, the machine's monotonic clock, shared with this process.
 */
public final class Startup {

  private static final Pattern MAIN = Pattern.compile("(?:^|m)main (\\d+)$");

  private Startup() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path project = copyProject(Path.of(property("bench.startup")), Path.of(property("bench.work")));
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("mvn hotrestart:run", List.of("hotrestart:run"));
    commands.put("mvn test-compile exec:exec", List.of("test-compile", "exec:exec"));
    commands.put("mvn exec:exec", List.of("exec:exec"));
    // Builds the classes once, so that every timed run finds them up to date.
    time(project, List.of("test-compile"), false);
    Map<String, List<Double>> toMain = new LinkedHashMap<>();
    Map<String, List<Double>> total = new LinkedHashMap<>();
    for (int round = 0; round <= rounds; round++) {
      for (Map.Entry<String, List<String>> command : commands.entrySet()) {
        double[] times = time(project, command.getValue(), true);
        if (round > 0) {
          toMain.computeIfAbsent(command.getKey(), k -> new ArrayList<>()).add(times[0]);
          total.computeIfAbsent(command.getKey(), k -> new ArrayList<>()).add(times[1]);
        }
      }
    }
    double reference = ReloadLatency.median(toMain.get("mvn test-compile exec:exec"));
    System.out.println("| command | time to main (median of " + rounds + ") | min-max | until exit | vs test-compile exec:exec |");
    System.out.println("| --- | --- | --- | --- | --- |");
    for (String command : commands.keySet()) {
      List<Double> t = toMain.get(command);
      System.out.println(
          String.format(
              Locale.ROOT,
              "| `%s` | %.0f ms | %.0f-%.0f ms | %.0f ms | %.2fx |",
              command,
              ReloadLatency.median(t),
              t.stream().mapToDouble(Double::doubleValue).min().orElse(0),
              t.stream().mapToDouble(Double::doubleValue).max().orElse(0),
              ReloadLatency.median(total.get(command)),
              ReloadLatency.median(t) / reference));
    }
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(name + " is not set: start the benchmarks with it/bench/run");
    }
    return value;
  }

  /**
   * Runs Maven offline on the project.
   *
   * @return milliseconds to main and to exit
   */
  private static double[] time(Path project, List<String> goals, boolean expectMain)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(property("bench.mvn"));
    command.addAll(
        List.of(
            // Quiet, no colours (their escape codes would glue onto main's line), and no network:
            // the settings' only remote is a file mirror of the user's repository. (Not -o:
            // offline mode refuses file:// remotes too.)
            "-B", "-q", "-Dstyle.color=never",
            "-s", Path.of(property("bench.settings")).toAbsolutePath().toString(),
            "-Dmaven.repo.local=" + Path.of(property("bench.repo")).toAbsolutePath()));
    command.addAll(goals);
    long start = System.nanoTime();
    Process maven =
        new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
    maven.getOutputStream().close();
    double toMain = -1;
    StringBuilder transcript = new StringBuilder();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(maven.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        transcript.append(line).append('\n');
        Matcher main = MAIN.matcher(line.trim());
        if (main.find() && toMain < 0) {
          toMain = (Long.parseLong(main.group(1)) - start) / 1e6;
        }
      }
    }
    boolean exited = maven.waitFor(120, TimeUnit.SECONDS);
    double untilExit = (System.nanoTime() - start) / 1e6;
    if (!exited || maven.exitValue() != 0 || (expectMain && toMain < 0)) {
      maven.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + transcript);
    }
    return new double[] {toMain, untilExit};
  }

  private static Path copyProject(Path source, Path work) throws IOException {
    Path target = work.resolve("startup");
    Trees.delete(target);
    Trees.copy(source, target);
    Path pom = target.resolve("pom.xml");
    Files.writeString(pom, Files.readString(pom).replace("@project.version@", property("bench.version")));
    return target;
  }
}
