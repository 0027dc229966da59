package waiting;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes its process id to {@code target/program.pid}, says it is ready, and waits for two
 * minutes, long enough for a test to interrupt or kill it.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> System.out.println("program: shutting down"), "say-goodbye"));
    Path pidFile = Path.of("target", "program.pid");
    Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
    System.out.println("program: ready, pid " + ProcessHandle.current().pid());
    Thread.sleep(120_000);
    System.out.println("program: nobody stopped me");
  }
}
