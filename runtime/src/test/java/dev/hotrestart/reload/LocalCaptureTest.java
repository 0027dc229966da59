package dev.hotrestart.reload;

import static dev.hotrestart.reload.ReloadHarness.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.reload.ReloadHarness.Wrapped;
import dev.hotrestart.slot.MethodSlot;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copies of wrapped methods capture their variables live at a throw, and only then. */
class LocalCaptureTest {

  private static final String GRID =
      String.join(
          "\n",
          "package demo;",
          "import java.util.*;",
          "public class Grid {",
          "  int count = 3;",
          "  public synchronized int fill(int units, String region) {",
          "    int[] cells = new int[units];",
          "    long total = 0;",
          "    for (int i = 0; i < units; i++) {",
          "      String note = region + i;",
          "      double ratio = i / 2.0;",
          "      cells[i] = i;",
          "      total += i;",
          "      if (i == 2) {",
          "        Object missing = null;",
          "        int count = 7;",
          "        List.of(1).forEach(x -> { throw new IllegalStateException(note + x + count); });",
          "      }",
          "    }",
          "    String after = \"never\";",
          "    return after.length();",
          "  }",
          "  public int ok(int x) {",
          "    int y = x * 2;",
          "    return y + 1;",
          "  }",
          "}",
          "");

  @TempDir Path dir;
  ReloadHarness program;

  @AfterEach
  void tearDown() throws Exception {
    program.close();
  }

  private MethodSlot start() throws Exception {
    return start(false);
  }

  private MethodSlot start(boolean withoutDebugInformation) throws Exception {
    program = new ReloadHarness(dir);
    program
        .write("demo.Grid", GRID)
        .proxy(
            "demo.Grid",
            new Wrapped("public int fill(int units, String region)", "int", "int.class, String.class", "units, region"),
            new Wrapped("public int ok(int x)", "int", "int.class", "x"))
        .start();
    if (withoutDebugInformation) {
      program.recompile(); // javac's default: lines, no variable names
    }
    MethodSlot fill = program.slot("demo.Grid", 0);
    LocalsPreparation.prepare(fill);
    new LocalsPreparation().methodStarted(fill);
    new LocalsPreparation().methodStarted(program.slot("demo.Grid", 1));
    return fill;
  }

  @Test
  void theVariablesLiveAtTheThrowAreCaptured() throws Throwable {
    MethodSlot fill = start();
    Object grid = program.create("demo.Grid");
    IllegalStateException thrown =
        assertThrows(IllegalStateException.class, () -> call(grid, "fill", 5, "north"));
    assertEquals("north217", thrown.getMessage());

    LocalCapture.Frame frame =
        LocalCapture.frameOf(thrown, fill.declaringClass(), LocalCapture.methodKey(fill)).orElseThrow();
    List<String> names =
        frame.variables().stream().map(LocalCapture.Variable::name).collect(Collectors.toList());
    assertEquals(
        List.of("this", "units", "region", "cells", "total", "i", "note", "ratio", "missing", "count"),
        names);
    assertEquals(5, frame.value("units"));
    assertEquals("north", frame.value("region"));
    assertEquals(List.of(0, 1, 2, 0, 0), Arrays.stream((int[]) frame.value("cells")).boxed().collect(Collectors.toList()));
    assertEquals(3L, frame.value("total"));
    assertEquals(2, frame.value("i"));
    assertEquals("north2", frame.value("note"));
    assertEquals(1.0, frame.value("ratio"));
    assertTrue(frame.has("missing"));
    assertEquals(null, frame.value("missing"));
    assertEquals(7, frame.value("count"));
    assertFalse(frame.has("after"), "not assigned yet at the throw");
    assertEquals(1, LocalCapture.framesOf(thrown).size());
  }

  @Test
  void theTraceNamesTheRunningClassNotTheCopy() throws Throwable {
    start();
    Object grid = program.create("demo.Grid");
    IllegalStateException thrown =
        assertThrows(IllegalStateException.class, () -> call(grid, "fill", 5, "north"));
    String trace = Arrays.toString(thrown.getStackTrace());
    assertFalse(trace.contains(LocalCapture.COPY_MARK), trace);
    assertTrue(trace.contains("demo.Grid.fill(Grid.java:"), trace);
  }

  @Test
  void theNormalPathRunsTheCopyUnchanged() throws Throwable {
    start();
    Object grid = program.create("demo.Grid");
    assertEquals(9, call(grid, "ok", 4));
    assertEquals(0, program.slot("demo.Grid", 1).version(), "a copy is no new version");
  }

  @Test
  void withoutDebugInformationTheReasonIsKnown() throws Throwable {
    MethodSlot fill = start(true);
    Object grid = program.create("demo.Grid");
    IllegalStateException thrown =
        assertThrows(IllegalStateException.class, () -> call(grid, "fill", 5, "north"));
    assertTrue(LocalCapture.framesOf(thrown).isEmpty());
    String trace = Arrays.toString(thrown.getStackTrace());
    assertTrue(trace.contains("demo.Grid.fill(Grid.java:"), "the original code runs: " + trace);
    assertEquals(
        "demo.Grid was compiled without -g, so its local variables have no names; compile it"
            + " with -g (Maven's default) to see them",
        LocalCapture.whyNot(fill.declaringClass(), LocalCapture.methodKey(fill)).orElseThrow());
  }
}
