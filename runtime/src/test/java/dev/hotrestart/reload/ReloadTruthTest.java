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

/**
 * What a reload says is what it did: no edit is no reload (and no compile), versions count per
 * method, a saved edit that is not applied is named with the reason, and a failure is one message.
 */
class ReloadTruthTest {

  private static final String SHOP =
      String.join(
          "\n",
          "package demo;",
          "public class Shop {",
          "  static final String OPENED;",
          "  static { OPENED = \"opened\"; }",
          "  private final String name;",
          "  public Shop() { name = \"shop\"; }",
          "  private String tag() { return \"t\"; }",
          "  public String one() { return \"one \" + tag(); }",
          "  public String two() { return \"two\"; }",
          "  public String name() { return name; }",
          "}",
          "");

  @TempDir Path dir;
  ReloadHarness program;
  MethodSlot one;
  MethodSlot two;
  Object shop;
  int bumps;

  @BeforeEach
  void setUp() throws Exception {
    program =
        new ReloadHarness(dir)
            .write("demo.Shop", SHOP)
            .proxy(
                "demo.Shop",
                new Wrapped("public String one()", "String", "", ""),
                new Wrapped("public String two()", "String", "", ""))
            .start();
    shop = program.create("demo.Shop");
    one = program.slot("demo.Shop", 0);
    two = program.slot("demo.Shop", 1);
    // As a program started after its sources were saved.
    Files.setLastModifiedTime(program.sourceOf("demo.Shop"), FileTime.from(Instant.EPOCH));
  }

  @AfterEach
  void tearDown() throws Exception {
    program.close();
  }

  private void edit(String from, String to) throws Exception {
    Path file = program.sourceOf("demo.Shop");
    String text = Files.readString(file);
    assertTrue(text.contains(from), from);
    Files.writeString(file, text.replace(from, to));
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5 + bumps++)));
  }

  @Test
  void continuingWithoutAnEditSwapsNothingAndSaysSo() throws Throwable {
    ReloadResult result = program.reload(one);

    assertTrue(result.succeeded(), result::message);
    assertFalse(result.changed(), result::message);
    assertEquals(
        "hotrestart: no change to demo.Shop.one() since its running code (the original); nothing"
            + " reloaded",
        result.message());
    assertEquals(0, one.version());
  }

  @Test
  void versionsCountPerMethodAndAnUnchangedMethodKeepsItsVersion() throws Throwable {
    edit("\"one \"", "\"ONE \"");
    ReloadResult first = program.reload(one);
    assertTrue(first.changed(), first::message);
    assertEquals(1, one.version());
    assertEquals(1, first.swapped().get(0).version());
    assertTrue(first.swapped().get(0).text().contains("\"ONE \""), "the text compiled");

    edit("\"two\"", "\"TWO\"");
    ReloadResult second = program.reload(two);
    assertTrue(second.changed(), second::message);
    assertEquals(1, two.version(), "two's first reload, whatever one did");
    assertEquals("TWO", call(shop, "two"));

    // Saved again without a change to one(): compiled, found the same, not swapped.
    edit("\"TWO\"", "\"TWO!\"");
    ReloadResult again = program.reload(one);
    assertFalse(again.changed(), again::message);
    assertTrue(
        again.message().contains("no change to demo.Shop.one() since its running code (version 1)"),
        again.message());
    assertEquals(1, one.version());
  }

  @Test
  void aFixInAPrivateHelperIsAppliedWithItsCaller() throws Throwable {
    edit("return \"t\";", "return \"T\";");
    ReloadResult result = program.reload(one);
    assertTrue(result.changed(), result::message);
    assertEquals("one T", call(shop, "one"));
  }

  @Test
  void editsTheReloadDoesNotApplyAreNamedWithTheReason() throws Throwable {
    edit("name = \"shop\";", "name = \"store\";");
    edit("OPENED = \"opened\";", "OPENED = \"open\";");
    edit("\"one \"", "\"1 \"");

    ReloadResult result = program.reload(one);

    assertTrue(result.changed(), result::message);
    String message = result.message();
    assertTrue(
        message.contains(
            "hotrestart: not applied: the change to the constructor Shop() in Shop.java (a reload"
                + " swaps wrapped methods and the private methods and lambdas they call, not"
                + " constructors; a restart applies it)"),
        message);
    assertTrue(
        message.contains("not applied: the change to the static initializer of Shop in Shop.java"),
        message);
    assertTrue(message.startsWith("hotrestart: reloaded demo.Shop.one() from Shop.java"), message);
    assertFalse(message.contains("change to Shop.one()"), "one() was applied: " + message);
  }

  @Test
  void methodsAnEditOnlyMovesDownAreNotNamedAsChanged() throws Throwable {
    // Lines added in one() move two() and name() down: their code is the same, and the reload
    // compiles their bodies blanked, which must not read as an edit.
    edit("public String one() { return \"one \" + tag(); }",
        "public String one() {\n    String one = \"1 \";\n    return one + tag();\n  }");

    ReloadResult result = program.reload(one);

    assertTrue(result.changed(), result::message);
    assertEquals("1 t", call(shop, "one"));
    assertFalse(result.message().contains("not applied"), result::message);
  }

  @Test
  void anEditToAnotherFileOfTheProgramIsNamed() throws Throwable {
    program.write("demo.Util", "package demo;\npublic class Util {}\n").recompile();
    Files.setLastModifiedTime(program.sourceOf("demo.Util"), FileTime.from(Instant.EPOCH));
    program.write("demo.Util", "package demo;\npublic class Util { static int two() { return 2; } }\n");

    ReloadResult result = program.reload(one);

    assertTrue(
        result.message().contains(
            "hotrestart: not applied: Util.java was saved since its running code was compiled"
                + " (Util has no wrapped method"),
        result.message());
  }

  @Test
  void aFailedReloadIsOneMessageEndingWithWhatToType() throws Throwable {
    edit("\"one \"", "\"one \" oops");

    ReloadResult result = program.reload(one);

    assertFalse(result.succeeded());
    String message = result.message();
    assertTrue(message.contains("Shop.java:8: error:"), message);
    assertTrue(
        message.endsWith(
            "hotrestart: Shop.java does not compile.\n"
                + "hotrestart: nothing was reloaded; the old code is still running. Fix it and"
                + " type c again, or r to raise the exception."),
        message);
    assertEquals(1, message.split("old code is still running", -1).length - 1, message);
    assertEquals(0, one.version());

    // The broken save was never applied: a c after fixing it, and even without, compiles again.
    edit("\"one \" oops", "\"fixed \"");
    ReloadResult fixed = program.reload(one);
    assertTrue(fixed.changed(), fixed::message);
    assertEquals("fixed t", call(shop, "one"));
  }
}
