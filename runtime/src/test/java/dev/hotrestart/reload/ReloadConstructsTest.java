package dev.hotrestart.reload;

import static dev.hotrestart.reload.ReloadHarness.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.reload.ReloadHarness.Wrapped;
import dev.hotrestart.slot.MethodSlot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java constructs in the body of a reloaded method, each checked by running the new code. */
class ReloadConstructsTest {

  private static final String BASE =
      String.join(
          "\n",
          "package demo;",
          "public class Base {",
          "  protected int baseField = 100;",
          "  public String greet(String who) { return \"hello \" + who; }",
          "}",
          "");

  private static final String TOOL_V1 =
      String.join(
          "\n",
          "package demo;",
          "import java.util.*;",
          "import java.util.function.*;",
          "public class Tool extends Base {",
          "  enum Mode { FAST, SLOW }",
          "  private static int calls;",
          "  private int state = 1;",
          "  private static String tag(String s) { return \"<\" + s + \">\"; }",
          "  @Override public String greet(String who) { return \"hi \" + who; }",
          "  class Inner {",
          "    private int inner = 5;",
          "    int outerState() { return state; }",
          "  }",
          "  public String run(String input) {",
          "    return input;",
          "  }",
          "}",
          "");

  @TempDir Path dir;
  ReloadHarness program;
  Object tool;
  MethodSlot slot;

  @BeforeEach
  void setUp() throws Throwable {
    program = new ReloadHarness(dir);
    program
        .write("demo.Base", BASE)
        .write("demo.Tool", TOOL_V1)
        .proxy("demo.Tool", new Wrapped("public String run(String input)", "String", "String.class", "input"))
        .start();
    tool = program.create("demo.Tool");
    slot = program.slot("demo.Tool", 0);
  }

  @AfterEach
  void tearDown() throws Exception {
    program.close();
  }

  private Object reloadAndRun(String body, Object input) throws Throwable {
    program.write("demo.Tool", TOOL_V1.replace("    return input;", body));
    ReloadResult result = program.reload(slot);
    assertTrue(result.succeeded(), result::message);
    return call(tool, "run", input);
  }

  @Test
  void switchExpressionsOnEnumsAndStrings() throws Throwable {
    String body =
        String.join(
            "\n",
            "    Mode mode = input.length() > 3 ? Mode.SLOW : Mode.FAST;",
            "    String speed = switch (mode) { case FAST -> \"f\"; case SLOW -> \"s\"; };",
            "    int code = switch (input) { case \"a\" -> 1; case \"long\" -> 2; default -> { yield 3; } };",
            "    return speed + code;");
    assertEquals("s2", reloadAndRun(body, "long"));
    assertEquals("f1", call(tool, "run", "a"));
  }

  @Test
  void textBlocksLocalRecordsAndTryCatchFinally() throws Throwable {
    String body =
        String.join(
            "\n",
            "    record Pair(String left, int right) {}",
            "    StringBuilder log = new StringBuilder();",
            "    try {",
            "      log.append(Integer.parseInt(input));",
            "    } catch (NumberFormatException e) {",
            "      log.append(\"nan\");",
            "    } finally {",
            "      log.append(\"|done\");",
            "    }",
            "    String block = \"\"\"",
            "        x=%s",
            "        \"\"\".formatted(new Pair(log.toString(), 2));",
            "    return block.strip();");
    assertEquals("x=Pair[left=nan|done, right=2]", reloadAndRun(body, "q"));
  }

  @Test
  void superFieldSuperMethodReferenceOuterThisAndStatics() throws Throwable {
    String body =
        String.join(
            "\n",
            "    calls++;",
            "    Function<String, String> parent = super::greet;",
            "    Inner inner = new Inner();",
            "    Supplier<Integer> viaOuter = () -> Tool.this.state + inner.inner + inner.outerState();",
            "    return parent.apply(input) + \" \" + greet(input) + \" \" + super.baseField",
            "        + \" \" + viaOuter.get() + \" \" + tag(input) + \" \" + calls;");
    assertEquals("hello x hi x 100 7 <x> 1", reloadAndRun(body, "x"));
  }

  @Test
  void anonymousAndLocalClassesAreMovedWithTheMethod() throws Throwable {
    String body =
        String.join(
            "\n",
            "    class Counter { int n; void bump() { n += state; } }",
            "    Counter counter = new Counter();",
            "    counter.bump();",
            "    Comparator<String> byLength = new Comparator<String>() {",
            "      @Override public int compare(String a, String b) { state++; return a.length() - b.length(); }",
            "    };",
            "    List<String> words = new ArrayList<>(List.of(input.split(\" \")));",
            "    words.sort(byLength);",
            "    return words + \" \" + counter.n;");
    Object result = reloadAndRun(body, "ccc a bb");
    assertEquals("[a, bb, ccc] 1", result);
    java.lang.reflect.Field state = program.type("demo.Tool").getDeclaredField("state");
    state.setAccessible(true);
    assertTrue(state.getInt(tool) > 1, "the anonymous comparator wrote the private field");
  }

  @Test
  void assertStatementsFollowTheRunningClassAssertionStatus() throws Throwable {
    String body =
        String.join("\n", "    assert input.isEmpty() : \"not empty\";", "    return \"passed \" + input;");
    // Tests run with -ea, so the new assert is live, as in the running class.
    boolean enabled = program.type("demo.Tool").desiredAssertionStatus();
    if (enabled) {
      program.write("demo.Tool", TOOL_V1.replace("    return input;", body));
      assertTrue(program.reload(slot).succeeded());
      AssertionError error = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> call(tool, "run", "x"));
      assertEquals("not empty", error.getMessage());
    } else {
      assertEquals("passed x", reloadAndRun(body, "x"));
    }
  }

  @Test
  void repeatedReloadsRunTheNewestVersionEachTime() throws Throwable {
    for (int version = 1; version <= 5; version++) {
      assertEquals("v" + version, reloadAndRun("    return \"v" + version + "\";", "x"));
    }
  }

  @Test
  void swappingIsAtomicForThreadsCallingTheMethod() throws Throwable {
    program.write("demo.Tool", TOOL_V1.replace("    return input;", "    return \"old\" + \"|\" + \"old\";"));
    assertTrue(program.reload(slot).succeeded());
    int threads = 4;
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch started = new CountDownLatch(threads);
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread worker =
          new Thread(
              () -> {
                started.countDown();
                try {
                  while (!stop.get()) {
                    String value = (String) call(tool, "run", "x");
                    if (!value.equals("old|old") && !value.equals("new|new")) {
                      seen.add(value);
                    }
                  }
                } catch (Throwable t) {
                  failures.add(t);
                }
              });
      worker.start();
      workers.add(worker);
    }
    started.await();
    for (int round = 0; round < 6; round++) {
      String body = round % 2 == 0 ? "    return \"new\" + \"|\" + \"new\";" : "    return \"old\" + \"|\" + \"old\";";
      program.write("demo.Tool", TOOL_V1.replace("    return input;", body));
      ReloadResult result = program.reload(slot);
      assertTrue(result.succeeded(), result::message);
    }
    stop.set(true);
    for (Thread worker : workers) {
      worker.join();
    }
    assertTrue(failures.isEmpty(), () -> "calls failed during swaps: " + failures);
    assertTrue(seen.isEmpty(), () -> "a call saw a mix of versions: " + seen);
    assertEquals("old|old", call(tool, "run", "x"));
  }

  @Test
  void aNewNonPrivateMethodMovesWithItsCallerButANewOverrideIsRefused() throws Throwable {
    program.write(
        "demo.Tool",
        TOOL_V1
            .replace("  public String run(", "  public String extra(String s) { return s + state; }\n  public String run(")
            .replace("    return input;", "    return extra(input);"));
    ReloadResult added = program.reload(slot);
    assertTrue(added.succeeded(), added.message());
    assertEquals("x1", call(tool, "run", "x"));

    program.write(
        "demo.Tool",
        TOOL_V1.replace("  public String run(", "  @Override public String toString() { return \"t\"; }\n  public String run("));
    ReloadResult result = program.reload(slot);
    assertFalse(result.succeeded());
    assertTrue(
        result.message().contains(
            "a new method `java.lang.String toString()` in demo.Tool overrides an inherited one,"
                + " which running code would still call instead"),
        result.message());
    assertEquals("x1", call(tool, "run", "x"));
  }
}
