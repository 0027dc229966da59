package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Beans behind Spring AOP proxies restart (issue "Every instance restarts"): in the sample {@code
 * spring-aop}, an {@code @Aspect} counts and logs every call to {@code WordService.add} (no
 * interface: a CGLIB subclass) and {@code Rule.accepts} ({@code LengthRule}, with {@code
 * spring.aop.proxy-target-class=false}: a JDK dynamic proxy). A crash in either opens the prompt
 * in the user's method; {@code c} retries it inside the proxy's call, so the aspect runs once per
 * call made by the program, not once per retry, and never sees the exception that was fixed.
 */
class SpringAopIT {

  private static final String SERVICE = "src/main/java/words/WordService.java";
  private static final String RULE = "src/main/java/words/LengthRule.java";
  private static final Duration RELOAD = Duration.ofSeconds(60);

  @Test
  void crashesBehindCglibAndJdkProxiesContinueAndTheAspectRunsOncePerCall() throws Exception {
    SampleProject project = SampleProject.copy("spring-aop");
    try (Terminal terminal = project.run()) {
      String rule = terminal.prompt();
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

      project.edit(
          SERVICE,
          "throw new IllegalArgumentException(\"empty word\");",
          "return \"(nothing)\";");
      terminal.type("c");
      String done = terminal.expect("tally .*\n", RELOAD);
      assertTrue(done.contains("aspect #3 leaves add( ) = (nothing)\n"), done);
      assertTrue(done.contains("aspect #6 leaves accepts(banana) = false\n"), done);
      assertTrue(done.contains("tally {apple=1, banana=1}, aspect calls 6\n"), done);
      assertFalse(terminal.text().contains(" saw "), terminal.text());
      assertEquals(0, terminal.exitCode(RELOAD), terminal.text());
    }
  }
}
