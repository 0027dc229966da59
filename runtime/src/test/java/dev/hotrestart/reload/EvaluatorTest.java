package dev.hotrestart.reload;

import static dev.hotrestart.reload.ReloadHarness.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.reload.ReloadHarness.Wrapped;
import dev.hotrestart.slot.Crash;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
          "    String row = String.valueOf(amount);",
          "    rows.add(row);",
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
  void readsAFieldAReloadAddedFromItsSideTable() throws Throwable {
    program.write(
        "demo.Ledger",
        LEDGER
            .replace("  private int balance = 40;", "  private int balance = 40;\n  private int adds;")
            .replace("    rows.add(row);", "    rows.add(row);\n    adds += 10;"));
    ReloadResult reloaded = program.reload(program.slot("demo.Ledger", 0));
    assertTrue(reloaded.succeeded(), reloaded.message());
    call(ledger, "add", 1, new String[0]);
    Evaluation result = evaluator.evaluate(crash, "adds + 1");
    assertTrue(result.succeeded(), result::error);
    assertEquals(11, result.value());
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

  @Test
  void anErrorPointsIntoTheExpressionAtItsColumnNotIntoGeneratedCode() {
    Evaluation result = evaluator.evaluate(crash, "balance + nosuch");
    assertFalse(result.succeeded());
    assertEquals(
        String.join(
            "\n",
            "error at column 11: cannot find symbol",
            "    balance + nosuch",
            "              ^",
            "  symbol:   variable nosuch",
            "  location: class demo.Ledger"),
        result.error());
  }

  @Test
  void anIncompleteExpressionPointsJustAfterItsEnd() {
    Evaluation result = evaluator.evaluate(crash, "\"a\" +");
    assertFalse(result.succeeded());
    assertEquals(
        String.join(
            "\n",
            "error at column 6: illegal start of expression",
            "    \"a\" +",
            "         ^"),
        result.error());
    assertFalse(result.error().contains(");"), result.error());
  }

  @Test
  void aLocalVariableOfTheCrashedMethodIsNamedAsSuch() {
    Evaluation result = evaluator.evaluate(crash, "row.length()");
    assertFalse(result.succeeded());
    assertEquals(
        String.join(
            "\n",
            "error at column 1: row is a local variable of demo.Ledger.add(Number, String[]), but"
                + " its variables were not captured at this crash",
            "    row.length()",
            "    ^",
            "p sees the arguments by name (amount, notes), the local variables live where it"
                + " failed (locals lists them), this, the fields and methods of Ledger, and static"
                + " members of other classes."),
        result.error());
  }

  /** The variables of {@code add} as a capture at its last line would have them. */
  private LocalCapture.Frame captured(Object... namesAndValues) throws Exception {
    List<LocalCapture.Variable> variables = new java.util.ArrayList<>();
    List<Object> values = new java.util.ArrayList<>();
    variables.add(new LocalCapture.Variable("this", "Ldemo/Ledger;", null));
    values.add(ledger);
    variables.add(new LocalCapture.Variable("amount", "Ljava/lang/Number;", "TT;"));
    values.add(7);
    variables.add(new LocalCapture.Variable("notes", "[Ljava/lang/String;", null));
    values.add(new String[] {"a", "b"});
    for (int i = 0; i < namesAndValues.length; i += 3) {
      variables.add(
          new LocalCapture.Variable(
              (String) namesAndValues[i], (String) namesAndValues[i + 1], null));
      values.add(namesAndValues[i + 2]);
    }
    return new LocalCapture.Frame(
        program.type("demo.Ledger"), "add", "add(Ljava/lang/Number;[Ljava/lang/String;)I",
        variables, values);
  }

  @Test
  void capturedLocalsAreSeenByName() throws Exception {
    LocalCapture.Frame locals = captured("row", "Ljava/lang/String;", "seven");
    Evaluation result =
        evaluator.evaluate(crash, Optional.of(locals), "row.length() + amount.intValue()");
    assertTrue(result.succeeded(), result::error);
    assertEquals(5 + 7, result.value());
  }

  @Test
  void aLocalNotAssignedAtTheThrowIsNamedAsSuch() throws Exception {
    Evaluation result = evaluator.evaluate(crash, Optional.of(captured()), "row");
    assertFalse(result.succeeded());
    assertTrue(
        result.error().startsWith(
            "error at column 1: row is a local variable of demo.Ledger.add(Number, String[]), but"
                + " it was not assigned yet, or was out of scope, where the method failed"),
        result.error());
  }

  @Test
  void assigningALocalIsRefusedWithTheReason() throws Exception {
    LocalCapture.Frame locals = captured("row", "Ljava/lang/String;", "seven");
    Evaluation result = evaluator.evaluate(crash, Optional.of(locals), "row = \"x\"");
    assertFalse(result.succeeded());
    assertTrue(
        result.error().startsWith(
            "row is a local variable of demo.Ledger.add(Number, String[]): assigning it would"
                + " change nothing, since c runs the method again from its first line"),
        result.error());
    assertFalse(evaluator.evaluate(crash, Optional.of(locals), "row += 1").succeeded());
    Evaluation field = evaluator.evaluate(crash, Optional.of(locals), "balance = 5");
    assertTrue(field.succeeded(), field::error);
    assertEquals(5, evaluator.evaluate(crash, "balance").value(), "a field assignment stays");
  }

  @Test
  void aReturnValueIsCheckedAgainstTheMethodsReturnType() throws Exception {
    Evaluation good = evaluator.returnValue(crash, Optional.of(captured()), "amount.intValue() * 2");
    assertTrue(good.succeeded(), good::error);
    assertEquals(14, good.value());

    Evaluation bad = evaluator.returnValue(crash, Optional.of(captured()), "\"fourteen\"");
    assertFalse(bad.succeeded());
    assertTrue(
        bad.error().contains("incompatible types: java.lang.String cannot be converted to int"),
        bad.error());
    assertTrue(bad.error().contains("\"fourteen\""), bad.error());
  }

  @Test
  void theFileErrorsAreTheFilesWithItsOwnLines() throws Exception {
    java.nio.file.Files.writeString(
        program.sourceOf("demo.Ledger"), LEDGER.replace("return balance", "return balanc"));
    Evaluation result = evaluator.evaluate(crash, "balance");
    assertFalse(result.succeeded());
    assertTrue(
        result.error().startsWith("hotrestart: p compiles the expression inside "), result.error());
    assertTrue(result.error().contains("Ledger.java:10: error: cannot find symbol"), result.error());
    assertFalse(result.error().contains("column"), result.error());
  }

  @Test
  void aThrowNamesItsCausesAndWhereTheProgramThrewThem() {
    Evaluation result = evaluator.evaluate(crash, "Integer.valueOf(twice(Integer.parseInt(\"x\")))");
    assertFalse(result.succeeded());
    assertTrue(
        result.error().startsWith("the expression threw java.lang.NumberFormatException"),
        result.error());
    assertFalse(result.error().contains("$hr$eval"), result.error());
  }
}
