package dev.hotrestart.reload;

import static dev.hotrestart.reload.ReloadHarness.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.reload.ReloadHarness.Wrapped;
import dev.hotrestart.slot.MethodSlot;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fix that uses a class of a source file new since the program started: the file is compiled
 * with it, and its classes are defined beside the running class before the swap, so the reloaded
 * method finds them.
 */
class NewSourceFileTest {

  private static final String COUNTER =
      "package demo;\npublic class Counter {\n"
          + "  public int work(int x) { return x + 1; }\n}\n";

  @TempDir Path dir;
  private ReloadHarness program;

  @BeforeEach
  void setUp() throws Exception {
    program = new ReloadHarness(dir);
    program
        .write("demo.Counter", COUNTER)
        .proxy("demo.Counter", new Wrapped("public int work(int x)", "int", "int.class", "x"))
        .start();
  }

  @AfterEach
  void tearDown() throws Exception {
    program.close();
  }

  @Test
  void aClassOfANewFileIsDefinedBesideTheReloadedOne() throws Throwable {
    Object counter = program.create("demo.Counter");
    assertEquals(11, call(counter, "work", 10));

    // Scale's superclass comes after it in the file, and so in javac's output: defined first.
    program.write(
        "demo.Scale",
        "package demo;\nfinal class Scale extends Unit {\n"
            + "  interface Step { int apply(int x); }\n"
            + "  static int times(int x) { Step s = y -> y * FACTOR; return s.apply(x); }\n}\n"
            + "class Unit {\n  static final int FACTOR = 100;\n}\n");
    program.write("demo.Counter", COUNTER.replace("return x + 1;", "return Scale.times(x) + 1;"));
    MethodSlot slot = program.slot("demo.Counter", 0);
    ReloadResult result = program.reload(slot);

    assertTrue(result.succeeded(), result::message);
    assertEquals(1001, call(counter, "work", 10));
    assertEquals("demo.Scale", program.type("demo.Scale").getName());
  }
}
