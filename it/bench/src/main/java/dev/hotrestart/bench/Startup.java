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
 * The same for a Spring Boot application ({@code startup-spring}), up to its {@code
 * CommandLineRunner}: every class Spring loads to get there passes the Java agent.
 */
public final class Startup {

  /** A program to start: its project, the word it prints before the time, what that marks. */
  private record Case(String property, String marker, String until) {}

  private static final List<Case> CASES =
      List.of(
          new Case("bench.startup", "main", "main"),
          new Case("bench.startupSpring", "ready", "the CommandLineRunner"));

  private Startup() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    for (Case program : CASES) {
      measure(program, rounds);
    }
  }

  private static void measure(Case program, int rounds) throws IOException, InterruptedException {
    Path source = Path.of(property(program.property()));
    Path project = copyProject(source, Path.of(property("bench.work")));
    Pattern marker = Pattern.compile("(?:^|m)" + program.marker() + " (\\d+)$");
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("mvn hotrestart:run", List.of("hotrestart:run"));
    commands.put("mvn test-compile exec:exec", List.of("test-compile", "exec:exec"));
    commands.put("mvn exec:exec", List.of("exec:exec"));
    // Builds the classes once, so that every timed run finds them up to date.
    time(project, List.of("test-compile"), null);
    Map<String, List<Double>> toMarker = new LinkedHashMap<>();
    Map<String, List<Double>> total = new LinkedHashMap<>();
    for (int round = 0; round <= rounds; round++) {
      for (Map.Entry<String, List<String>> command : commands.entrySet()) {
        double[] times = time(project, command.getValue(), marker);
        if (round > 0) {
          toMarker.computeIfAbsent(command.getKey(), k -> new ArrayList<>()).add(times[0]);
          total.computeIfAbsent(command.getKey(), k -> new ArrayList<>()).add(times[1]);
        }
      }
    }
    double reference = ReloadLatency.median(toMarker.get("mvn test-compile exec:exec"));
    System.out.println();
    System.out.println("`it/bench/" + source.getFileName() + "`, time to " + program.until() + ":");
    System.out.println();
    System.out.println("| command | time to " + program.marker() + " (median of " + rounds + ") | min-max | until exit | vs test-compile exec:exec |");
    System.out.println("| --- | --- | --- | --- | --- |");
    for (String command : commands.keySet()) {
      List<Double> t = toMarker.get(command);
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
   * @param marker the line whose time to take, or null when the run need not print it
   * @return milliseconds to the marker line and to exit
   */
  private static double[] time(Path project, List<String> goals, Pattern marker)
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
    double toMarker = -1;
    StringBuilder transcript = new StringBuilder();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(maven.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        transcript.append(line).append('\n');
        Matcher main = marker == null ? null : marker.matcher(line.trim());
        if (main != null && main.find() && toMarker < 0) {
          toMarker = (Long.parseLong(main.group(1)) - start) / 1e6;
        }
      }
    }
    boolean exited = maven.waitFor(120, TimeUnit.SECONDS);
    double untilExit = (System.nanoTime() - start) / 1e6;
    if (!exited || maven.exitValue() != 0 || (marker != null && toMarker < 0)) {
      maven.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + transcript);
    }
    return new double[] {toMarker, untilExit};
  }

  private static Path copyProject(Path source, Path work) throws IOException {
    Path target = work.resolve(source.getFileName());
    Trees.delete(target);
    Trees.copy(source, target);
    Path pom = target.resolve("pom.xml");
    Files.writeString(pom, Files.readString(pom).replace("@project.version@", property("bench.version")));
    return target;
  }
}
