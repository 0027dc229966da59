package dev.hotrestart.reload;

import static dev.hotrestart.reload.ReloadHarness.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.reload.ReloadHarness.Wrapped;
import dev.hotrestart.slot.MethodSlot;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -Dhotrestart.reloadAll=true}: every changed wrapped method, and only those. */
class ReloadChangedTest {

  private static final String A =
      "package demo;\npublic class A {\n"
          + "  public String one() { return \"a1\"; }\n"
          + "  public String two() { return \"a2\" + helper(); }\n"
          + "  private String helper() { return \"\"; }\n}\n";
  private static final String B = "package demo;\npublic class B {\n  public String three() { return \"b3\"; }\n}\n";
  private static final String C = "package demo;\npublic class C {\n  public String four() { return \"c4\"; }\n}\n";

  @TempDir Path dir;
  ReloadHarness program;
  Object a;
  Object b;
  Object c;
  MethodSlot one;
  MethodSlot two;
  MethodSlot three;
  MethodSlot four;

  @BeforeEach
  void setUp() throws Throwable {
    program = new ReloadHarness(dir);
    program
        .write("demo.A", A)
        .write("demo.B", B)
        .write("demo.C", C)
        .proxy("demo.A", new Wrapped("public String one()", "String", "", ""), new Wrapped("public String two()", "String", "", ""))
        .proxy("demo.B", new Wrapped("public String three()", "String", "", ""))
        .proxy("demo.C", new Wrapped("public String four()", "String", "", ""))
        .start();
    a = program.create("demo.A");
    b = program.create("demo.B");
    c = program.create("demo.C");
    one = program.slot("demo.A", 0);
    two = program.slot("demo.A", 1);
    three = program.slot("demo.B", 0);
    four = program.slot("demo.C", 0);
  }

  @AfterEach
  void tearDown() throws Exception {
    program.close();
  }

  /** Writes a new version and moves its modification time past anything compiled before. */
  private void edit(String className, String source) throws Exception {
    program.write(className, source);
    Files.setLastModifiedTime(
        program.sourceOf(className), FileTime.from(Instant.now().plusSeconds(5 + bumps++)));
  }

  private int bumps;

  @Test
  void reloadsTheCrashedMethodAndEveryChangedOneButNoOther() throws Throwable {
    // two() changes through its private helper only; three() changes; C is touched, not changed.
    edit("demo.A", A.replace("return \"\"; }", "return \"+\"; }"));
    edit("demo.B", B.replace("\"b3\"", "\"B3\""));
    edit("demo.C", C.replace("\"c4\"; }", "\"c4\";\n  }"));

    ReloadResult result = program.reloader.reloadChanged(one, List.of(one, two, three, four));

    assertTrue(result.succeeded(), result::message);
    assertTrue(result.message().contains("reloaded demo.A.one(), demo.A.two()"), result.message());
    assertTrue(result.message().contains("reloaded demo.B.three()"), result.message());
    assertFalse(result.message().contains("demo.C.four()"), "C's code did not change: " + result.message());
    assertEquals(0, four.version());
    assertEquals("a1", call(a, "one"));
    assertEquals("a2+", call(a, "two"));
    assertEquals("B3", call(b, "three"));
    assertEquals("c4", call(c, "four"));

    // Nothing changed since: only the crashed method is reloaded again.
    ReloadResult again = program.reloader.reloadChanged(one, List.of(one, two, three, four));
    assertTrue(again.succeeded(), again::message);
    assertEquals("reloaded demo.A.one()", again.message().replaceAll("^hotrestart: (reloaded [^ ]+).*$", "$1"));
  }

  @Test
  void aBrokenFileAnywhereSwapsNothingAnywhere() throws Throwable {
    edit("demo.A", A.replace("\"a1\"", "\"A1\""));
    edit("demo.B", B.replace("\"b3\";", "\"b3\" oops;"));

    ReloadResult result = program.reloader.reloadChanged(one, List.of(one, two, three, four));

    assertFalse(result.succeeded());
    assertTrue(result.message().contains("B.java:3: error:"), result.message());
    assertTrue(result.message().contains("nothing was reloaded, in any class"), result.message());
    assertEquals("a1", call(a, "one"), "the crashed method's good edit was not swapped either");
    assertEquals(0, one.version());
  }
}
