package dev.hotrestart.reload;

import static dev.hotrestart.reload.ReloadHarness.call;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.reload.ReloadHarness.Wrapped;
import dev.hotrestart.slot.MethodSlot;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wrapped method still running (a caller waiting for a crashed call) is read with its
 * variables as they are, named by its copy's LocalVariableTable at the waiting instruction.
 */
class LiveLocalsTest {

  private static final String CALLER =
      String.join(
          "\n",
          "package demo;",
          "import java.util.function.Supplier;",
          "public class Caller {",
          "  int count = 3;",
          "  public String run(int units, String region, Supplier<Object> inside) {",
          "    long big = 1L << 40;",
          "    double ratio = units / 4.0;",
          "    int[] cells = new int[units];",
          "    Object missing = null;",
          "    boolean flag = units > 2;",
          "    char letter = 'q';",
          "    float half = 0.5f;",
          "    for (int i = 0; i < 1; i++) {",
          "      String note = region + i;",
          "      Object seen = inside.get();",
          "      return \"\" + seen + note + big + ratio + cells.length + missing + flag + letter + half;",
          "    }",
          "    String after = \"never\";",
          "    return after;",
          "  }",
          "}",
          "");

  @TempDir Path dir;
  ReloadHarness program;

  @AfterEach
  void tearDown() throws Exception {
    if (program != null) {
      program.close();
    }
  }

  @Test
  void aWaitingWrappedMethodShowsItsVariablesAsTheyAre() throws Throwable {
    program = new ReloadHarness(dir);
    program
        .write("demo.Caller", CALLER)
        .proxy(
            "demo.Caller",
            new Wrapped(
                "public String run(int units, String region, java.util.function.Supplier<Object> inside)",
                "String",
                "int.class, String.class, java.util.function.Supplier.class",
                "units, region, inside"))
        .start();
    MethodSlot run = program.slot("demo.Caller", 0);
    LocalsPreparation.prepare(run);
    new LocalsPreparation().methodStarted(run);
    Object caller = program.create("demo.Caller");

    LiveLocals.Walk[] seen = new LiveLocals.Walk[1];
    Supplier<Object> inside =
        () -> {
          seen[0] = LiveLocals.walk();
          return "x";
        };
    assertEquals("xnorth010995116277760.753nulltrueq0.5", call(caller, "run", 3, "north", inside));

    LiveLocals.Walk walk = seen[0];
    assertNull(walk.unavailable(), "surefire opens java.lang as mvn hotrestart:run does");
    assertEquals(1, walk.frames().size(), walk.toString());
    LocalCapture.Frame frame = walk.frames().get(0).frame();
    assertSame(run.declaringClass(), frame.running());
    assertEquals(LocalCapture.methodKey(run), frame.methodKey());
    assertEquals("run", frame.methodName());
    List<String> names =
        frame.variables().stream().map(LocalCapture.Variable::name).collect(Collectors.toList());
    assertEquals(
        List.of("this", "units", "region", "inside", "big", "ratio", "cells", "missing", "flag",
            "letter", "half", "i", "note"),
        names.stream().sorted((a, b) -> order(a) - order(b)).collect(Collectors.toList()),
        names.toString());
    assertFalse(frame.has("seen"), "not assigned yet while it waits");
    assertFalse(frame.has("after"), "out of scope");
    assertSame(caller, frame.value("this"));
    assertEquals(3, frame.value("units"));
    assertEquals("north", frame.value("region"));
    assertSame(inside, frame.value("inside"));
    assertEquals(1L << 40, frame.value("big"));
    assertEquals(0.75, frame.value("ratio"));
    assertArrayEquals(new int[3], (int[]) frame.value("cells"));
    assertTrue(frame.has("missing"));
    assertNull(frame.value("missing"));
    assertEquals(true, frame.value("flag"));
    assertEquals('q', frame.value("letter"));
    assertEquals(0.5f, frame.value("half"));
    assertEquals(0, frame.value("i"));
    assertEquals("north0", frame.value("note"));
    assertFalse(walk.frames().get(0).compiled(), "run once: interpreted");
    assertEquals(
        Set.of(),
        walk.frames().get(0).unsure(),
        "the copy's capture handler reads every variable in scope at the call, so none is dead");
  }

  private static int order(String name) {
    return List.of("this", "units", "region", "inside", "big", "ratio", "cells", "missing", "flag",
            "letter", "half", "i", "note").indexOf(name);
  }

  /** A method without capture handlers, whose variables die where the JIT may drop them. */
  static int sample(int first, int second) {
    int doubled = first * 2;
    int waited = helper(doubled);
    return waited + second;
  }

  static int helper(int value) {
    return value;
  }

  @Test
  void aVariableNotReadAfterTheCallIsNotLive() throws Exception {
    LiveLocals.Code code =
        LiveLocals.Code.of(ClassFiles.of(LiveLocalsTest.class), "sample(II)I");
    int call = -1;
    for (org.objectweb.asm.tree.AbstractInsnNode insn : code.method.instructions) {
      if (insn instanceof org.objectweb.asm.tree.MethodInsnNode
          && ((org.objectweb.asm.tree.MethodInsnNode) insn).name.equals("helper")) {
        call = code.offset(insn);
      }
    }
    // iload_0 iconst_2 imul istore_2 iload_2 invokestatic: the call is at offset 5.
    assertEquals(5, call);
    assertEquals(Set.of(1), code.liveAfter(call), "only second is read after helper returns");
    assertEquals(0, code.offset(code.method.localVariables.get(0).start));
  }

  @Test
  void noWorkClassOnTheStackMeansNoFrames() {
    LiveLocals.Walk walk = LiveLocals.walk();
    assertNull(walk.unavailable());
    assertEquals(List.of(), walk.frames());
  }
}
