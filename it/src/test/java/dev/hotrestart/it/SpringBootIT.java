package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.it.SampleProject.Reader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A Spring Boot application restarts (issue "Every instance restarts"): the {@code @Service}
 * {@code WordService} of the sample {@code spring-service} is annotated {@code @HotRestartable}
 * and made by Spring with its own constructor call, not by the generated factory. Its crash in a
 * {@code CommandLineRunner}, after two words were counted, opens the prompt in the user's method;
 * {@code c} applies the fix and the run ends with the counts made before the crash kept, and
 * {@code q} lets Spring report the failure as it would without hotrestart.
 */
class SpringBootIT {

  private static final String SERVICE = "src/main/java/words/WordService.java";
  private static final Duration RELOAD = Duration.ofSeconds(60);

  @Test
  void aCrashInASpringServiceOpensThePromptAndContinueKeepsTheState() throws Exception {
    SampleProject project = SampleProject.copy("spring-service");
    try (Terminal terminal = project.run(Reader.LINE_EDITOR)) {
      String crash = terminal.prompt();
      assertTrue(crash.contains("added apple\nadded pear\n"), crash);
      assertTrue(crash.contains("crashed in words.WordService.add(String)\n"), crash);
      assertTrue(crash.contains("IllegalArgumentException: empty word"), crash);
      assertFalse(crash.contains("Application run failed"), crash);

      project.edit(
          SERVICE,
          "throw new IllegalArgumentException(\"empty word\");",
          "return \"(nothing)\";");
      terminal.type("c");
      String done = terminal.expect("tally .*\n", RELOAD);
      assertTrue(
          done.contains("hotrestart: reloaded words.WordService.add(String) from WordService.java in "),
          done);
      assertTrue(done.contains("added (nothing)\nadded apple\nadded fig\n"), done);
      // Apple and pear were counted before the crash: the same Tally, the same service.
      assertTrue(done.contains("tally {apple=2, fig=1, pear=1}\n"), done);
      assertEquals(0, terminal.exitCode(RELOAD), terminal.text());
      assertFalse(terminal.text().contains("Application run failed"), terminal.text());
    }
  }

  @Test
  void quitLetsSpringReportTheFailure() throws Exception {
    SampleProject project = SampleProject.copy("spring-service");
    try (Terminal terminal = project.run()) {
      String crash = terminal.prompt();
      assertTrue(crash.contains("crashed in words.WordService.add(String)\n"), crash);
      terminal.type("q");
      String failed =
          terminal.expect("java.lang.IllegalArgumentException: empty word", RELOAD);
      assertTrue(failed.contains("Application run failed"), failed);
      assertNotEquals(0, terminal.exitCode(RELOAD), terminal.text());
      assertFalse(terminal.text().contains("tally "), terminal.text());
    }
  }
}
