package dev.hotrestart.reload;

import static dev.hotrestart.reload.ReloadHarness.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.reload.ReloadHarness.Wrapped;
import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloaderTest {

  @TempDir Path dir;
  ReloadHarness program;

  @BeforeEach
  void setUp() throws Exception {
    ObjectCounts.maxUsedHeap = Long.MAX_VALUE; // this JVM's heap holds every test's programs
    program = new ReloadHarness(dir);
  }

  @AfterEach
  void tearDown() throws Exception {
    program.close();
  }

  private static final String COUNTER_V1 =
      String.join(
          "\n",
          "package demo;",
          "public class Counter {",
          "  private int count;",
          "  private static int total;",
          "  private int helper(int x) { return x + 1; }",
          "  public int work(int x) {",
          "    count++;",
          "    total++;",
          "    return helper(x) + this.count;",
          "  }",
          "  public int count() { return count; }",
          "}",
          "");

  private void reloadOk(MethodSlot slot) {
    ReloadResult result = program.reload(slot);
    assertTrue(result.succeeded(), result::message);
    assertTrue(result.message().contains("reloaded " + slot.describe()), result::message);
  }

  @Test
  void bodyEditUsesPrivateFieldsAndMethodsAndKeepsState() throws Throwable {
    program
        .write("demo.Counter", COUNTER_V1)
        .proxy("demo.Counter", new Wrapped("public int work(int x)", "int", "int.class", "x"))
        .start();
    Object counter = program.create("demo.Counter");
    assertEquals(12, call(counter, "work", 10)); // helper 11 + count 1
    assertEquals(13, call(counter, "work", 10)); // count 2

    program.write(
        "demo.Counter",
        COUNTER_V1.replace("return helper(x) + this.count;", "return helper(x) * 100 + count + total;"));
    reloadOk(program.slot("demo.Counter", 0));

    assertEquals(1100 + 3 + 3, call(counter, "work", 10));
    assertEquals(3, call(counter, "count"), "the field kept its value and the new code wrote it");
  }

  @Test
  void reloadTimingsAreLoggedAtDebug() throws Throwable {
    program
        .write("demo.Counter", COUNTER_V1)
        .proxy("demo.Counter", new Wrapped("public int work(int x)", "int", "int.class", "x"))
        .start();
    program.write("demo.Counter", COUNTER_V1.replace("this.count;", "this.count + 1;"));
    List<LogRecord> logged;
    try (LogCapture log = LogCapture.of("dev.hotrestart.reload")) {
      reloadOk(program.slot("demo.Counter", 0));
      logged = log.records();
    }
    assertEquals(1, logged.size(), logged::toString);
    assertEquals(Level.FINE, logged.get(0).getLevel(), "DEBUG");
    String message = logged.get(0).getMessage();
    assertTrue(
        message.startsWith("reloaded [demo.Counter.work(int)] as demo/Counter$HR$work$"), message);
    assertTrue(
        message.matches(
            ".*javac \\d+ ms, shape check .* ms, transplant .* ms, define and link .* ms, swap .*"
                + " ms"),
        message);
  }

  @Test
  void superCallsAndOverridesDoNotLoop() throws Throwable {
    program
        .write(
            "demo.Base",
            "package demo;\npublic class Base {\n  public String name() { return \"base\"; }\n"
                + "  protected String tag() { return \"t\"; }\n}\n")
        .write(
            "demo.Child",
            "package demo;\npublic class Child extends Base {\n"
                + "  @Override public String name() { return \"v1:\" + super.name(); }\n}\n")
        .proxy("demo.Child", new Wrapped("public String name()", "String", "", ""))
        .start();
    Object child = program.create("demo.Child");
    assertEquals("v1:base", call(child, "name"));
    program.write(
        "demo.Child",
        "package demo;\npublic class Child extends Base {\n"
            + "  @Override public String name() { return \"v2:\" + super.name() + tag(); }\n}\n");
    reloadOk(program.slot("demo.Child", 0));
    assertEquals("v2:baset", call(child, "name"));
  }

  private static final String LAMBDAS_V1 =
      String.join(
          "\n",
          "package demo;",
          "import java.util.*;",
          "import java.util.stream.*;",
          "public class Words {",
          "  private String suffix = \"!\";",
          "  private int seen;",
          "  private String shout(String s) { seen++; return s.toUpperCase(); }",
          "  public List<String> run(List<String> words) {",
          "    return words;",
          "  }",
          "}",
          "");

  @Test
  void lambdasMethodReferencesAndAnonymousClassesReachPrivateMembers() throws Throwable {
    program
        .write("demo.Words", LAMBDAS_V1)
        .proxy("demo.Words", new Wrapped("public java.util.List<String> run(java.util.List<String> words)", "java.util.List", "java.util.List.class", "words"))
        .start();
    Object words = program.create("demo.Words");
    assertEquals(List.of("b", "a"), call(words, "run", List.of("b", "a")));

    program.write(
        "demo.Words",
        LAMBDAS_V1.replace(
            "    return words;",
            String.join(
                "\n",
                "    Runnable bump = new Runnable() { public void run() { seen += 10; } };",
                "    bump.run();",
                "    Comparator<String> order = Comparator.comparing(String::length);",
                "    return words.stream().sorted(order.thenComparing(Comparator.naturalOrder()))",
                "        .map(this::shout).map(s -> s + suffix + seen)",
                "        .collect(Collectors.toList());")));
    reloadOk(program.slot("demo.Words", 0));
    assertEquals(List.of("A!11", "BB!12"), call(words, "run", List.of("bb", "a")));
  }

  @Test
  void newPrivateHelperIsMovedWithTheMethod() throws Throwable {
    program
        .write("demo.Counter", COUNTER_V1)
        .proxy("demo.Counter", new Wrapped("public int work(int x)", "int", "int.class", "x"))
        .start();
    Object counter = program.create("demo.Counter");
    call(counter, "work", 1);
    program.write(
        "demo.Counter",
        COUNTER_V1
            .replace("return helper(x) + this.count;", "return triple(x);")
            .replace("  public int count()", "  private int triple(int x) { return 3 * x + count; }\n  public int count()"));
    reloadOk(program.slot("demo.Counter", 0));
    assertEquals(3 * 5 + 2, call(counter, "work", 5));
  }

  @Test
  void recursionGoesThroughTheProxyToTheNewCode() throws Throwable {
    String v1 =
        "package demo;\npublic class Maths {\n"
            + "  public long fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }\n}\n";
    program
        .write("demo.Maths", v1)
        .proxy("demo.Maths", new Wrapped("public long fact(int n)", "long", "int.class", "n"))
        .start();
    Object maths = program.create("demo.Maths");
    assertEquals(120L, call(maths, "fact", 5));
    program.write("demo.Maths", v1.replace("n <= 1 ? 1 :", "n <= 1 ? 2 :"));
    reloadOk(program.slot("demo.Maths", 0));
    assertEquals(240L, call(maths, "fact", 5));
  }

  @Test
  void overloadsVarargsAndGenericsReloadOneMethodOnly() throws Throwable {
    String v1 =
        String.join(
            "\n",
            "package demo;",
            "import java.util.List;",
            "public class Shapes {",
            "  public String fmt(int x) { return \"int\" + x; }",
            "  public String fmt(String x) { return \"str\" + x; }",
            "  public int sum(int... xs) { int s = 0; for (int x : xs) s += x; return s; }",
            "  public <T extends Comparable<T>> T max(List<T> items) { return items.get(0); }",
            "}",
            "");
    program
        .write("demo.Shapes", v1)
        .proxy(
            "demo.Shapes",
            new Wrapped("public String fmt(int x)", "String", "int.class", "x"),
            new Wrapped("public String fmt(String x)", "String", "String.class", "x"),
            new Wrapped("public int sum(int... xs)", "int", "int[].class", "xs"),
            new Wrapped("public <T extends Comparable<T>> T max(java.util.List<T> items)", "Comparable", "java.util.List.class", "items"))
        .start();
    Object shapes = program.create("demo.Shapes");
    String v2 =
        v1.replace("\"int\" + x", "\"INT\" + x")
            .replace("\"str\" + x", "\"STR\" + x")
            .replace("s += x;", "s += 2 * x;")
            .replace("return items.get(0);", "T best = items.get(0); for (T t : items) if (t.compareTo(best) > 0) best = t; return best;");
    program.write("demo.Shapes", v2);
    reloadOk(program.slot("demo.Shapes", 0));
    assertEquals("INT1", call(shapes, "fmt", 1));
    assertEquals("strx", call(shapes, "fmt", "x"), "only the reloaded overload changed");
    reloadOk(program.slot("demo.Shapes", 2));
    assertEquals(12, call(shapes, "sum", new int[] {1, 2, 3}));
    reloadOk(program.slot("demo.Shapes", 3));
    assertEquals("c", call(shapes, "max", List.of("a", "c", "b")));
  }

  @Test
  void reloadedFramesKeepTheEditedFileAndLine() throws Throwable {
    program
        .write("demo.Counter", COUNTER_V1)
        .proxy("demo.Counter", new Wrapped("public int work(int x)", "int", "int.class", "x"))
        .start();
    Object counter = program.create("demo.Counter");
    program.write(
        "demo.Counter",
        COUNTER_V1.replace(
            "    count++;\n", "    count++;\n\n\n    if (x < 0) throw new IllegalStateException(\"neg\");\n"));
    reloadOk(program.slot("demo.Counter", 0));
    IllegalStateException thrown =
        assertThrows(IllegalStateException.class, () -> call(counter, "work", -1));
    StackTraceElement top = thrown.getStackTrace()[0];
    assertEquals("Counter.java", top.getFileName());
    assertEquals(10, top.getLineNumber());
    assertTrue(top.getClassName().startsWith("demo.Counter$HR$work$"), top.toString());
    assertEquals("work", top.getMethodName());
  }

  @Test
  void newFieldLivesInASideTableAndStartsAtItsDefaultInExistingObjects() throws Throwable {
    // A class name no other test loads: the count of existing objects is by name.
    String tally = COUNTER_V1.replace("Counter", "SideTally");
    program
        .write("demo.SideTally", tally)
        .proxy("demo.SideTally", new Wrapped("public int work(int x)", "int", "int.class", "x"))
        .start();
    Object counter = program.create("demo.SideTally");
    Object other = program.create("demo.SideTally");
    program.write(
        "demo.SideTally",
        tally
            .replace("  private int count;", "  private int count;\n  private long extra;")
            .replace("return helper(x) + this.count;", "extra += x;\n    return (int) extra;"));
    ReloadResult result = program.reload(program.slot("demo.SideTally", 0));
    assertTrue(result.succeeded(), result.message());
    assertTrue(
        result.message().contains(
            "hotrestart: new field `extra` starts at 0 in the 2 existing objects of demo.SideTally"),
        result.message());
    assertEquals(10, call(counter, "work", 10));
    assertEquals(15, call(counter, "work", 5), "the new field keeps its value");
    assertEquals(1, call(other, "work", 1), "each object has its own");
    // What the debugger's `this` and `p` list beside the fields reflection sees.
    Class<?> declaring = counter.getClass().getSuperclass();
    assertEquals(List.of(new NewFields.Added(declaring, "extra", 15L)), NewFields.in(counter));
    assertEquals(List.of(), NewFields.in("a string"));
  }

  /** Starts {@code COUNTER_V1} renamed {@code name}, a class no other test loads; makes one. */
  private Object startCounterNamed(String name) throws Throwable {
    program
        .write("demo." + name, COUNTER_V1.replace("Counter", name))
        .proxy("demo." + name, new Wrapped("public int work(int x)", "int", "int.class", "x"))
        .start();
    return program.create("demo." + name);
  }

  @Test
  void newStaticFieldsRunTheirInitializersOnceInDeclarationOrder() throws Throwable {
    String tally = COUNTER_V1.replace("Counter", "StaticTally");
    Object counter = startCounterNamed("StaticTally");
    assertEquals(2, call(counter, "work", 0)); // total is 1 now
    String edited =
        tally
            .replace(
                "  private static int total;",
                "  private static int total;\n"
                    + "  private static final java.util.Map<String, Integer> CACHE =\n"
                    + "      new java.util.HashMap<>();\n"
                    + "  static final int LIMIT = 3;\n"
                    + "  private static final int START = base() + LIMIT;\n"
                    + "  private static final java.util.List<Integer> SEEN =\n"
                    + "      new java.util.ArrayList<>(java.util.List.of(START));\n"
                    + "  private static final int[] SIZES = {1, 2};\n"
                    + "  private static int hits;\n"
                    + "  private static int base() { return 10 + total; }")
            .replace(
                "return helper(x) + this.count;",
                "hits++;\n    CACHE.merge(\"k\", x, Integer::sum);\n    SEEN.add(x);\n"
                    + "    return CACHE.get(\"k\") * 1000 + START * 10 + hits + SEEN.size() * 100000"
                    + " + SIZES[1];");
    program.write("demo.StaticTally", edited);
    ReloadResult result = program.reload(program.slot("demo.StaticTally", 0));
    assertTrue(result.succeeded(), result.message());
    assertTrue(
        result.message().contains(
            "hotrestart: new static fields `CACHE`, `LIMIT`, `START`, `SEEN` and `SIZES` of"
                + " demo.StaticTally set by their initializers, `hits` starts at 0"),
        result.message());
    assertFalse(result.message().contains("not applied"), result.message());
    // START = base() + LIMIT = 10 + total (1) + 3, read by SEEN's initializer after it.
    assertEquals(200000 + 5000 + 140 + 1 + 2, call(counter, "work", 5));
    assertEquals(300000 + 7000 + 140 + 2 + 2, call(counter, "work", 2), "the map is the same map");

    // A later edit keeps their values: initializers run once, when their field is new.
    program.write("demo.StaticTally", edited.replace("+ SIZES[1];", "+ SIZES[0];"));
    ReloadResult again = program.reload(program.slot("demo.StaticTally", 0));
    assertTrue(again.succeeded(), again.message());
    assertFalse(again.message().contains("new static field"), again.message());
    assertFalse(again.message().contains("not applied"), again.message());
    assertEquals(400000 + 8000 + 140 + 3 + 1, call(counter, "work", 1));

    // A changed initializer of such a field does not run again, and is named.
    program.write(
        "demo.StaticTally",
        edited.replace("+ SIZES[1];", "+ SIZES[0];").replace("base() + LIMIT;", "base() + LIMIT + 1;"));
    ReloadResult changed = program.reload(program.slot("demo.StaticTally", 0));
    assertTrue(changed.succeeded(), changed.message());
    assertTrue(
        changed.message().contains(
            "hotrestart: not applied: the change to the initializer of the static field `START` of"
                + " demo.StaticTally in StaticTally.java (an earlier reload added the field and ran"
                + " its initializer, which runs once; a restart applies it)"),
        changed.message());
    assertEquals(500000 + 9000 + 140 + 4 + 1, call(counter, "work", 1));
  }

  @Test
  void newStaticFieldsWithLambdasArraysAndSeveralDeclaratorsStartAsWritten() throws Throwable {
    String source = COUNTER_V1.replace("Counter", "ShapedStatics");
    Object counter = startCounterNamed("ShapedStatics");
    program.write(
        "demo.ShapedStatics",
        source
            .replace(
                "  private static int total;",
                "  private static int total;\n"
                    + "  private static final java.util.function.IntUnaryOperator TWICE = v -> v * 2;\n"
                    + "  private static int sizes[] = {1, 2, 3}, many = sizes.length;\n"
                    + "  private static final String[][] GRID = {{\"a\"}, {\"b\", \"c\"}};")
            .replace(
                "return helper(x) + this.count;",
                "return TWICE.applyAsInt(x) + sizes[2] * 10 + many * 100 + GRID[1].length * 1000;"));
    ReloadResult result = program.reload(program.slot("demo.ShapedStatics", 0));
    assertTrue(result.succeeded(), result.message());
    assertTrue(
        result.message().contains(
            "new static fields `TWICE`, `sizes`, `many` and `GRID` of demo.ShapedStatics set by"
                + " their initializers"),
        result.message());
    assertEquals(2000 + 300 + 30 + 8, call(counter, "work", 4));
  }

  @Test
  void aNewStaticFieldWhoseInitializerThrowsChangesNothing() throws Throwable {
    String source = COUNTER_V1.replace("Counter", "BadStatic");
    Object counter = startCounterNamed("BadStatic");
    java.util.function.UnaryOperator<String> parsing =
        number ->
            source
                .replace(
                    "  private static int total;",
                    "  private static int total;\n  private static final int FIRST = 7;\n"
                        + "  private static Integer second = 8;\n"
                        + "  private static final int BAD = Integer.parseInt(\"" + number + "\");")
                .replace("return helper(x) + this.count;", "return FIRST + second + BAD;");
    program.write("demo.BadStatic", parsing.apply("x"));
    ReloadResult result = program.reload(program.slot("demo.BadStatic", 0));
    assertFalse(result.succeeded(), result.message());
    assertTrue(
        result.message().contains(
            "hotrestart: cannot reload: the initializer of the new static field `BAD` of"
                + " demo.BadStatic threw java.lang.NumberFormatException: For input string:"
                + " \"x\" (at BadStatic.java:7)"),
        result.message());
    assertTrue(result.message().contains("nothing was reloaded"), result.message());
    assertEquals(2, call(counter, "work", 0), "the old code runs");

    program.write("demo.BadStatic", parsing.apply("1"));
    ReloadResult fixed = program.reload(program.slot("demo.BadStatic", 0));
    assertTrue(fixed.succeeded(), fixed.message());
    assertTrue(
        fixed.message().contains(
            "new static fields `FIRST`, `second` and `BAD` of demo.BadStatic set by their"
                + " initializers"),
        fixed.message());
    assertEquals(16, call(counter, "work", 0));
  }

  @Test
  void aStaticBlockThatUsesANewStaticFieldIsRefusedByName() throws Throwable {
    String source = COUNTER_V1.replace("Counter", "BlockStatic");
    Object counter = startCounterNamed("BlockStatic");
    program.write(
        "demo.BlockStatic",
        source
            .replace(
                "  private static int total;",
                "  private static int total;\n"
                    + "  private static final java.util.List<String> NAMES = new java.util.ArrayList<>();\n"
                    + "  static {\n    NAMES.add(\"a\");\n  }")
            .replace("return helper(x) + this.count;", "return NAMES.size();"));
    ReloadResult result = program.reload(program.slot("demo.BlockStatic", 0));
    assertFalse(result.succeeded(), result.message());
    assertTrue(
        result.message().contains(
            "hotrestart: cannot reload BlockStatic.java: a static block of demo.BlockStatic uses"
                + " the new static field `NAMES`, and a reload does not run static blocks"),
        result.message());
    assertEquals(2, call(counter, "work", 0), "the old code runs");
  }

  @Test
  void retypedFieldIsRefusedAndTheOldCodeKeepsRunning() throws Throwable {
    program
        .write("demo.Counter", COUNTER_V1)
        .proxy("demo.Counter", new Wrapped("public int work(int x)", "int", "int.class", "x"))
        .start();
    Object counter = program.create("demo.Counter");
    program.write(
        "demo.Counter",
        COUNTER_V1
            .replace("  private int count;", "  private long count;")
            .replace("return helper(x) + this.count;", "return (int) count;")
            .replace("public int count() { return count; }", "public int count() { return 0; }"));
    ReloadResult result = program.reload(program.slot("demo.Counter", 0));
    assertFalse(result.succeeded());
    assertTrue(
        result.message().contains("field `count` of demo.Counter changed type from int to long"),
        result.message());
    assertTrue(result.message().contains("restart"), result.message());
    assertEquals(12, call(counter, "work", 10), "the old code still runs");
  }

  @Test
  void removedMethodIsRefused() throws Throwable {
    program
        .write("demo.Counter", COUNTER_V1)
        .proxy("demo.Counter", new Wrapped("public int work(int x)", "int", "int.class", "x"))
        .start();
    program.write("demo.Counter", COUNTER_V1.replace("  public int count() { return count; }\n", ""));
    ReloadResult result = program.reload(program.slot("demo.Counter", 0));
    assertFalse(result.succeeded());
    assertTrue(result.message().contains("public int demo.Counter.count()` was removed"), result.message());
  }

  @Test
  void compileErrorsNameFileAndLineAndKeepTheOldCode() throws Throwable {
    program
        .write("demo.Counter", COUNTER_V1)
        .proxy("demo.Counter", new Wrapped("public int work(int x)", "int", "int.class", "x"))
        .start();
    Object counter = program.create("demo.Counter");
    program.write("demo.Counter", COUNTER_V1.replace("total++;", "total++ oops;"));
    ReloadResult result = program.reload(program.slot("demo.Counter", 0));
    assertFalse(result.succeeded());
    String file = program.sourceOf("demo.Counter").toString();
    assertTrue(result.message().contains(file + ":8: error: "), result.message());
    assertTrue(result.message().contains("total++ oops;"), "shows the source line: " + result.message());
    assertEquals(12, call(counter, "work", 10));

    program.write("demo.Counter", COUNTER_V1.replace("return helper(x) + this.count;", "return -x;"));
    reloadOk(program.slot("demo.Counter", 0));
    assertEquals(-10, call(counter, "work", 10), "a later good edit works");
  }

  @Test
  void missingSourceSaysWhereItLookedAndHowToConfigure() throws Throwable {
    program
        .write("demo.Counter", COUNTER_V1)
        .proxy("demo.Counter", new Wrapped("public int work(int x)", "int", "int.class", "x"))
        .start();
    Files.delete(program.sourceOf("demo.Counter"));
    ReloadResult result = program.reload(program.slot("demo.Counter", 0));
    assertFalse(result.succeeded());
    assertTrue(result.message().contains(program.sourceOf("demo.Counter").toString()), result.message());
    assertTrue(result.message().contains("-Dhotrestart.sourceRoots"), result.message());
  }

  @Test
  void callToAMethodTheRunningProgramLacksIsRefused() throws Throwable {
    String util = "package demo;\npublic class Util {\n  public static int one() { return 1; }\n}\n";
    program
        .write("demo.Util", util)
        .write("demo.Counter", COUNTER_V1)
        .proxy("demo.Counter", new Wrapped("public int work(int x)", "int", "int.class", "x"))
        .start();
    program.type("demo.Util"); // loaded: the running Util stays the old one
    // The user added Util.two(), an IDE compiled it, and the edited method calls it.
    program.write("demo.Util", util.replace("}\n}", "}\n  public static int two() { return 2; }\n}"));
    program.write("demo.Counter", COUNTER_V1.replace("return helper(x) + this.count;", "return Util.two();"));
    program.recompile();
    ReloadResult result = program.reload(program.slot("demo.Counter", 0));
    assertFalse(result.succeeded(), result.message());
    assertTrue(result.message().contains("demo.Util.two()"), result.message());
  }

  @Test
  void nestedClassReachesPrivateMembersOfItsOuterClass() throws Throwable {
    String v1 =
        String.join(
            "\n",
            "package demo;",
            "public class Outer {",
            "  private static int secret = 7;",
            "  private static int reveal() { return secret; }",
            "  public static class Inner {",
            "    private int own = 1;",
            "    public int peek() { return own; }",
            "  }",
            "}",
            "");
    program.write("demo.Outer", v1);
    // A proxy of Outer.Inner, named as the processor names it.
    program.write(
        "demo.HotRestart_Outer_Inner",
        String.join(
            "\n",
            "package demo;",
            "import dev.hotrestart.slot.MethodSlot;",
            "import java.lang.invoke.*;",
            "public final class HotRestart_Outer_Inner extends Outer.Inner {",
            "  private static final MethodSlot HR_SLOT_0 = MethodSlot.of(",
            "      MethodHandles.lookup(), Outer.Inner.class, \"peek\", \"()I\", \"\", \"java.lang.InterruptedException\");",
            "  private static final MethodHandle HR_CALL_0 = HR_SLOT_0.erasedInvoker();",
            "  @Override public int peek() {",
            "    while (true) {",
            "      try { return (int) HR_CALL_0.invokeExact((Object) this); }",
            "      catch (Throwable e) { HR_SLOT_0.failed(e, this, new Object[] {}); }",
            "    }",
            "  }",
            "}",
            ""));
    program.start();
    Object inner = program.type("demo.HotRestart_Outer_Inner").getConstructor().newInstance();
    assertEquals(1, call(inner, "peek"));
    program.write("demo.Outer", v1.replace("return own;", "return own + secret + reveal();"));
    java.lang.reflect.Field slotField = program.type("demo.HotRestart_Outer_Inner").getDeclaredField("HR_SLOT_0");
    slotField.setAccessible(true);
    reloadOk((MethodSlot) slotField.get(null));
    assertEquals(15, call(inner, "peek"));
  }

  @Test
  void changedSuperclassIsRefused() throws Throwable {
    program
        .write("demo.Base", "package demo;\npublic class Base {}\n")
        .write("demo.Counter", COUNTER_V1)
        .proxy("demo.Counter", new Wrapped("public int work(int x)", "int", "int.class", "x"))
        .start();
    program.write("demo.Counter", COUNTER_V1.replace("public class Counter {", "public class Counter extends Base {"));
    ReloadResult result = program.reload(program.slot("demo.Counter", 0));
    assertFalse(result.succeeded());
    assertTrue(
        result.message().contains("the superclass of demo.Counter changed from java.lang.Object to demo.Base"),
        result.message());
  }

  @Test
  void sourceInAnotherEncodingIsReportedByJavacWithTheLine() throws Throwable {
    program
        .write("demo.Counter", COUNTER_V1)
        .proxy("demo.Counter", new Wrapped("public int work(int x)", "int", "int.class", "x"))
        .start();
    String latin1 = COUNTER_V1.replace("return helper(x) + this.count;", "return \"caf\u00e9\".length();");
    Files.write(program.sourceOf("demo.Counter"), latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    ReloadResult result = program.reload(program.slot("demo.Counter", 0));
    assertFalse(result.succeeded(), result.message());
    assertTrue(result.message().contains("Counter.java:9: error: byte 0xE9 is not valid UTF-8"), result.message());
    assertTrue(result.message().contains("hotrestart.encoding"), "says how to set the encoding: " + result.message());
  }

  @Test
  void genericClassWithBoundsReloads() throws Throwable {
    String v1 =
        String.join(
            "\n",
            "package demo;",
            "import java.util.*;",
            "public class Box<T extends Comparable<T>> {",
            "  private final List<T> items = new ArrayList<>();",
            "  public T best(List<T> more) {",
            "    items.addAll(more);",
            "    return items.get(0);",
            "  }",
            "}",
            "");
    program
        .write("demo.Box", v1)
        .proxy("demo.Box", new Wrapped("public Comparable best(java.util.List more)", "Comparable", "java.util.List.class", "more"))
        .start();
    Object box = program.create("demo.Box");
    assertEquals("b", call(box, "best", List.of("b", "c")));
    program.write("demo.Box", v1.replace("return items.get(0);", "return Collections.max(items);"));
    reloadOk(program.slot("demo.Box", 0));
    assertEquals("d", call(box, "best", List.of("a", "d")), "the items added before the reload are kept");
    assertEquals("[b, c, a, d]", itemsOf(box));
  }

  private static String itemsOf(Object box) throws ReflectiveOperationException {
    java.lang.reflect.Field items = box.getClass().getSuperclass().getDeclaredField("items");
    items.setAccessible(true);
    return items.get(box).toString();
  }
}
