package dev.hotrestart.reload;

import static dev.hotrestart.reload.ReloadHarness.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.reload.ReloadHarness.Wrapped;
import dev.hotrestart.slot.MethodSlot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
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
  /** Code that lives outside the wrapped methods' own bodies: anonymous and local classes, lambdas. */
  private static final String D =
      String.join(
          "\n",
          "package demo;",
          "import java.util.*;",
          "import java.util.function.*;",
          "public class D {",
          "  private String suffix = \"!\";",
          "  public String plain() {",
          "    return \"p\";",
          "  }",
          "  public String sorted() {",
          "    List<String> list = new ArrayList<>(List.of(\"b\", \"c\", \"a\"));",
          "    list.sort(new Comparator<String>() {",
          "      @Override public int compare(String x, String y) {",
          "        return x.compareTo(y);",
          "      }",
          "    });",
          "    return String.join(\"\", list);",
          "  }",
          "  public String local() {",
          "    class Shout {",
          "      String up(String s) {",
          "        return s.toUpperCase();",
          "      }",
          "    }",
          "    return new Shout().up(\"x\");",
          "  }",
          "  public String lambda() {",
          "    Function<String, String> f = s -> s + suffix;",
          "    return f.apply(\"l\");",
          "  }",
          "  public String nested() {",
          "    Supplier<Runnable> make = () -> new Runnable() {",
          "      @Override public void run() {",
          "        Function<String, String> inner = s -> s + \"1\";",
          "        suffix = inner.apply(\"n\");",
          "      }",
          "    };",
          "    make.get().run();",
          "    return suffix;",
          "  }",
          "}",
          "");

  /** Switches on enums: javac puts every switch map of the class in one synthetic class, E$1. */
  private static final String E =
      String.join(
          "\n",
          "package demo;",
          "import java.time.DayOfWeek;",
          "import java.util.concurrent.TimeUnit;",
          "public class E {",
          "  public String day(DayOfWeek day) {",
          "    return \"d\";",
          "  }",
          "  public String unit(TimeUnit unit) {",
          "    switch (unit) {",
          "      case SECONDS: return \"s\";",
          "      case MINUTES: return \"m\";",
          "      default: return \"?\";",
          "    }",
          "  }",
          "}",
          "");

  @TempDir Path dir;
  ReloadHarness program;
  Object a;
  Object b;
  Object c;
  MethodSlot one;
  MethodSlot two;
  MethodSlot three;
  MethodSlot four;
  Object d;
  List<MethodSlot> dSlots;
  Object e;
  MethodSlot unit;
  MethodSlot day;

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
        .write("demo.D", D)
        .proxy(
            "demo.D",
            new Wrapped("public String plain()", "String", "", ""),
            new Wrapped("public String sorted()", "String", "", ""),
            new Wrapped("public String local()", "String", "", ""),
            new Wrapped("public String lambda()", "String", "", ""),
            new Wrapped("public String nested()", "String", "", ""))
        .write("demo.E", E)
        .proxy(
            "demo.E",
            new Wrapped(
                "public String day(java.time.DayOfWeek day)",
                "String",
                "java.time.DayOfWeek.class",
                "day"),
            new Wrapped(
                "public String unit(java.util.concurrent.TimeUnit unit)",
                "String",
                "java.util.concurrent.TimeUnit.class",
                "unit"))
        .start();
    a = program.create("demo.A");
    b = program.create("demo.B");
    c = program.create("demo.C");
    one = program.slot("demo.A", 0);
    two = program.slot("demo.A", 1);
    three = program.slot("demo.B", 0);
    four = program.slot("demo.C", 0);
    d = program.create("demo.D");
    dSlots = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      dSlots.add(program.slot("demo.D", i));
    }
    e = program.create("demo.E");
    day = program.slot("demo.E", 0);
    unit = program.slot("demo.E", 1);
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
    // one() crashed but did not change: it keeps its code and version (nothing to swap).
    assertTrue(result.message().contains("reloaded demo.A.two()"), result.message());
    assertTrue(result.message().contains("no change to demo.A.one()"), result.message());
    assertEquals(0, one.version());
    assertTrue(result.message().contains("reloaded demo.B.three()"), result.message());
    assertFalse(result.message().contains("demo.C.four()"), "C's code did not change: " + result.message());
    assertEquals(0, four.version());
    assertEquals("a1", call(a, "one"));
    assertEquals("a2+", call(a, "two"));
    assertEquals("B3", call(b, "three"));
    assertEquals("c4", call(c, "four"));

    // Nothing changed since: nothing is reloaded, and the crashed method says so.
    ReloadResult again = program.reloader.reloadChanged(one, List.of(one, two, three, four));
    assertTrue(again.succeeded(), again::message);
    assertFalse(again.changed(), again::message);
    assertEquals(
        "hotrestart: no change to demo.A.one() since its running code (the original); nothing"
            + " reloaded",
        again.message().lines().findFirst().orElseThrow());
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

  /** The methods of D that {@code reloadChanged} swapped, in D's order, by name. */
  private List<String> reloadedInD(ReloadResult result) {
    List<String> names = new ArrayList<>();
    for (MethodSlot slot : dSlots) {
      if (result.message().contains("demo.D." + slot.methodName() + "()")) {
        names.add(slot.methodName());
      }
    }
    return names;
  }

  private ReloadResult reloadAllAfterEditingD(String from, String to) throws Exception {
    String source = D.replace(from, to);
    assertFalse(source.equals(D), "the edit must change D: " + from);
    edit("demo.D", source);
    // The crashed method is A.one(): D's methods are reloaded only if they changed.
    List<MethodSlot> candidates = new ArrayList<>(List.of(one, two, three, four));
    candidates.addAll(dSlots);
    ReloadResult result = program.reloader.reloadChanged(one, candidates);
    assertTrue(result.succeeded(), result::message);
    return result;
  }

  @Test
  void anEditOnlyInsideAnAnonymousClassReloadsTheMethodThatCreatesIt() throws Throwable {
    assertEquals("abc", call(d, "sorted"));
    ReloadResult result = reloadAllAfterEditingD("return x.compareTo(y);", "return y.compareTo(x);");

    assertEquals(List.of("sorted"), reloadedInD(result), result.message());
    assertEquals("cba", call(d, "sorted"));
  }

  @Test
  void anEditOnlyInsideALocalClassReloadsTheMethodThatDeclaresIt() throws Throwable {
    ReloadResult result = reloadAllAfterEditingD("return s.toUpperCase();", "return s + s;");

    assertEquals(List.of("local"), reloadedInD(result), result.message());
    assertEquals("xx", call(d, "local"));
  }

  @Test
  void anEditOnlyInsideALambdaReloadsTheMethodThatCreatesIt() throws Throwable {
    ReloadResult result = reloadAllAfterEditingD("s -> s + suffix", "s -> suffix + s");

    assertEquals(List.of("lambda"), reloadedInD(result), result.message());
    assertEquals("!l", call(d, "lambda"));
  }

  @Test
  void anEditInALambdaInsideAnAnonymousClassInsideALambdaIsSeen() throws Throwable {
    assertEquals("n1", call(d, "nested"));
    ReloadResult result = reloadAllAfterEditingD("s + \"1\"", "s + \"2\"");

    assertEquals(List.of("nested"), reloadedInD(result), result.message());
    assertEquals("n2", call(d, "nested"));
  }

  @Test
  void anonymousClassesRenumberedByAnEditElsewhereAreNoChange() throws Throwable {
    // A new anonymous class and lambda above sorted() make its Comparator D$2 instead of D$1,
    // and renumber the lambda bodies of lambda() and nested(): the same code under other names,
    // so only plain() changed.
    ReloadResult result =
        reloadAllAfterEditingD(
            "return \"p\";",
            "Supplier<Object> p = () -> new Object() {\n"
                + "      @Override public String toString() { return \"P\"; }\n"
                + "    };\n"
                + "    return p.get().toString();");

    assertEquals(List.of("plain"), reloadedInD(result), result.message());
    assertEquals("P", call(d, "plain"));
    assertEquals("abc", call(d, "sorted"));
    assertEquals("l!", call(d, "lambda"));
    assertEquals("n1", call(d, "nested"));
  }

  @Test
  void anAnonymousClassEditIsSeenAfterAnIdeRecompiledItsClassFile() throws Throwable {
    // The running code is the class files as they were when the proxy was created, the
    // anonymous class's included; an IDE writing the edited D$1.class meanwhile hides nothing.
    program.reloader.remember(dSlots.get(1));
    edit("demo.D", D.replace("return x.compareTo(y);", "return y.compareTo(x);"));
    program.recompile();
    List<MethodSlot> candidates = new ArrayList<>(List.of(one));
    candidates.addAll(dSlots);
    ReloadResult result = program.reloader.reloadChanged(one, candidates);
    assertTrue(result.succeeded(), result::message);

    assertEquals(List.of("sorted"), reloadedInD(result), result.message());
    assertEquals("cba", call(d, "sorted"));
  }

  @Test
  void continuingTheCrashedMethodPicksUpAnEditOnlyInsideItsAnonymousClass() throws Throwable {
    MethodSlot sorted = dSlots.get(1);
    edit("demo.D", D.replace("return x.compareTo(y);", "return y.compareTo(x);"));

    // Plain c, then c with reloadAll, the crashed method being sorted() itself.
    ReloadResult result = program.reload(sorted);
    assertTrue(result.succeeded(), result::message);
    assertEquals("cba", call(d, "sorted"));

    edit("demo.D", D.replace("return x.compareTo(y);", "return x.length() - y.length() + x.compareTo(y);"));
    ReloadResult again = program.reloader.reloadChanged(sorted, dSlots);
    assertTrue(again.succeeded(), again::message);
    assertEquals(List.of("sorted"), reloadedInD(again), again.message());
    assertEquals("abc", call(d, "sorted"));
  }

  @Test
  void aNewEnumSwitchElsewhereIsNoChangeToTheMethodsThatAlreadySwitch() throws Throwable {
    // The new switch on DayOfWeek adds a map to E$1, which unit()'s switch on TimeUnit reads too;
    // unit()'s own map and code are the same, so only day() changed.
    edit(
        "demo.E",
        E.replace(
            "    return \"d\";",
            "    switch (day) {\n      case MONDAY: return \"mon\";\n      default: return \"d\";\n    }"));
    ReloadResult result = program.reloader.reloadChanged(one, List.of(one, unit, day));
    assertTrue(result.succeeded(), result::message);

    assertTrue(result.message().contains("demo.E.day("), result.message());
    assertFalse(result.message().contains("demo.E.unit("), result.message());
    assertEquals(0, unit.version());
    assertEquals("mon", call(e, "day", java.time.DayOfWeek.MONDAY));
    assertEquals("d", call(e, "day", java.time.DayOfWeek.FRIDAY));
    assertEquals("m", call(e, "unit", java.util.concurrent.TimeUnit.MINUTES));
  }

  @Test
  void anEnumCaseEditThatLeavesTheBytecodeAsItWasIsStillAChange() throws Throwable {
    // case SECONDS becomes case HOURS: HOURS takes SECONDS's number in the switch map, so unit()'s
    // own instructions do not change at all; only the map's entries tell the edit.
    edit("demo.E", E.replace("case SECONDS:", "case HOURS:"));
    ReloadResult result = program.reloader.reloadChanged(one, List.of(one, unit, day));
    assertTrue(result.succeeded(), result::message);

    assertTrue(result.message().contains("demo.E.unit("), result.message());
    assertEquals("s", call(e, "unit", java.util.concurrent.TimeUnit.HOURS));
    assertEquals("?", call(e, "unit", java.util.concurrent.TimeUnit.SECONDS));
  }

  @Test
  void methodsStillSwitchRightWhenAnEditRenumbersTheirEnumsMap() throws Throwable {
    // javac numbers a switch map's entries in the order the class's cases meet the constants. A
    // switch on TimeUnit in day(), above unit(), meets HOURS first: in the new compile SECONDS
    // and MINUTES get other numbers, and whatever is reloaded must read the map it was compiled
    // against.
    edit(
        "demo.E",
        E.replace(
            "    return \"d\";",
            "    if (day == DayOfWeek.SUNDAY) {\n      switch (TimeUnit.HOURS) {\n"
                + "        case HOURS: return \"h\";\n        case MINUTES: return \"min\";\n"
                + "        default: return \"x\";\n      }\n    }\n    return \"d\";"));
    ReloadResult result = program.reloader.reloadChanged(one, List.of(one, unit, day));
    assertTrue(result.succeeded(), result::message);

    assertTrue(result.message().contains("demo.E.day("), result.message());
    assertEquals("h", call(e, "day", java.time.DayOfWeek.SUNDAY));
    assertEquals("d", call(e, "day", java.time.DayOfWeek.MONDAY));
    assertEquals("s", call(e, "unit", java.util.concurrent.TimeUnit.SECONDS));
    assertEquals("m", call(e, "unit", java.util.concurrent.TimeUnit.MINUTES));
    assertEquals("?", call(e, "unit", java.util.concurrent.TimeUnit.HOURS));
  }
}
