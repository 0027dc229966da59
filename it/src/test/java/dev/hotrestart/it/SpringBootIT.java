package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.it.SampleProject.Reader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Spring Boot application restarts (issue "Every instance restarts"), on the sample {@code
 * spring-boot}, whose beans Spring makes with their own constructor calls, not with the generated
 * factory.
 *
 * <p>Without a profile, its {@code Runner} uses the {@code @Service} {@code WordService}, annotated
 * {@code @HotRestartable}, as Spring constructed it: no bean is proxied. Its crash, after two words
 * were counted, opens the prompt in the user's method; {@code c} applies the fix and the run ends
 * with the counts made before the crash kept, and {@code q} lets Spring report the failure as it
 * would without hotrestart.
 *
 * <p>With the profile {@code aop}, its {@code AopRunner} goes through Spring AOP proxies: an
 * {@code @Aspect} counts and logs every call to {@code WordService.add} (no interface: a CGLIB
 * subclass) and {@code Rule.accepts} ({@code LengthRule}, with {@code
 * spring.aop.proxy-target-class=false}: a JDK dynamic proxy). A crash in either opens the prompt in
 * the user's method; {@code c} retries it inside the proxy's call, so the aspect runs once per call
 * made by the program, not once per retry, and never sees the exception that was fixed.
 *
 * <p>The tests share one copy of the sample, which the first {@code mvn hotrestart:run} compiles;
 * each test puts its edits back, with the files' times, so that the runs after it find the classes
 * up to date and do not compile again.
 */
class SpringBootIT {

  private static final String SERVICE = "src/main/java/words/WordService.java";
  private static final String RULE = "src/main/java/words/LengthRule.java";
  private static final String AOP = "-Dhotrestart.args=--spring.profiles.active=aop";
  private static final Duration RELOAD = Duration.ofSeconds(60);

  private static SampleProject project;
  /** The sample's sources as copied: each file's text and modification time. */
  private static final Map<Path, Source> COPIED = new LinkedHashMap<>();
  private static final AtomicBoolean COMPILED = new AtomicBoolean();

  private record Source(byte[] text, FileTime modified) {}

  @BeforeAll
  static void copyOnce() throws Exception {
    project = SampleProject.copy("spring-boot");
    try (Stream<Path> files = Files.walk(project.file("src"))) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        COPIED.put(file, new Source(Files.readAllBytes(file), Files.getLastModifiedTime(file)));
      }
    }
  }

  @AfterEach
  void restoreSources() throws IOException {
    for (Map.Entry<Path, Source> file : COPIED.entrySet()) {
      Files.write(file.getKey(), file.getValue().text());
      Files.setLastModifiedTime(file.getKey(), file.getValue().modified());
    }
  }

  /** The first prompt of a run, which compiled the sample only if no run before it had. */
  private static String firstPrompt(Terminal terminal) {
    String crash = terminal.prompt();
    if (crash.contains("Compiling ")) {
      assertTrue(COMPILED.compareAndSet(false, true), "compiled again:\n" + crash);
    }
    return crash;
  }

  /** At the service's prompt: its throw becomes a return, {@code c}, and the run to the tally. */
  private String fixTheServiceAndContinue(Terminal terminal) throws Exception {
    project.edit(
        SERVICE,
        "throw new IllegalArgumentException(\"empty word\");",
        "return \"(nothing)\";");
    terminal.type("c");
    return terminal.expect("tally .*\n", RELOAD);
  }

  @Test
  void aCrashInASpringServiceOpensThePromptAndContinueKeepsTheState() throws Exception {
    try (Terminal terminal = project.run(Reader.LINE_EDITOR)) {
      String crash = firstPrompt(terminal);
      assertTrue(crash.contains("added apple\nadded pear\n"), crash);
      assertTrue(crash.contains("crashed in words.WordService.add(String)\n"), crash);
      assertTrue(crash.contains("IllegalArgumentException: empty word"), crash);
      assertFalse(crash.contains("Application run failed"), crash);

      String done = fixTheServiceAndContinue(terminal);
      assertTrue(
          done.contains("hotrestart: reloaded words.WordService.add(String) from WordService.java in "),
          done);
      assertTrue(done.contains("added (nothing)\nadded apple\nadded fig\n"), done);
      // Apple and pear were counted before the crash: the same Tally, the same service.
      assertTrue(done.contains("tally {apple=2, fig=1, pear=1}\n"), done);
      assertEquals(0, terminal.exitCode(RELOAD), terminal.text());
      assertFalse(terminal.text().contains("Application run failed"), terminal.text());
      // The plain case: the aspect of the aop profile is not there to proxy the service.
      assertFalse(terminal.text().contains("aspect #"), terminal.text());
    }
  }

  @Test
  void quitLetsSpringReportTheFailure() throws Exception {
    try (Terminal terminal = project.run()) {
      String crash = firstPrompt(terminal);
      assertTrue(crash.contains("crashed in words.WordService.add(String)\n"), crash);
      terminal.type("q");
      String failed =
          terminal.expect("java.lang.IllegalArgumentException: empty word", RELOAD);
      assertTrue(failed.contains("Application run failed"), failed);
      assertNotEquals(0, terminal.exitCode(RELOAD), terminal.text());
      assertFalse(terminal.text().contains("tally "), terminal.text());
    }
  }

  @Test
  void crashesBehindCglibAndJdkProxiesContinueAndTheAspectRunsOncePerCall() throws Exception {
    try (Terminal terminal = project.run(AOP)) {
      String rule = firstPrompt(terminal);
      assertTrue(rule.contains("words: cglib proxy true, rule: jdk proxy true\n"), rule);
      assertTrue(rule.contains("aspect #2 enters accepts(apple)\n"), rule);
      assertTrue(rule.contains("crashed in words.LengthRule.accepts(String)\n"), rule);
      assertTrue(rule.contains("For input string: \"five\""), rule);

      project.edit(RULE, "Integer.parseInt(\"five\")", "5");
      terminal.type("c");
      String add = terminal.prompt();
      assertTrue(
          add.contains("hotrestart: reloaded words.LengthRule.accepts(String) from LengthRule.java in "),
          add);
      assertTrue(add.contains("aspect #2 leaves accepts(apple) = true\nadded apple, short true\n"), add);
      assertTrue(add.contains("aspect #3 enters add( )\n"), add);
      assertTrue(add.contains("crashed in words.WordService.add(String)\n"), add);
      assertTrue(add.contains("IllegalArgumentException: empty word"), add);

      String done = fixTheServiceAndContinue(terminal);
      assertTrue(done.contains("aspect #3 leaves add( ) = (nothing)\n"), done);
      assertTrue(done.contains("aspect #6 leaves accepts(banana) = false\n"), done);
      assertTrue(done.contains("tally {apple=1, banana=1}, aspect calls 6\n"), done);
      assertFalse(terminal.text().contains(" saw "), terminal.text());
      assertEquals(0, terminal.exitCode(RELOAD), terminal.text());
    }
  }
}
