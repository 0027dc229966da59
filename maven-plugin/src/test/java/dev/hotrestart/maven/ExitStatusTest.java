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

  /** hotrestart:test: 1 is the runtime's "a test failed", whose summary was just printed. */
  @Test
  void theTestGoalSaysTestsFailedForOneAndNamesTheRest() {
    assertEquals(
        "hotrestart:test: there are test failures (the summary above lists them)", ExitStatus.testMessage(1));
    assertEquals(
        "hotrestart:test: the tests' JVM exited with code 130 (interrupted: Ctrl-C / SIGINT)",
        ExitStatus.testMessage(130));
  }
}
