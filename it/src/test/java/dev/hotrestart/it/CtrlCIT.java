package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code src/it/ctrl-c}: a program that writes its pid and waits, run on a terminal. Ctrl-C must
 * reach it, and neither Ctrl-C nor ending Maven may leave its JVM behind. While it runs, neither
 * Maven's JVM nor the program's has a port open.
 */
class CtrlCIT {

  static final Duration END = Duration.ofSeconds(60);

  @Test
  void ctrlCReachesTheProgramFailsTheBuildAndLeavesNoJvm() throws Exception {
    try (Running running = Running.start()) {
      Terminal terminal = running.terminal;
      ProcessHandle program = running.program;
      ProcessHandle maven = running.maven;

      assertEquals(List.of(), Sockets.listeningPortsOf(maven.pid()), "Maven's JVM opened no port");
      assertEquals(List.of(), Sockets.listeningPortsOf(program.pid()), "the program's JVM opened no port");

      terminal.press("\u0003"); // Ctrl-C: SIGINT to the terminal's foreground process group
      int exit = terminal.exitCode(END);
      String rest = terminal.rest();
      assertNotEquals(0, exit, terminal.text());
      assertTrue(rest.contains("program: shutting down"), "the program got the signal: " + rest);
      assertTrue(rest.contains("hotrestart:run: waiting.Main exited with code 130 (interrupted: Ctrl-C / SIGINT)"), rest);
      assertFalse(rest.contains("program: nobody stopped me"), rest);
      assertGone(program);
      assertGone(maven);
    }
  }

  @Test
  void endingMavenStopsTheProgram() throws Exception {
    try (Running running = Running.start()) {
      Terminal terminal = running.terminal;
      ProcessHandle program = running.program;

      assertTrue(running.maven.destroy(), "SIGTERM to Maven only, as when its terminal goes away");
      terminal.exitCode(END);
      assertTrue(terminal.rest().contains("program: shutting down"), terminal.rest());
      assertGone(program);
    }
  }

  /** The socket check sees a port when there is one, so its empty answers above mean something. */
  @Test
  void theSocketCheckSeesAnOpenPort() throws Exception {
    long self = ProcessHandle.current().pid();
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<String> ports = Sockets.listeningPortsOf(self);
      String hexPort = String.format(":%04X", server.getLocalPort());
      assertTrue(ports.stream().anyMatch(port -> port.endsWith(hexPort)), ports + " has " + hexPort);
    }
  }

  /** {@code mvn hotrestart:run} on a terminal, once the program said it is ready. */
  private record Running(Terminal terminal, ProcessHandle program, ProcessHandle maven) implements AutoCloseable {

    static Running start() throws Exception {
      SampleProject project = SampleProject.copy("ctrl-c");
      Terminal terminal = project.run();
      try {
        terminal.expect("program: ready", Duration.ofSeconds(120));
        long pid = Long.parseLong(Files.readString(project.file("target/program.pid")).trim());
        Optional<ProcessHandle> program = ProcessHandle.of(pid);
        assertTrue(program.isPresent(), "the program runs as pid " + pid);
        // mvn execs Maven's JVM, which forks the program
        return new Running(terminal, program.get(), program.get().parent().orElseThrow());
      } catch (Exception | AssertionError e) {
        terminal.close();
        throw e;
      }
    }

    @Override
    public void close() {
      terminal.close();
    }
  }

  private static void assertGone(ProcessHandle process) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertFalse(process.isAlive(), "pid " + process.pid() + " is gone: " + process.info());
  }
}
