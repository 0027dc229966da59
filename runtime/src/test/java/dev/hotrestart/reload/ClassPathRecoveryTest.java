package dev.hotrestart.reload;

import static dev.hotrestart.reload.ReloadHarness.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.reload.ReloadHarness.Wrapped;
import dev.hotrestart.slot.Crash;
import dev.hotrestart.slot.MethodSlot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The program's class files deleted under the running program ({@code mvn clean}, an IDE's
 * rebuild): while they are gone, a reload or {@code p} says which class path entry is missing
 * instead of blaming the source; once they are back, both work again.
 */
class ClassPathRecoveryTest {

  private static final String BASE =
      String.join(
          "\n",
          "package demo;",
          "public class Base {",
          "  protected int base() { return 100; }",
          "}",
          "");

  private static final String WORKER =
      String.join(
          "\n",
          "package demo;",
          "public class Worker extends Base {",
          "  public int work(int x) {",
          "    return x;",
          "  }",
          "}",
          "");

  @TempDir Path dir;
  ReloadHarness program;
  Object worker;
  MethodSlot slot;
  Path classes;
  Path moved;

  @BeforeEach
  void setUp() throws Throwable {
    program = new ReloadHarness(dir);
    program
        .write("demo.Base", BASE)
        .write("demo.Worker", WORKER)
        .proxy("demo.Worker", new Wrapped("public int work(int x)", "int", "int.class", "x"))
        .start();
    worker = program.create("demo.Worker");
    slot = program.slot("demo.Worker", 0);
    classes = dir.resolve("classes");
    moved = dir.resolve("classes-away");
  }

  @AfterEach
  void tearDown() throws Exception {
    program.close();
  }

  @Test
  void aReloadWhileTheClassFilesAreGoneNamesTheMissingEntryAndRecoversWhenTheyAreBack()
      throws Throwable {
    program.write("demo.Worker", WORKER.replace("return x;", "return x + base();"));
    Files.move(classes, moved);

    ReloadResult missing = program.reload(slot);
    assertFalse(missing.succeeded());
    assertTrue(missing.message().contains(classes.toString()), missing.message());
    assertTrue(missing.message().contains("old code"), missing.message());
    assertFalse(missing.message().contains("cannot find symbol"), missing.message());
    assertFalse(missing.message().contains("does not compile"), missing.message());
    assertEquals(1, call(worker, "work", 1), "the old code still runs");

    Files.move(moved, classes);
    ReloadResult back = program.reload(slot);
    assertTrue(back.succeeded(), back::message);
    assertEquals(101, call(worker, "work", 1));
  }

  @Test
  void aCompileThatSawTheEntryMissingDoesNotPoisonLaterOnes() throws Throwable {
    Evaluator evaluator = new Evaluator(program.reloader);
    Crash crash = new Crash(slot, new IllegalStateException("boom"), worker, new Object[] {2});
    Files.move(classes, moved);

    Evaluation missing = evaluator.evaluate(crash, "base() + x");
    assertFalse(missing.succeeded());
    assertTrue(missing.error().contains(classes.toString()), missing.error());

    Files.move(moved, classes);
    Evaluation back = evaluator.evaluate(crash, "base() + x");
    assertTrue(back.succeeded(), back::error);
    assertEquals(102, back.value());
  }
}
