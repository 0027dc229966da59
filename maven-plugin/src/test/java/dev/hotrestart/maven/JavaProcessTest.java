package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaProcessTest {

  @TempDir Path temp;

  private Path classes;
  private final List<String> debug = new ArrayList<>();

  @BeforeEach
  void compilePrograms() throws IOException {
    classes =
        TestCompiler.compile(
            temp.resolve("classes"),
            Map.of(
                "Exit",
                "public class Exit { public static void main(String[] a) { System.exit(Integer.parseInt(a[0])); } }",
                "Report",
                "import java.nio.file.*; public class Report { public static void main(String[] a) throws Exception {"
                    + " Files.writeString(Path.of(a[0]), Path.of(\"\").toAbsolutePath() + \"\\n\""
                    + " + System.getenv(\"HR_TEST\") + \"\\n[\" + System.getenv(\"HR_EMPTY\") + \"]\\n\""
                    + " + (System.getenv(\"PATH\") != null)); } }",
                "Sleep",
                "public class Sleep { public static void main(String[] a) throws Exception {"
                    + " if (a.length > 0 && a[0].equals(\"hang\")) { Runtime.getRuntime().addShutdownHook(new Thread(() -> {"
                    + "   try { Thread.sleep(600_000); } catch (InterruptedException e) { } })); }"
                    + " System.out.println(\"ready\"); System.out.flush(); Thread.sleep(600_000); } }"));
  }

  private List<String> java(String... mainAndArguments) {
    List<String> command = new ArrayList<>();
    command.add(JavaCommand.javaExecutable(Path.of(System.getProperty("java.home"))).toString());
    command.add("-cp");
    command.add(classes.toString());
    command.addAll(List.of(mainAndArguments));
    return command;
  }

  @Test
  void returnsTheProgramsExitCode() throws Exception {
    JavaProcess process = new JavaProcess(debug::add);
    assertEquals(0, process.run(java("Exit", "0"), temp, Map.of()));
    assertEquals(7, process.run(java("Exit", "7"), temp, Map.of()));
    assertTrue(debug.stream().anyMatch(line -> line.startsWith("hotrestart:run: starting ")), debug.toString());
  }

  private JavaCommand exit(String code) {
    return JavaCommand.builder()
        .javaExecutable(JavaCommand.javaExecutable(Path.of(System.getProperty("java.home"))))
        .classPath(ClassPath.of(List.of(classes.toString())))
        .mainClass("Exit")
        .arguments(List.of(code))
        .build();
  }

  @Test
  void runProgramReturnsOnZeroAndFailsTheBuildWithOneLineOtherwise() throws Exception {
    JavaProcess process = new JavaProcess(debug::add);
    Path argFile = temp.resolve("cp.argfile");

    process.runProgram(exit("0"), argFile, temp, Map.of());

    MojoFailureException failure =
        assertThrows(MojoFailureException.class, () -> process.runProgram(exit("143"), argFile, temp, Map.of()));
    assertEquals(ExitStatus.message("Exit", 143), failure.getMessage());

    MojoExecutionException notStarted =
        assertThrows(
            MojoExecutionException.class,
            () -> process.runProgram(exit("0"), argFile, temp.resolve("no such dir"), Map.of()));
    assertTrue(
        notStarted.getMessage().startsWith("hotrestart:run: cannot run Exit: working directory "),
        notStarted.getMessage());
  }

  @Test
  void runsInTheWorkingDirectoryWithTheExtraEnvironment() throws Exception {
    Path workingDirectory = Files.createDirectories(temp.resolve("work dir"));
    Path report = temp.resolve("report.txt");
    Map<String, String> environment = new HashMap<>();
    environment.put("HR_TEST", "a value");
    environment.put("HR_EMPTY", null);

    int code = new JavaProcess(debug::add).run(java("Report", report.toString()), workingDirectory, environment);

    assertEquals(0, code);
    assertEquals(
        List.of(workingDirectory.toAbsolutePath().toString(), "a value", "[]", "true"),
        Files.readAllLines(report, StandardCharsets.UTF_8));
  }

  @Test
  void aMissingWorkingDirectoryIsReported() {
    Path missing = temp.resolve("nowhere");
    IOException e =
        assertThrows(IOException.class, () -> new JavaProcess(debug::add).run(java("Exit", "0"), missing, Map.of()));
    assertEquals("working directory " + missing + " does not exist", e.getMessage());
  }

  @Test
  void stopEndsAProgramPolitely() throws Exception {
    Process process = startAndAwaitReady(java("Sleep"));
    JavaProcess.stop(process, Duration.ofSeconds(10));
    assertFalse(process.isAlive());
    // SIGTERM, handled by the JVM's own shutdown: 143 on POSIX; Windows terminates with 1
    assertTrue(process.exitValue() == 143 || process.exitValue() == 1, "exit " + process.exitValue());
  }

  @Test
  void stopKillsAProgramThatDoesNotEndInTime() throws Exception {
    Process process = startAndAwaitReady(java("Sleep", "hang"));
    long start = System.nanoTime();
    JavaProcess.stop(process, Duration.ofMillis(500));
    assertFalse(process.isAlive());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofMillis(450)) >= 0);
  }

  @Test
  void interruptingTheWaitStopsTheProgram() throws Exception {
    String marker = "marker-" + System.nanoTime();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread runner =
        new Thread(
            () -> {
              try {
                new JavaProcess(debug::add).run(java("Sleep", "x", marker), temp, Map.of());
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    runner.start();
    ProcessHandle child = awaitChild(marker);
    runner.interrupt();
    runner.join(30_000);

    assertFalse(runner.isAlive());
    assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
    assertFalse(child.isAlive(), "the program must not outlive an interrupted wait");
  }

  private static ProcessHandle awaitChild(String marker) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      Optional<ProcessHandle> child =
          ProcessHandle.current()
              .children()
              .filter(p -> p.info().arguments().map(a -> List.of(a).contains(marker)).orElse(false))
              .findFirst();
      if (child.isPresent()) {
        return child.get();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the program did not start");
  }

  private static Process startAndAwaitReady(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("ready", out.readLine());
    return process;
  }
}
