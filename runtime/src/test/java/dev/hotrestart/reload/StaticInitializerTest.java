package dev.hotrestart.reload;

import static dev.hotrestart.reload.ReloadHarness.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.reload.ReloadHarness.Wrapped;
import dev.hotrestart.slot.MethodSlot;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reload defines the classes of the edit without initialising them: a static initialiser in
 * the new code runs when the program first uses its class, as it would have without hotrestart,
 * and a throw there is the program's exception, not a failed reload.
 */
class StaticInitializerTest {

  private static final String TOOL =
      String.join(
          "\n",
          "package demo;",
          "public class Tool {",
          "  public static int initialised;",
          "  public String run(String input) {",
          "    return input;",
          "  }",
          "}",
          "");

  /** A local class whose static initialiser counts its runs and throws. */
  private static final String EDIT =
      String.join(
          "\n",
          "    class Table {",
          "      static final int SIZE = size();",
          "      static int size() {",
          "        initialised++;",
          "        throw new IllegalStateException(\"no table for \" + initialised);",
          "      }",
          "    }",
          "    if (input.equals(\"table\")) {",
          "      return \"size \" + Table.SIZE;",
          "    }",
          "    return \"plain \" + input;");

  @TempDir Path dir;
  ReloadHarness program;
  Object tool;
  MethodSlot slot;

  @BeforeEach
  void setUp() throws Throwable {
    program = new ReloadHarness(dir);
    program
        .write("demo.Tool", TOOL)
        .proxy("demo.Tool", new Wrapped("public String run(String input)", "String", "String.class", "input"))
        .start();
    tool = program.create("demo.Tool");
    slot = program.slot("demo.Tool", 0);
  }

  @AfterEach
  void tearDown() throws Exception {
    program.close();
  }

  @Test
  void aReloadRunsNoStaticInitialiserOfTheNewCode() throws Throwable {
    program.write("demo.Tool", TOOL.replace("    return input;", EDIT));
    ReloadResult result = program.reload(slot);
    assertTrue(result.succeeded(), result::message);

    assertEquals("plain x", call(tool, "run", "x"));
    assertEquals(0, program.type("demo.Tool").getDeclaredField("initialised").getInt(null),
        "the initialiser of a class the program never used ran");
  }

  @Test
  void aThrowingStaticInitialiserFailsWhereTheProgramUsesTheClass() throws Throwable {
    program.write("demo.Tool", TOOL.replace("    return input;", EDIT));
    assertTrue(program.reload(slot).succeeded());

    ExceptionInInitializerError error =
        assertThrows(ExceptionInInitializerError.class, () -> call(tool, "run", "table"));
    IllegalStateException cause = assertInstanceOf(IllegalStateException.class, error.getCause());
    assertEquals("no table for 1", cause.getMessage());
    StackTraceElement where = cause.getStackTrace()[0];
    assertEquals("Tool.java", where.getFileName());
    assertEquals(9, where.getLineNumber());
  }
}
