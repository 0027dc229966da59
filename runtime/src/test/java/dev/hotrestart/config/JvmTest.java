package dev.hotrestart.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the runtime knows of its JVM: whether it is ending, asked in a real JVM's shutdown. */
class JvmTest {

  @Test
  void aRunningJvmIsNotShuttingDown() {
    assertFalse(Jvm.shuttingDown());
    assertFalse(Jvm.shuttingDown(), "asking twice leaves no hook behind");
  }

  @Test
  void aShutdownHookSeesTheJvmShuttingDown() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), AsksInItsHook.class.getName())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(60, TimeUnit.SECONDS);
    assertEquals("main: false\nhook: true\n", output.replace("\r\n", "\n"));
  }

  /**
   * A build writes files (the proxies' sources, class files) and starts the program's JVM at
   * once; none of them was saved after that JVM started. {@link ProcessHandle}'s start instant,
   * a second early on Linux, counted them as saved since.
   */
  @Test
  void aFileWrittenJustBeforeTheJvmStartsWasNotSavedAfterItStarted(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("HotRestart_Generated.java");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int round = 0; round < 3; round++) {
      Files.writeString(file, "class HotRestart_Generated {} // " + round);
      Process process =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  ComparesWithItsStart.class.getName(),
                  file.toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(60, TimeUnit.SECONDS);
      assertEquals("saved after the start: false\n", output.replace("\r\n", "\n"));
    }
  }

  /** Prints whether the file named by its argument was modified after this JVM started. */
  static final class ComparesWithItsStart {
    public static void main(String[] args) throws Exception {
      Instant modified = Files.getLastModifiedTime(Path.of(args[0])).toInstant();
      System.out.println("saved after the start: " + modified.isAfter(Jvm.started()));
    }
  }

  /** Prints what {@link Jvm#shuttingDown} says in {@code main} and in a shutdown hook. */
  static final class AsksInItsHook {
    public static void main(String[] args) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> System.out.println("hook: " + Jvm.shuttingDown())));
      System.out.println("main: " + Jvm.shuttingDown());
    }
  }
}
