package dev.hotrestart.reload;

import static dev.hotrestart.reload.ReloadHarness.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.debug.Crash;
import dev.hotrestart.reload.ReloadHarness.Wrapped;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {

  private static final String LEDGER =
      String.join(
          "\n",
          "package demo;",
          "import java.util.*;",
          "public class Ledger {",
          "  private final List<String> rows = new ArrayList<>();",
          "  private int balance = 40;",
          "  private int twice(int x) { return 2 * x; }",
          "  public <T extends Number> int add(T amount, String... notes) {",
          "    rows.add(String.valueOf(amount));",
          "    return balance += amount.intValue();",
          "  }",
          "}",
          "");

  @TempDir Path dir;
  ReloadHarness program;
  Evaluator evaluator;
  Object ledger;
  Crash crash;

  @BeforeEach
  void setUp() throws Throwable {
    program = new ReloadHarness(dir);
    program
        .write("demo.Ledger", LEDGER)
        .proxy(
            "demo.Ledger",
            new Wrapped(
                "public <T extends Number> int add(T amount, String... notes)",
                "int",
                "Number.class, String[].class",
                "amount, notes"))
        .start();
    ledger = program.create("demo.Ledger");
    call(ledger, "add", 2, new String[] {"first"});
    evaluator = new Evaluator(program.reloader);
    crash =
        new Crash(
            program.slot("demo.Ledger", 0),
            new IllegalStateException("boom"),
            ledger,
            new Object[] {7, new String[] {"a", "b"}});
  }

  @AfterEach
  void tearDown() throws Exception {
    program.close();
  }

  @Test
  void seesArgumentsThisAndPrivateMembers() {
    Evaluation result = evaluator.evaluate(crash, "balance + twice(amount.intValue()) + notes.length");
    assertTrue(result.succeeded(), result::error);
    assertEquals(42 + 14 + 2, result.value());

    Evaluation rows = evaluator.evaluate(crash, "this.rows");
    assertEquals(List.of("2"), rows.value());
  }

  @Test
  void compileErrorsAreReportedWithoutTheHiddenMethod() {
    Evaluation result = evaluator.evaluate(crash, "nosuch + 1");
    assertFalse(result.succeeded());
    assertTrue(result.error().contains("cannot find symbol"), result.error());
    assertFalse(result.error().contains("$hr$eval"), result.error());
  }

  /** A call of a void method runs and says it returned nothing, rather than not compiling. */
  @Test
  void aVoidCallRunsAndReturnsNothing() {
    Evaluation result = evaluator.evaluate(crash, "rows.clear()");
    assertTrue(result.succeeded(), result::error);
    assertTrue(result.returnedNothing());
    assertEquals(List.of(), evaluator.evaluate(crash, "this.rows").value(), "it ran");
    assertFalse(evaluator.evaluate(crash, "this.rows").returnedNothing());

    Evaluation wrong = evaluator.evaluate(crash, "rows.clear() + 1");
    assertFalse(wrong.succeeded());
    assertTrue(wrong.error().contains("void"), "the value form's error: " + wrong.error());
  }

  @Test
  void anExceptionInTheExpressionIsAResultNotACrash() {
    Evaluation result = evaluator.evaluate(crash, "Integer.parseInt(\"x\")");
    assertFalse(result.succeeded());
    assertTrue(result.error().contains("NumberFormatException"), result.error());
  }
}
