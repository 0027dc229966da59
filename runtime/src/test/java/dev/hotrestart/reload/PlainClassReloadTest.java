package dev.hotrestart.reload;

import static dev.hotrestart.reload.ReloadHarness.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.tools.attach.VirtualMachine;
import dev.hotrestart.reload.ReloadHarness.Wrapped;
import dev.hotrestart.slot.Crash;
import dev.hotrestart.slot.MethodSlot;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code c} applies saved edits of classes without wrapped methods through the Java agent's
 * {@code Instrumentation}: a body change redefines the class, a new lambda or private helper moves
 * the changed method beside it, a change no JVM can redefine is refused by name, and a broken file
 * changes nothing. The runtime is loaded into this JVM as an agent, as {@code -javaagent} would.
 */
class PlainClassReloadTest {

  private static final String MONEY =
      String.join(
          "\n",
          "package demo;",
          "public final class Money {",
          "  private static final int SCALE = 100;",
          "  private Money() {}",
          "  public static int cents(String amount) {",
          "    return Integer.parseInt(amount) * SCALE;",
          "  }",
          "}",
          "");
  private static final String SHOP =
      String.join(
          "\n",
          "package demo;",
          "public class Shop {",
          "  public int price(String amount) {",
          "    return Money.cents(amount);",
          "  }",
          "}",
          "");

  /** Another plain class, loaded from disk when a reload first looks at it. */
  private static final String FEE =
      "package demo;\npublic final class Fee {\n  public static int fee() {\n    return 1;\n  }\n}\n";

  /** A plain class with instances. */
  private static final String TALLY =
      "package demo;\npublic class Tally {\n  private int seen;\n  public int add(int x) {\n"
          + "    seen += x;\n    return seen;\n  }\n}\n";

  private static Object instrumentation;

  @TempDir Path dir;
  private ReloadHarness program;
  private Object shop;
  private MethodSlot price;

  /** Loads the runtime as an agent into this JVM once: a jar naming the agent class suffices. */
  @BeforeAll
  static void loadAgent(@TempDir Path jarDir) throws Exception {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Agent-Class", "dev.hotrestart.agent.Agent");
    main.putValue("Can-Redefine-Classes", "true");
    main.putValue("Can-Retransform-Classes", "true");
    Path jar = jarDir.resolve("agent.jar");
    try (OutputStream out = Files.newOutputStream(jar)) {
      new JarOutputStream(out, manifest).finish(); // the manifest is the whole jar
    }
    VirtualMachine vm = VirtualMachine.attach(String.valueOf(ProcessHandle.current().pid()));
    try {
      vm.loadAgent(jar.toString());
    } finally {
      vm.detach();
    }
    instrumentation = Redefiner.instrumentation().orElseThrow();
  }

  @BeforeEach
  void setUp() throws Throwable {
    ObjectCounts.maxUsedHeap = Long.MAX_VALUE; // this JVM's heap holds every test's programs
    Redefiner.install((java.lang.instrument.Instrumentation) instrumentation);
    start(dir, MONEY);
    assertEquals(300, call(shop, "price", "3"));
  }

  private void start(Path root, String money, String... more) throws Throwable {
    program = new ReloadHarness(root);
    for (int i = 0; i < more.length; i += 2) {
      program.write(more[i], more[i + 1]);
    }
    program
        .write("demo.Money", money)
        .write("demo.Fee", FEE)
        .write("demo.Tally", TALLY)
        .write("demo.Shop", SHOP)
        .proxy("demo.Shop", new Wrapped("public int price(String amount)", "int", "String.class", "amount"))
        .start();
    shop = program.create("demo.Shop");
    price = program.slot("demo.Shop", 0);
  }

  @AfterEach
  void tearDown() throws Exception {
    Redefiner.uninstall();
    program.close();
  }

  @Test
  void aBodyChangeRedefinesThePlainClass() throws Throwable {
    program.save("demo.Money", "Integer.parseInt(amount) * SCALE", "Integer.parseInt(amount.trim()) * SCALE + 1");
    ReloadResult result = reloadAll();
    assertTrue(result.succeeded(), result.message());
    assertTrue(
        result.message().contains("hotrestart: reloaded demo.Money.cents(String) from Money.java in "),
        result.message());
    assertTrue(result.message().contains("class redefined"), result.message());
    assertEquals(301, call(shop, "price", " 3 "));

    ReloadResult again = reloadAll();
    assertTrue(again.succeeded(), again.message());
    assertFalse(again.message().contains("Money"), "an applied file is not applied again: " + again.message());
  }

  @Test
  void aNewLambdaAndPrivateHelperMoveTheChangedMethod() throws Throwable {
    program.save(
        "demo.Money",
        "    return Integer.parseInt(amount) * SCALE;\n  }",
        "    java.util.function.IntUnaryOperator scale = c -> c * SCALE + bonus();\n"
            + "    return scale.applyAsInt(Integer.parseInt(amount));\n  }\n"
            + "  private static int bonus() {\n    return 7;\n  }");
    ReloadResult result = reloadAll();
    assertTrue(result.succeeded(), result.message());
    assertTrue(result.message().contains("reloaded demo.Money.cents(String)"), result.message());
    assertTrue(
        result.message().contains("changed methods moved beside the running class"), result.message());
    assertEquals(307, call(shop, "price", "3"));

    // A later body-only edit of the moved method applies over the moved copy.
    program.save("demo.Money", "return 7;", "return 9;");
    ReloadResult later = reloadAll();
    assertTrue(later.succeeded(), later.message());
    assertEquals(309, call(shop, "price", "3"));

    // Back to the members the JVM has: the class is redefined whole again.
    Files.writeString(program.sourceOf("demo.Money"), MONEY.replace("* SCALE", "* SCALE * 2"));
    program.touch("demo.Money");
    ReloadResult back = reloadAll();
    assertTrue(back.message().contains("class redefined"), back.message());
    assertEquals(600, call(shop, "price", "3"));
  }

  @Test
  void anEditTheIdeAlreadyCompiledIntoTheClassDirectoryStillApplies() throws Throwable {
    program.save("demo.Money", "* SCALE;", "* SCALE + 5;");
    program.recompile();
    ReloadResult result = reloadAll();
    assertTrue(result.message().contains("reloaded demo.Money.cents(String)"), result.message());
    assertEquals(305, call(shop, "price", "3"));
  }

  @Test
  void anInstanceMethodOfANestedClassAndAnAnonymousClassReload() throws Throwable {
    program.close();
    start(
        dir.resolve("nested"),
        MONEY
            .replace("return Integer.parseInt(amount) * SCALE;", "return new Rounding().round(Integer.parseInt(amount) * SCALE);")
            .replace(
                "  private Money() {}",
                "  private Money() {}\n"
                    + "  static final class Rounding {\n"
                    + "    int round(int cents) {\n"
                    + "      java.util.function.IntSupplier s = new java.util.function.IntSupplier() {\n"
                    + "        @Override public int getAsInt() {\n"
                    + "          return cents;\n"
                    + "        }\n"
                    + "      };\n"
                    + "      return s.getAsInt();\n"
                    + "    }\n"
                    + "  }"));
    assertEquals(300, call(shop, "price", "3"));
    program.save("demo.Money", "          return cents;", "          return cents + 2;");
    program.save("demo.Money", "      return s.getAsInt();", "      return s.getAsInt() * 2;");
    ReloadResult result = reloadAll();
    assertTrue(result.succeeded(), result.message());
    assertTrue(result.message().contains("reloaded demo.Money$Rounding.round(int)"), result.message());
    assertTrue(result.message().contains("class redefined"), result.message());
    assertEquals(604, call(shop, "price", "3"));
  }

  @Test
  void aRemovedFieldIsRefusedByNameAndNothingChanges() throws Throwable {
    program.save("demo.Shop", "return Money.cents(amount);", "return Money.cents(amount) + 1;");
    program.save(
        "demo.Money",
        "  private Money() {}",
        "  @Override public String toString() {\n    return \"m\";\n  }\n  private Money() {}");
    program.save("demo.Money", "  private static final int SCALE = 100;\n", "");
    program.save("demo.Money", "* SCALE;", "* 100;");
    ReloadResult result = reloadAll();
    assertFalse(result.succeeded(), result.message());
    assertTrue(result.message().contains("field `SCALE` was removed from demo.Money"), result.message());
    assertTrue(
        result.message().contains(
            "a new method `java.lang.String toString()` in demo.Money overrides an inherited one"),
        result.message());
    assertTrue(result.message().contains("nothing was reloaded, in any class"), result.message());
    assertEquals(300, call(shop, "price", "3"), "the wrapped edit is not applied either");
  }

  @Test
  void aNewInstanceFieldLivesBesideTheObjectsMadeBeforeAndNewObjectsRunItsInitializer()
      throws Throwable {
    Class<?> tally = program.type("demo.Tally");
    Object before = tally.getConstructor().newInstance();
    assertEquals(2, call(before, "add", 2));
    program.save("demo.Tally", "  private int seen;", "  private int seen;\n  private int empties;\n  private int limit = 5;");
    program.save(
        "demo.Tally",
        "    seen += x;",
        "    if (x == 0) {\n      empties++;\n    }\n    seen += x * 100;\n    seen += empties * 10 + limit;");
    ReloadResult result = reloadAll();
    assertTrue(result.succeeded(), result.message());
    assertTrue(
        result.message().contains("reloaded the constructor demo.Tally(), demo.Tally.add(int)"),
        result.message());
    assertTrue(result.message().contains("class redefined"), result.message());
    assertTrue(
        result.message().contains(
            "hotrestart: new fields `empties` and `limit` start at 0 in the 1 existing object of"
                + " demo.Tally"),
        result.message());
    // Made before: no initializer ran, so `limit` is 0; `empties` counts from 0.
    assertEquals(2 + 10, call(before, "add", 0));
    assertEquals(12 + 20, call(before, "add", 0));
    // Made after: the redefined constructor ran `limit = 5`; each object has its own values.
    Object after = tally.getConstructor().newInstance();
    assertEquals(10 + 5, call(after, "add", 0));
    assertEquals(32 + 30, call(before, "add", 0), "the first object's fields are its own");

    // A later edit keeps the values: the field stays in its side table.
    program.save("demo.Tally", "seen += empties * 10 + limit;", "seen += empties * 1000 + limit;");
    ReloadResult again = reloadAll();
    assertTrue(again.succeeded(), again.message());
    assertFalse(again.message().contains("new field"), again.message());
    assertEquals(15 + 2000 + 5, call(after, "add", 0));
  }

  @Test
  void aWrappedClassWithANewFieldGetsItsConstructorRedefinedSoNewObjectsRunTheInitializer()
      throws Throwable {
    program.save("demo.Shop", "public class Shop {", "public class Shop {\n  private int limit = 5;");
    program.save("demo.Shop", "return Money.cents(amount);", "return Money.cents(amount) + limit;");
    ReloadResult result = reloadAll();
    assertTrue(result.succeeded(), result.message());
    assertTrue(result.message().contains("reloaded demo.Shop.price(String)"), result.message());
    assertTrue(
        result.message().contains(
            "hotrestart: new field `limit` starts at 0 in the 1 existing object of demo.Shop"),
        result.message());
    assertTrue(
        result.message().contains(
            "hotrestart: redefined the constructor demo.Shop() through the Java agent"),
        result.message());
    assertFalse(result.message().contains("not applied"), result.message());
    assertEquals(300, call(shop, "price", "3"), "made before the reload: limit is 0");
    assertEquals(305, call(program.create("demo.Shop"), "price", "3"), "made after: limit is 5");
  }

  @Test
  void aConstructorWithANewFieldsInitializerIsRedefinedWhenTheChangedMethodsMove()
      throws Throwable {
    Class<?> tally = program.type("demo.Tally");
    Object before = tally.getConstructor().newInstance();
    program.save("demo.Tally", "  private int seen;", "  private int seen;\n  private int limit = 5;");
    program.save(
        "demo.Tally",
        "    seen += x;",
        "    java.util.function.IntUnaryOperator plus = v -> v + limit;\n    seen = plus.applyAsInt(seen + x);");
    ReloadResult result = reloadAll();
    assertTrue(result.succeeded(), result.message());
    assertTrue(result.message().contains("changed methods moved beside the running class"), result.message());
    assertTrue(result.message().contains("the constructor demo.Tally()"), result.message());
    assertFalse(result.message().contains("not applied"), result.message());
    assertEquals(1, call(before, "add", 1), "made before: limit is 0");
    assertEquals(6, call(tally.getConstructor().newInstance(), "add", 1), "made after: limit is 5");
  }

  @Test
  void aNewStaticFieldGetsTheValueOfItsInitializer() throws Throwable {
    program.save(
        "demo.Money",
        "  private Money() {}",
        "  private static int calls = 7;\n"
            + "  private static final java.util.Map<String, Integer> SEEN = new java.util.HashMap<>();\n"
            + "  private Money() {}");
    program.save(
        "demo.Money",
        "    return Integer.parseInt(amount) * SCALE;",
        "    calls++;\n    SEEN.merge(amount, 1, Integer::sum);\n"
            + "    return Integer.parseInt(amount) * SCALE + calls + SEEN.get(amount) * 1000;");
    ReloadResult result = reloadAll();
    assertTrue(result.succeeded(), result.message());
    assertTrue(
        result.message().contains(
            "hotrestart: new static fields `calls` and `SEEN` of demo.Money set by their"
                + " initializers"),
        result.message());
    assertFalse(result.message().contains("not applied"), result.message());
    assertEquals(300 + 8 + 1000, call(shop, "price", "3"));
    assertEquals(300 + 9 + 2000, call(shop, "price", "3"));

    // A new static field of a class redefined whole (no new lambda or method) starts the same.
    program.save("demo.Fee", "  public static int fee() {", "  static final long BASE = 40L;\n"
        + "  private static String unit = \"c\".repeat(2);\n  public static int fee() {");
    program.save("demo.Fee", "return 1;", "return (int) BASE + unit.length();");
    ReloadResult fee = reloadAll();
    assertTrue(fee.succeeded(), fee.message());
    assertTrue(
        fee.message().contains(
            "hotrestart: new static fields `BASE` and `unit` of demo.Fee set by their initializers"),
        fee.message());
    assertFalse(fee.message().contains("not applied"), fee.message());
    assertEquals(42, program.type("demo.Fee").getMethod("fee").invoke(null));
  }

  @Test
  void aNewPublicMethodMovesWithItsCallerAndOtherClassesCallTheMovedCopy() throws Throwable {
    program.save(
        "demo.Money",
        "    return Integer.parseInt(amount) * SCALE;\n  }",
        "    return Integer.parseInt(amount) * rate();\n  }\n"
            + "  public static int rate() {\n    return 10;\n  }");
    ReloadResult result = reloadAll();
    assertTrue(result.succeeded(), result.message());
    assertTrue(result.message().contains("changed methods moved beside the running class"), result.message());
    assertEquals(30, call(shop, "price", "3"));

    // A plain class redefined whole that calls it: linked to the moved copy.
    program.save("demo.Fee", "return 1;", "return Money.rate();");
    program.recompile(); // as an IDE would: javac compiles Fee against the class files
    ReloadResult plain = reloadAll();
    assertTrue(plain.succeeded(), plain.message());
    assertEquals(10, program.type("demo.Fee").getMethod("fee").invoke(null));

    // A wrapped method calling it: linked the same way.
    program.save("demo.Shop", "return Money.cents(amount);", "return Money.cents(amount) + Money.rate();");
    ReloadResult wrapped = reloadAll();
    assertTrue(wrapped.succeeded(), wrapped.message());
    assertEquals(40, call(shop, "price", "3"));

    // A new method of a wrapped class moves too, and another class calls it.
    program.save("demo.Shop", "public class Shop {", "public class Shop {\n  public static int extra() {\n    return 5;\n  }");
    program.save("demo.Fee", "return Money.rate();", "return Shop.extra();");
    ReloadResult wrappedNew = reloadAll();
    assertTrue(wrappedNew.succeeded(), wrappedNew.message());
    assertTrue(wrappedNew.message().contains("new method demo.Shop.extra()"), wrappedNew.message());
    assertEquals(5, program.type("demo.Fee").getMethod("fee").invoke(null));
    assertEquals(40, call(shop, "price", "3"));
  }

  @Test
  void callsOfNewMethodsOfPlainClassesDispatchOnTheReceiver() throws Throwable {
    program.close();
    start(
        dir.resolve("dispatch"),
        MONEY,
        "demo.Big",
        "package demo;\npublic class Big extends Tally {\n}\n",
        "demo.Sized",
        "package demo;\npublic interface Sized {\n  int units();\n}\n",
        "demo.Box",
        "package demo;\npublic class Box implements Sized {\n  public int units() {\n    return 2;\n  }\n}\n");
    // A new method in a class and an override of it, new in the same edit, in a subclass; and a
    // new default method of an interface.
    program.save("demo.Tally", "  public int add(int x) {", "  public int bonus() {\n    return 1;\n  }\n  public int add(int x) {");
    program.save("demo.Big", "public class Big extends Tally {", "public class Big extends Tally {\n  @Override public int bonus() {\n    return 2;\n  }");
    program.save(
        "demo.Sized",
        "  int units();",
        "  int units();\n  default int size() {\n    return units() * 7;\n  }\n"
            + "  static int none() {\n    return 100;\n  }");
    program.save(
        "demo.Shop",
        "return Money.cents(amount);",
        "Tally tally = amount.isEmpty() ? new Tally() : new Big();\n"
            + "    Sized sized = new Box();\n"
            + "    return tally.bonus() * 1000 + sized.size() + Sized.none();");
    ReloadResult result = reloadAll();
    assertTrue(result.succeeded(), result.message());
    assertEquals(2114, call(shop, "price", "3"), "Big's own bonus(), Sized's new size() and none()");
    assertEquals(1114, call(shop, "price", ""));
  }

  @Test
  void aNewMethodOfAnotherFileChangedInTheSameReloadIsCalledThroughItsMovedCopy()
      throws Throwable {
    program.save(
        "demo.Money",
        "  private Money() {}",
        "  private Money() {}\n  public static int tip(int cents) {\n    return cents / 10;\n  }");
    program.save("demo.Shop", "return Money.cents(amount);", "return Money.cents(amount) + Money.tip(50);");
    program.save("demo.Fee", "return 1;", "return Money.tip(20);");
    ReloadResult result = reloadAll();
    assertTrue(result.succeeded(), result.message());
    assertTrue(result.message().contains("reloaded demo.Money.tip(int) from Money.java"), result.message());
    assertEquals(305, call(shop, "price", "3"));
    assertEquals(2, program.type("demo.Fee").getMethod("fee").invoke(null));
  }


  @Test
  void aBrokenPlainFileBlocksTheWholeReload() throws Throwable {
    program.save("demo.Shop", "return Money.cents(amount);", "return Money.cents(amount) + 1;");
    program.save("demo.Money", "return Integer.parseInt(amount) * SCALE;", "return Integer.parseInt(amount) * SCALE");
    ReloadResult result = reloadAll();
    assertFalse(result.succeeded(), result.message());
    assertTrue(result.message().contains("Money.java does not compile."), result.message());
    assertTrue(result.message().contains("';' expected"), result.message());
    assertEquals(300, call(shop, "price", "3"));
  }

  @Test
  void withoutTheAgentThePlainFileIsNamedWithTheFlag() throws Throwable {
    Redefiner.uninstall();
    program.save("demo.Money", "* SCALE;", "* SCALE + 1;");
    ReloadResult result = reloadAll();
    assertTrue(result.succeeded(), result.message());
    assertTrue(
        result.message().contains(
            "hotrestart: not applied: Money.java was saved since its running code was compiled"
                + " (Money has no wrapped method, and classes without one reload only when the"
                + " runtime jar is the program's Java agent: add -javaagent:"),
        result.message());
    assertEquals(300, call(shop, "price", "3"));
  }

  @Test
  void withoutTheAgentAWrappedClassesNewStaticFieldStartsTheSameAndItsConstructorIsNotApplied()
      throws Throwable {
    Redefiner.uninstall();
    program.save(
        "demo.Shop",
        "public class Shop {",
        "public class Shop {\n"
            + "  private static final java.util.List<String> SEEN = new java.util.ArrayList<>();\n"
            + "  private int limit = 5;");
    program.save(
        "demo.Shop",
        "return Money.cents(amount);",
        "SEEN.add(amount);\n    return Money.cents(amount) + limit * 10 + SEEN.size();");
    ReloadResult result = reloadAll();
    assertTrue(result.succeeded(), result.message());
    assertTrue(
        result.message().contains("hotrestart: new static field `SEEN` of demo.Shop set by its initializer"),
        result.message());
    assertTrue(
        result.message().contains("hotrestart: not applied: the change to the constructor Shop() in Shop.java"),
        result.message());
    assertEquals(300 + 1, call(shop, "price", "3"));
    assertEquals(300 + 2, call(program.create("demo.Shop"), "price", "3"), "no initializer ran: limit is 0");
  }

  @Test
  void pCompilesAFileThatCallsAMethodAnotherFilesReloadAdded() throws Throwable {
    program.save(
        "demo.Money",
        "    return Integer.parseInt(amount) * SCALE;\n  }",
        "    return Integer.parseInt(amount) * rate();\n  }\n"
            + "  public static int rate() {\n    return 10;\n  }");
    program.save("demo.Shop", "return Money.cents(amount);", "return Money.cents(amount) + Money.rate();");
    ReloadResult result = reloadAll();
    assertTrue(result.succeeded(), result.message());
    // Shop.java compiles only seeing Money.java: Money's class file on disk has no rate().
    Crash crash = new Crash(price, new IllegalStateException("boom"), shop, new Object[] {"2"});
    Evaluation value = new Evaluator(program.reloader).evaluate(crash, "price(amount) + Money.rate()");
    assertTrue(value.succeeded(), value.error());
    assertEquals(40, value.value());
  }

  private ReloadResult reloadAll() {
    return program.reloader.reloadChanged(price, List.of(price));
  }

}
