package dev.hotrestart.reload;

import static dev.hotrestart.reload.ReloadHarness.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.reload.ReloadHarness.Wrapped;
import dev.hotrestart.slot.MethodSlot;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synchronized methods keep Java's locking once reloaded: an instance method locks its receiver,
 * a static one its declaring class (the running class, not the class the code moved to), and the
 * lock is released however the method ends. An edit to a synchronized method is never ignored.
 */
class ReloadSynchronizedTest {

  private static final String COUNTER =
      String.join(
          "\n",
          "package demo;",
          "import java.util.concurrent.BlockingQueue;",
          "public class Counter {",
          "  public static BlockingQueue<String> entered;",
          "  public static BlockingQueue<String> proceed;",
          "  private int n;",
          "  public synchronized String bump(int by) {",
          "    n += by;",
          "    return \"v1 \" + n;",
          "  }",
          "  public String viaHelper(int by) {",
          "    return helper(by);",
          "  }",
          "  private synchronized String helper(int by) {",
          "    return \"h1 \" + by;",
          "  }",
          "  public String viaStatic() {",
          "    return shared();",
          "  }",
          "  private static synchronized String shared() {",
          "    return \"s1\";",
          "  }",
          "}",
          "");

  @TempDir Path dir;
  ReloadHarness program;
  Object counter;
  Class<?> counterClass;
  MethodSlot bump;
  MethodSlot viaHelper;
  MethodSlot viaStatic;

  @BeforeEach
  void setUp() throws Throwable {
    program = new ReloadHarness(dir);
    program
        .write("demo.Counter", COUNTER)
        .proxy(
            "demo.Counter",
            new Wrapped("public String bump(int by)", "String", "int.class", "by"),
            new Wrapped("public String viaHelper(int by)", "String", "int.class", "by"),
            new Wrapped("public String viaStatic()", "String", "", ""))
        .start();
    counter = program.create("demo.Counter");
    counterClass = program.type("demo.Counter");
    bump = program.slot("demo.Counter", 0);
    viaHelper = program.slot("demo.Counter", 1);
    viaStatic = program.slot("demo.Counter", 2);
  }

  @AfterEach
  void tearDown() throws Exception {
    program.close();
  }

  private void edit(String from, String to) {
    String source = COUNTER.replace(from, to);
    assertFalse(source.equals(COUNTER), "the edit must change the source: " + from);
    program.write("demo.Counter", source);
  }

  private static void reloadOk(ReloadResult result) {
    assertTrue(result.succeeded(), result::message);
  }

  @Test
  void editedSynchronizedMethodRunsItsNewCodeHoldingTheReceiversLock() throws Throwable {
    edit(
        "return \"v1 \" + n;",
        "return \"v2 \" + n + \" \" + Thread.holdsLock(this) + \" \" + Thread.holdsLock(Counter.class);");
    reloadOk(program.reload(bump));

    assertEquals("v2 2 true false", call(counter, "bump", 2));
    assertFalse(Thread.holdsLock(counter), "released on return");
  }

  @Test
  void waitAndNotifyWorkInAReloadedSynchronizedMethod() throws Throwable {
    // Object.wait throws IllegalMonitorStateException unless the caller holds the monitor.
    edit(
        "return \"v1 \" + n;",
        "try { wait(1); } catch (InterruptedException e) { throw new IllegalStateException(e); }\n"
            + "    notifyAll();\n    return \"v2 \" + n;");
    reloadOk(program.reload(bump));

    assertEquals("v2 3", call(counter, "bump", 3));
  }

  @Test
  void anotherThreadCannotEnterWhileTheReloadedMethodRuns() throws Throwable {
    BlockingQueue<String> entered = new ArrayBlockingQueue<>(1);
    BlockingQueue<String> proceed = new ArrayBlockingQueue<>(1);
    counterClass.getField("entered").set(null, entered);
    counterClass.getField("proceed").set(null, proceed);
    edit(
        "return \"v1 \" + n;",
        "entered.add(\"in\");\n"
            + "    try { proceed.take(); } catch (InterruptedException e) { throw new IllegalStateException(e); }\n"
            + "    return \"v2 \" + n;");
    reloadOk(program.reload(bump));

    AtomicReference<Object> first = new AtomicReference<>();
    Thread inside = new Thread(() -> first.set(callOrFailure(counter, 1)), "inside");
    inside.start();
    assertEquals("in", entered.poll(10, TimeUnit.SECONDS));

    AtomicReference<String> blockedResult = new AtomicReference<>();
    Thread blocked =
        new Thread(
            () -> {
              synchronized (counter) {
                blockedResult.set("entered");
              }
            },
            "blocked");
    blocked.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (blocked.getState() != Thread.State.BLOCKED && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(Thread.State.BLOCKED, blocked.getState(), "the receiver's monitor is held");
    assertEquals(null, blockedResult.get());

    proceed.add("go");
    inside.join(10_000);
    blocked.join(10_000);
    assertEquals("v2 1", first.get());
    assertEquals("entered", blockedResult.get(), "released on return");
  }

  private static Object callOrFailure(Object target, int by) {
    try {
      return call(target, "bump", by);
    } catch (Throwable e) {
      return e;
    }
  }

  @Test
  void theLockIsReleasedWhenTheReloadedMethodThrows() throws Throwable {
    edit(
        "return \"v1 \" + n;",
        "if (by < 0) {\n      throw new IllegalArgumentException(\"negative \" + by);\n    }\n"
            + "    try {\n      return \"v2 \" + Integer.parseInt(\"x\" + by);\n"
            + "    } catch (NumberFormatException e) {\n      return \"v2 caught \" + Thread.holdsLock(this);\n    }");
    reloadOk(program.reload(bump));

    // The method's own try/catch still comes first.
    assertEquals("v2 caught true", call(counter, "bump", 1));
    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> call(counter, "bump", -1));
    assertEquals("negative -1", thrown.getMessage());
    assertFalse(Thread.holdsLock(counter));
    // Another thread can take the monitor: it was released, not leaked by the throw.
    Thread other = new Thread(() -> {
      synchronized (counter) {
        // entered
      }
    });
    other.start();
    other.join(10_000);
    assertFalse(other.isAlive(), "another thread could not take the monitor after a throw");
  }

  @Test
  void editedPrivateSynchronizedHelperRunsItsNewCodeHoldingTheReceiversLock() throws Throwable {
    edit("return \"h1 \" + by;", "return \"h2 \" + by + \" \" + Thread.holdsLock(this);");
    reloadOk(program.reload(viaHelper));

    assertEquals("h2 4 true", call(counter, "viaHelper", 4));
    assertFalse(Thread.holdsLock(counter));
  }

  @Test
  void aMethodReferenceToAnEditedSynchronizedHelperRunsItsNewCodeLocked() throws Throwable {
    program.write(
        "demo.Counter",
        COUNTER
            .replace("return helper(by);", "java.util.function.IntFunction<String> f = this::helper;\n    return f.apply(by);")
            .replace("return \"h1 \" + by;", "return \"h2 \" + by + \" \" + Thread.holdsLock(this);"));
    reloadOk(program.reload(viaHelper));

    assertEquals("h2 7 true", call(counter, "viaHelper", 7));
  }

  @Test
  void editedStaticSynchronizedHelperLocksTheRunningClass() throws Throwable {
    edit(
        "return \"s1\";",
        "Object work = java.lang.invoke.MethodHandles.lookup().lookupClass();\n"
            + "    return \"s2 \" + Thread.holdsLock(Counter.class) + \" \" + (work != Counter.class)"
            + " + \" \" + Thread.holdsLock(work);");
    reloadOk(program.reload(viaStatic));

    // Runs in the work class, yet holds the running class's monitor, not the work class's.
    assertEquals("s2 true true false", call(counter, "viaStatic"));
    assertFalse(Thread.holdsLock(counterClass));
  }

  @Test
  void newSynchronizedHelperIsMovedAndLocks() throws Throwable {
    edit(
        "return helper(by);",
        "return helper(by) + \" \" + added(by);\n  }\n"
            + "  private synchronized String added(int by) {\n"
            + "    return \"added \" + Thread.holdsLock(this);");
    reloadOk(program.reload(viaHelper));

    assertEquals("h1 5 added true", call(counter, "viaHelper", 5));
  }

  @Test
  void loopsWideResultsVoidReturnsAndNestedLocksInMovedSynchronizedHelpers() throws Throwable {
    // A loop at the very start (a frame at offset 0), a long result (the widest return), a void
    // helper that returns early, a reentrant synchronized block and a try/finally.
    edit(
        "return helper(by);",
        String.join(
            "\n",
            "long total = sum(by);",
            "    check(by);",
            "    return \"sum \" + total;",
            "  }",
            "  private synchronized long sum(int by) {",
            "    while (by > 0) {",
            "      if (!Thread.holdsLock(this)) { return -1L; }",
            "      synchronized (this) { n += by--; }",
            "    }",
            "    try {",
            "      return (long) n;",
            "    } finally {",
            "      n = 0;",
            "    }",
            "  }",
            "  private synchronized void check(int by) {",
            "    if (by == 0) { return; }",
            "    if (!Thread.holdsLock(this)) { throw new IllegalStateException(\"not locked\"); }"));
    reloadOk(program.reload(viaHelper));

    assertEquals("sum 6", call(counter, "viaHelper", 3));
    assertEquals("sum 0", call(counter, "viaHelper", 0));
    // Enough calls for the JIT to compile the moved code with its explicit monitors.
    for (int i = 0; i < 20_000; i++) {
      assertEquals("sum 3", call(counter, "viaHelper", 2));
    }
    assertFalse(Thread.holdsLock(counter));
  }

  @Test
  void reloadAllSeesAnEditInsideASynchronizedHelper() throws Throwable {
    edit("return \"h1 \" + by;", "return \"h3 \" + by;");
    java.nio.file.Files.setLastModifiedTime(
        program.sourceOf("demo.Counter"),
        java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(5)));
    ReloadResult result = program.reloader.reloadChanged(bump, List.of(bump, viaHelper, viaStatic));
    reloadOk(result);

    assertTrue(result.message().contains("demo.Counter.viaHelper("), result.message());
    assertFalse(result.message().contains("viaStatic"), result.message());
    assertEquals("h3 6", call(counter, "viaHelper", 6));
  }
}
