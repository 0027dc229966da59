package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code mvn hotrestart:test} on the {@code junit} sample, through a terminal: a failing test
 * fixed in the test and in the code under test without loading the {@code @BeforeAll} fixture
 * again, the wrapped code's own prompt first, {@code r}, {@code q}, a parameterized test, a nested
 * test class and dynamic tests on JUnit 5.10 and 6, and a run without a terminal.
 */
class FailingTestIT {

  private static final Duration LONG = Duration.ofSeconds(120);
  private static final String TEST = "src/test/java/shop/CartTest.java";

  @Test
  void aFailingTestIsFixedInTheTestAndInTheCodeUnderTestWithItsFixtureKept() throws Exception {
    SampleProject project = SampleProject.copy("junit");
    try (Terminal terminal = project.test("-Dtest=CartTest#label+total")) {
      String label = terminal.prompt();
      assertTrue(label.contains("fixture loaded 1 time(s)"), label);
      assertTrue(label.contains("expected: <3 items> but was: <cart of 3 items>"), label);
      assertTrue(label.contains("shop.CartTest.label()"), label);
      assertTrue(label.contains("assertEquals(\"3 items\", label);"), "the test's source: " + label);

      project.edit(TEST, "assertEquals(\"3 items\", label);", "assertEquals(\"cart of 3 items\", label);");
      terminal.type("c");
      String passed = terminal.expect("label passed.*\n", LONG);
      // the same test instance: @BeforeEach ran once for it; @BeforeAll once for the class
      assertTrue(passed.contains("label passed; fixture loads 1, before each 1"), passed);

      String total = terminal.prompt();
      assertTrue(total.contains("expected: <60> but was: <50>"), total);
      assertTrue(total.contains("shop.CartTest.total()"), total);
      project.edit("src/main/java/shop/Cart.java", "int i = 1;", "int i = 0;");
      terminal.type("c");
      terminal.expect("total passed; fixture loads 1\n", LONG);

      String summary = terminal.expect("Tests run: .*\n", LONG);
      assertTrue(summary.contains("Passed after a restart:\n  CartTest.label\n  CartTest.total\n"), summary);
      assertTrue(
          summary.contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Passed after a restart: 2"),
          summary);
      assertEquals(0, terminal.exitCode(LONG), terminal.text());
      assertFalse(terminal.text().contains("fixture loaded 2"), terminal.text());
      assertTrue(terminal.text().contains("BUILD SUCCESS"), terminal.text());
    }
  }

  @Test
  void wrappedCodeGetsItsPromptFirstThenRRecordsTheFailureAndQStopsRestarting() throws Exception {
    SampleProject project = SampleProject.copy("junit");
    try (Terminal terminal = project.test("-Dtest=CartTest#discount+small")) {
      String wrapped = terminal.prompt();
      assertTrue(wrapped.contains("discount of 10% refused"), wrapped);
      assertTrue(wrapped.contains("shop.Cart.discounted(int)"), wrapped);
      terminal.type("r");

      String test = terminal.prompt();
      assertTrue(test.contains("shop.CartTest.discount()"), test);
      assertTrue(test.contains("assertEquals(54, cart.discounted(10));"), test);
      terminal.type("r");

      String small = terminal.prompt();
      assertTrue(small.contains("small 1 passed") && small.contains("small 2 passed"), small);
      assertTrue(small.contains("quantity 3 too large"), small);
      terminal.type("q");

      String summary = terminal.expect("Tests run: .*\n", LONG);
      assertTrue(summary.matches("(?s).*Failures:\n  CartTest.small \\[3\\] [^\n]*» AssertionFailedError quantity 3 too large.*"), summary);
      assertTrue(summary.contains("Errors:\n  CartTest.discount » IllegalArgumentException discount of 10% refused"), summary);
      assertTrue(
          summary.contains("Tests run: 4, Failures: 1, Errors: 1, Skipped: 0, Passed after a restart: 0"),
          summary);
      assertNotEquals(0, terminal.exitCode(LONG), terminal.text());
      assertTrue(terminal.text().contains("restarting was stopped (q) during the run"), terminal.text());
      assertTrue(terminal.text().contains("hotrestart:test: there are test failures"), terminal.text());
    }
  }

  @Test
  void aParameterizedInvocationRunsAgainWithItsArgumentsAfterAnEdit() throws Exception {
    SampleProject project = SampleProject.copy("junit");
    try (Terminal terminal = project.test("-Dtest=CartTest#small")) {
      String small = terminal.prompt();
      assertTrue(small.contains("quantity 3 too large"), small);
      project.edit(TEST, "quantity < 3,", "quantity <= 3,");
      terminal.type("c");
      terminal.expect("small 3 passed\n", LONG);
      String summary = terminal.expect("Tests run: .*\n", LONG);
      assertTrue(summary.matches("(?s).*Passed after a restart:\n  CartTest.small \\[3\\] .*"), summary);
      assertTrue(
          summary.contains("Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Passed after a restart: 1"),
          summary);
      assertEquals(0, terminal.exitCode(LONG), terminal.text());
    }
  }

  /**
   * A method of a {@code @Nested} class restarts like any; a dynamic test fails without a prompt,
   * with a line saying so. On the oldest JUnit the goal supports and on JUnit 6 (the Platform
   * Launcher of each is added by the goal; the it module's pom fetches them).
   */
  @ParameterizedTest(name = "JUnit {0}")
  @ValueSource(strings = {"5.10.2", "6.1.3"})
  void aNestedTestRestartsAndADynamicTestIsReportedOnEveryJunitVersion(String junit) throws Exception {
    SampleProject project = SampleProject.copy("junit");
    project.edit("pom.xml", "<version>5.14.1</version>", "<version>" + junit + "</version>");
    try (Terminal terminal = project.test("-Dtest=ShelfTest")) {
      String nested = terminal.prompt();
      assertTrue(nested.contains("hotrestart: dynamic tests (@TestFactory) fail without the prompt"), nested);
      assertTrue(nested.contains("shelves ==> expected: <3> but was: <2>"), nested);
      assertTrue(nested.contains("shop.ShelfTest$Empty.hasNoCart()"), nested);
      project.edit("src/test/java/shop/ShelfTest.java", "assertEquals(3, shelves", "assertEquals(2, shelves");
      terminal.type("c");
      terminal.expect("nested passed with 2 shelves\n", LONG);
      String summary = terminal.expect("Tests run: .*\n", LONG);
      assertTrue(summary.contains("Failures:\n  ShelfTest.dynamic two » AssertionFailedError dynamic two failed\n"), summary);
      assertTrue(summary.contains("Passed after a restart:\n  ShelfTest$Empty.hasNoCart\n"), summary);
      assertTrue(
          summary.contains("Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Passed after a restart: 1"), summary);
      assertNotEquals(0, terminal.exitCode(LONG), terminal.text());
    }
  }

  @Test
  void withoutATerminalTheTestsRunPlainlyAndAFailureFailsTheBuild() throws Exception {
    SampleProject project = SampleProject.copy("junit");
    SampleProject.Build build = project.build("hotrestart:test").failed();
    String out = build.output();
    assertFalse(out.contains("(hotrestart) "), out);
    assertTrue(out.contains("fixture loaded 1 time(s)"), out);
    assertTrue(out.contains("Tests run: 9, Failures: 5, Errors: 1, Skipped: 0, Passed after a restart: 0"), out);
    assertTrue(out.contains("hotrestart:test: there are test failures"), out);
  }

  @Test
  void aDashDTestMatchingNothingFailsTheBuildAsSurefireDoes() throws Exception {
    SampleProject project = SampleProject.copy("junit");
    String out = project.build("hotrestart:test", "-Dtest=NoSuchTest").failed().output();
    assertTrue(out.contains("hotrestart:test: no test class matches -Dtest=NoSuchTest"), out);
  }
}
