package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code src/it/reactor}: {@code app} (the main class) depends on {@code lib} (a wrapped class,
 * no main), run as {@code mvn -pl app -am hotrestart:run} from the root, and as {@code mvn -pl
 * app hotrestart:run}, where lib's classes come from the local repository.
 */
class ReactorIT {

  static final String SHOUTER = "lib/src/main/java/lib/Shouter.java";

  @Test
  void runsTheAppAndSkipsTheLibraryWithOneLine() throws Exception {
    String output = SampleProject.copy("reactor").build("-pl", "app", "-am", "hotrestart:run").succeeded().output();
    assertTrue(output.contains("[INFO] hotrestart:run: no main class in lib, skipped"), output);
    assertTrue(output.contains("app says REACTOR!"), output);
    // the proxies are in lib, on app's class path: nothing is missing
    assertFalse(output.contains("no generated HotRestart_* classes"), output);
  }

  @Test
  void aCrashInTheLibraryModuleShowsItsSourceAndReloadsIt() throws Exception {
    SampleProject project = SampleProject.copy("reactor");
    // an empty word makes lib's Shouter throw
    try (Terminal pipe = project.pipeWithPrompt("-pl", "app", "-am", "hotrestart:run", "-Dhotrestart.args=''")) {
      String crash = pipe.prompt();
      assertTrue(crash.contains("crashed in lib.Shouter.shout(String)"), crash);
      assertTrue(crash.contains(project.file(SHOUTER) + ":11"), "lib's source is found: " + crash);

      project.edit(SHOUTER, "throw new IllegalArgumentException(\"nothing to shout\");", "return \"(silence)\";");
      pipe.type("c");
      String end = pipe.expect("app says \\(silence\\)", Duration.ofSeconds(60));
      assertTrue(end.contains("reloaded lib.Shouter.shout(String)"), end);
      assertEquals(0, pipe.exitCode(Duration.ofSeconds(60)), pipe.text());
    }
  }

  @Test
  void withoutAmTheLibraryComesFromTheRepositoryAndItsSourceIsStillFoundAndReloaded()
      throws Exception {
    SampleProject project = SampleProject.copy("reactor");
    // Without -am, Maven resolves lib from the local repository (the tests' own): put it there.
    project.build("install").succeeded();
    try (Terminal pipe = project.pipeWithPrompt("-pl", "app", "hotrestart:run", "-Dhotrestart.args=''")) {
      String crash = pipe.prompt();
      assertFalse(crash.contains("no main class in lib"), "lib is not built in this session: " + crash);
      assertTrue(crash.contains("crashed in lib.Shouter.shout(String)"), crash);
      assertTrue(
          crash.contains(project.file(SHOUTER) + ":11"),
          "lib's source is found through the reactor: " + crash);

      project.edit(SHOUTER, "throw new IllegalArgumentException(\"nothing to shout\");", "return \"(silence)\";");
      pipe.type("c");
      String end = pipe.expect("app says \\(silence\\)", Duration.ofSeconds(60));
      assertTrue(end.contains("reloaded lib.Shouter.shout(String)"), end);
      assertEquals(0, pipe.exitCode(Duration.ofSeconds(60)), pipe.text());
    }
  }
}
