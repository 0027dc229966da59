package dev.hotrestart.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch in a real JVM started with the agent by a shell, which is then killed with SIGKILL:
 * the program ends, its shutdown hooks run (or it halts if one hangs), and the JDK prints no
 * warning about the agent, on this JDK and on 25 where it is installed.
 *
 * <p>The time bounds are not a speed goal but a way to tell the two endings apart on a loaded CI
 * machine, where a JVM's own shutdown alone has been seen to take over two seconds: an ending
 * through {@code System.exit} comes before the halt's grace period, a halt after it.
 */
class ParentDeathTest {

  private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

  @TempDir Path temp;

  static Stream<Path> jdks() {
    List<Path> jdks = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
    if (Files.isExecutable(JDK25.resolve("bin/java")) && !jdks.get(0).equals(JDK25)) {
      jdks.add(JDK25);
    }
    return jdks.stream();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void whenTheParentIsKilledTheProgramRunsItsHooksAndEnds(Path jdk) throws Exception {
    Path output = temp.resolve("program.txt");
    ProcessHandle program = startUnderShellAndKillIt(jdk, output, "");
    long ended = waitForEnd(program, Duration.ofSeconds(30));
    String text = Files.readString(output);
    assertTrue(ended < ParentWatch.GRACE.toMillis() + 5_000, "ended " + ended + " ms after its parent: " + text);
    assertTrue(text.contains("sleeper: running"), text);
    assertTrue(text.matches("(?s).*hotrestart: Maven \\(pid \\d+\\) ended; stopping the program.*"), text);
    assertTrue(text.contains("sleeper: shutdown hook ran"), text);
    assertFalse(text.contains("halting"), text);
    assertFalse(text.contains("WARNING"), "no warning about the agent: " + text);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void aHangingShutdownHookIsCutShortAfterTheGracePeriod(Path jdk) throws Exception {
    Path output = temp.resolve("program.txt");
    ProcessHandle program = startUnderShellAndKillIt(jdk, output, "hang");
    long ended = waitForEnd(program, Duration.ofSeconds(30));
    String text = Files.readString(output);
    assertTrue(ended >= ParentWatch.GRACE.toMillis() && ended < ParentWatch.GRACE.toMillis() + 10_000,
        "ended " + ended + " ms after its parent: " + text);
    assertTrue(text.contains("sleeper: shutdown hook ran"), text);
    assertTrue(text.contains("hotrestart: shutdown hooks still running after 3 s; halting"), text);
  }

  /**
   * Starts a shell that starts the program in the background with the agent watching the shell,
   * waits until the program runs, kills the shell, and returns the program.
   */
  private ProcessHandle startUnderShellAndKillIt(Path jdk, Path output, String argument) throws Exception {
    Path agentJar = agentJar();
    String java = jdk.resolve("bin/java").toString();
    String line =
        quote(java) + " -javaagent:" + quote(agentJar.toString()) + "=" + Agent.WATCH_PARENT + "=$$"
            + " -cp " + quote(System.getProperty("java.class.path")) + " " + Sleeper.class.getName()
            + " " + argument + " >" + quote(output.toString()) + " 2>&1 & echo $!; wait";
    Process shell = new ProcessBuilder("sh", "-c", line).redirectErrorStream(true).start();
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8));
    long pid = Long.parseLong(reader.readLine().trim());
    ProcessHandle program = ProcessHandle.of(pid).orElseThrow();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!(Files.exists(output) && Files.readString(output).contains("sleeper: running"))) {
        assertTrue(System.nanoTime() < deadline && program.isAlive(), "the program did not start");
        Thread.sleep(20);
      }
      shell.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, as kill -9 of Maven
      return program;
    } catch (Throwable e) {
      program.destroyForcibly();
      throw e;
    }
  }

  /** Milliseconds until {@code program} ended; fails if it still runs after {@code timeout}. */
  private static long waitForEnd(ProcessHandle program, Duration timeout) throws InterruptedException {
    long start = System.nanoTime();
    while (program.isAlive()) {
      if (System.nanoTime() - start > timeout.toNanos()) {
        program.destroyForcibly();
        throw new AssertionError("the program still runs " + timeout.toSeconds() + " s after its parent died");
      }
      Thread.sleep(10);
    }
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  /** A jar that is only a manifest naming the agent; its class comes from the class path. */
  private Path agentJar() throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Premain-Class", Agent.class.getName());
    Path jar = temp.resolve("agent.jar");
    try (OutputStream out = Files.newOutputStream(jar)) {
      new JarOutputStream(out, manifest).close(); // the manifest is the whole jar
    }
    return jar;
  }

  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
