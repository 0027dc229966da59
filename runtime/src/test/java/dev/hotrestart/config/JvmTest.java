package dev.hotrestart.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

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

  /** Prints what {@link Jvm#shuttingDown} says in {@code main} and in a shutdown hook. */
  static final class AsksInItsHook {
    public static void main(String[] args) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> System.out.println("hook: " + Jvm.shuttingDown())));
      System.out.println("main: " + Jvm.shuttingDown());
    }
  }
}
