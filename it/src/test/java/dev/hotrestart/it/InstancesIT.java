package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every instance restarts (issue "Every instance restarts"): under {@code mvn hotrestart:run} the
 * agent routes {@code Counter}, so an instance made with {@code new}, one made by reflection and a
 * plain subclass calling {@code super.parse} open the prompt in {@code Counter.parse}, take a fix
 * with {@code c}, and {@code q} stops restarting for all; a factory-made proxy still opens exactly
 * one prompt per crash ({@code r} raises to its caller at once). Under {@code mvn hotrestart:test}
 * a test's {@code new Cart()} restarts the same way. Run by hand, as an IDE does,
 * without the agent a plain instance's crash says so once when it ends its thread; with the agent
 * given the class directory, it opens the prompt.
 */
class InstancesIT {

  private static final String COUNTER = "src/main/java/instances/Counter.java";
  private static final String PARSE = "int value = Integer.parseInt(word); // PARSE";

  @Test
  void newReflectionAndSubclassInstancesRestartAndTheProxyPromptsOnce() throws Exception {
    SampleProject project = SampleProject.copy("instances");
    try (Terminal terminal = project.run()) {
      String crash = terminal.prompt();
      assertTrue(crash.contains("crashed in instances.Counter.parse(String)\n"), crash);
      assertTrue(crash.contains("For input string: \"x1\""), crash);
      assertFalse(crash.contains("$HR$"), crash);

      terminal.type("a");
      String args = terminal.prompt();
      assertTrue(args.contains("word") && args.contains("x1"), args);
      terminal.type("w");
      String where = terminal.prompt();
      assertTrue(where.contains("instances.Counter.parse(Counter.java:8)"), where);
      assertTrue(where.contains("instances.Main.main(Main.java:8)"), where);
      assertFalse(where.contains("$HR$"), where);

      project.edit(COUNTER, PARSE, "int value = Integer.parseInt(word.substring(1)); // PARSE");
      terminal.type("c");
      String reflected = terminal.prompt();
      assertTrue(
          reflected.contains("hotrestart: reloaded instances.Counter.parse(String) from Counter.java in "),
          reflected);
      assertTrue(reflected.contains("new: 1\n"), reflected);
      assertTrue(reflected.contains("crashed in instances.Counter.parse(String) (reloaded code, version "), reflected);
      assertTrue(reflected.contains("For input string: \"\""), reflected);
      assertTrue(reflected.contains("(reloaded code, version 1)"), reflected);

      project.edit(
          COUNTER,
          "int value = Integer.parseInt(word.substring(1)); // PARSE",
          "int value = word.length() < 2 ? 0 : Integer.parseInt(word.substring(1)); // PARSE");
      terminal.type("c");
      String factory = terminal.prompt();
      assertTrue(factory.contains("reflection: 0\n"), factory);
      assertTrue(factory.contains("crashed in instances.Counter.parse(String) (reloaded code, version "), factory);
      assertTrue(factory.contains("For input string: \"x\""), factory);

      // r raises to the caller: a second routing around the proxy would open a second prompt.
      terminal.type("r");
      String raised = terminal.expect("raised: [^\n]*\n", Duration.ofSeconds(60));
      assertTrue(raised.contains("raised: For input string: \"x\""), raised);
      assertFalse(raised.contains("crashed in"), "one prompt for the proxy's crash: " + raised);

      String subclass = terminal.prompt();
      assertTrue(subclass.contains("loud: ?y\n"), subclass);
      assertTrue(subclass.contains("crashed in instances.Counter.parse(String) (reloaded code, version "), subclass);
      terminal.type("w");
      String callers = terminal.prompt();
      assertTrue(callers.contains("instances.Loud.parse(Loud.java:8)"), callers);

      terminal.type("q");
      String done = terminal.expect("done\n", Duration.ofSeconds(60));
      assertTrue(done.contains("quit: For input string: \"y\"\n"), done);
      assertTrue(done.contains("after quit: For input string: \"z\"\n"), done);
      assertFalse(done.contains("(hotrestart)"), "no prompt after q: " + done);
      assertEquals(0, terminal.exitCode(Duration.ofSeconds(60)), terminal.text());
    }
  }

  /**
   * {@code mvn hotrestart:test}: a test's fixture made with {@code new Cart()} crashes in the code
   * under test, which opens the prompt in {@code Cart.discounted}; {@code c} applies the fix there,
   * then, at the test's own prompt, a fix to another method of the same plain instance.
   */
  @Test
  void underTheTestGoalAnInstanceMadeWithNewInATestRestarts() throws Exception {
    SampleProject project = SampleProject.copy("junit");
    project.edit("src/test/java/shop/CartTest.java", "cart = HotRestart_Cart.create();", "cart = new Cart();");
    try (Terminal terminal = project.test("-Dtest=CartTest#discount")) {
      String wrapped = terminal.prompt();
      assertTrue(wrapped.contains("crashed in shop.Cart.discounted(int)\n"), wrapped);
      assertTrue(wrapped.contains("discount of 10% refused"), wrapped);
      project.edit("src/main/java/shop/Cart.java", "if (percent > 5) {", "if (percent > 50) {");
      terminal.type("c");

      String test = terminal.prompt();
      assertTrue(test.contains("shop.CartTest.discount()"), test);
      assertTrue(test.contains("expected: <54> but was: <45>"), test);
      project.edit("src/main/java/shop/Cart.java", "int i = 1;", "int i = 0;");
      terminal.type("c");
      String summary = terminal.expect("Tests run: .*\n", Duration.ofSeconds(120));
      assertTrue(
          summary.contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Passed after a restart: 1"),
          summary);
      assertEquals(0, terminal.exitCode(Duration.ofSeconds(120)), terminal.text());
    }
  }

  /** An IDE run: the runtime on the class path and restarting on, but no Java agent. */
  @Test
  void withoutTheAgentAPlainInstancesCrashSaysSoOnceWithTheOption() throws Exception {
    SampleProject project = SampleProject.copy("instances");
    SampleProject.Build build = project.build("-q", "compile");
    assertEquals(0, build.exitCode(), build.output());
    try (Terminal program =
        Terminal.startWithoutTerminal(project.file("."), ide(project, List.of()))) {
      assertEquals(1, program.exitCode(Duration.ofSeconds(60)), program.text());
      String text = program.text();
      assertTrue(text.contains("factory: 7\n"), text);
      assertTrue(text.contains("caught: For input string: \"y1\"\n"), text);
      assertTrue(
          text.contains(
              "Exception in thread \"main\" java.lang.NumberFormatException: For input string: \"x1\""),
          text);
      String notice =
          "hotrestart: instances.Counter.parse(String) threw on an instance not made by"
              + " HotRestart_Counter.create (made with new, by reflection or by a framework), so no"
              + " prompt opened: such instances restart only when the runtime jar is the program's"
              + " Java agent. Run the program with mvn hotrestart:run, or add -javaagent:"
              + SampleProject.runtimeJar() + "=instances=" + project.file("target/classes")
              + " to its JVM options.\n";
      assertTrue(text.contains(notice), text);
      assertEquals(text.indexOf(notice), text.lastIndexOf(notice), "once: " + text);
      assertFalse(text.contains("(hotrestart)"), text);
    }
  }

  /** The agent added by hand, with the class directory as its list: plain instances restart. */
  @Test
  void theAgentGivenTheClassDirectoryRoutesPlainInstances() throws Exception {
    SampleProject project = SampleProject.copy("instances");
    SampleProject.Build build = project.build("-q", "compile");
    assertEquals(0, build.exitCode(), build.output());
    List<String> agent =
        List.of(
            "-javaagent:" + SampleProject.runtimeJar() + "=instances=" + project.file("target/classes"),
            "-Dhotrestart.interactive=true",
            "-Dhotrestart.history=none");
    try (Terminal program = Terminal.startWithoutTerminal(project.file("."), ide(project, agent))) {
      String crash = program.prompt();
      assertTrue(crash.contains("factory: 7\n"), crash);
      assertTrue(crash.contains("crashed in instances.Counter.parse(String)\n"), crash);
      assertTrue(crash.contains("For input string: \"y1\""), crash);
      program.type("r");
      String second = program.prompt();
      assertTrue(second.contains("caught: For input string: \"y1\"\n"), second);
      assertTrue(second.contains("For input string: \"x1\""), second);
      program.type("q");
      assertEquals(1, program.exitCode(Duration.ofSeconds(60)), program.text());
      assertFalse(program.text().contains("threw on an instance not made by"), program.text());
    }
  }

  private static List<String> ide(SampleProject project, List<String> options) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.add("-cp");
    command.add(project.file("target/classes") + File.pathSeparator + SampleProject.runtimeJar());
    command.add("-Dhotrestart.enabled=true");
    command.add("instances.IdeMain");
    return command;
  }
}
