package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExitStatusTest {

  @Test
  void plainCode() {
    assertEquals("hotrestart:run: com.acme.App exited with code 1", ExitStatus.message("com.acme.App", 1));
    assertEquals("hotrestart:run: com.acme.App exited with code 255", ExitStatus.message("com.acme.App", 255));
  }

  @Test
  void ctrlCIsNamed() {
    assertEquals(
        "hotrestart:run: com.acme.App exited with code 130 (interrupted: Ctrl-C / SIGINT)",
        ExitStatus.message("com.acme.App", 130));
  }

  @Test
  void killAndTermAreNamed() {
    assertEquals("hotrestart:run: App exited with code 137 (killed: SIGKILL)", ExitStatus.message("App", 137));
    assertEquals("hotrestart:run: App exited with code 143 (terminated: SIGTERM)", ExitStatus.message("App", 143));
  }

  @Test
  void isOneLine() {
    assertEquals(1, ExitStatus.message("App", 130).lines().count());
  }
}
