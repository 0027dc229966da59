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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New non-private methods of wrapped classes, called from another class's reloaded code, and the
 * dispatch of every call of a new method on the receiver's class. No Java agent: wrapped classes
 * need none for this.
 */
class NewMethodsTest {

  private static final String CLASSIFIER =
      String.join(
          "\n",
          "package demo;",
          "public class Classifier {",
          "  public String kind(String s) {",
          "    return s.isEmpty() ? \"empty\" : \"word\";",
          "  }",
          "}",
          "");
  /** A wrapped subclass. */
  private static final String STRICT =
      String.join(
          "\n",
          "package demo;",
          "public class Strict extends Classifier {",
          "  @Override public String kind(String s) {",
          "    return \"strict\";",
          "  }",
          "}",
          "");
  /** A plain subclass compiled with the method that its superclass will add. */
  private static final String LATE =
      String.join(
          "\n",
          "package demo;",
          "public class Late extends Classifier {",
          "  public int weight(String s) {",
          "    return 3;",
          "  }",
          "}",
          "");
  private static final String PIPELINE =
      String.join(
          "\n",
          "package demo;",
          "public class Pipeline {",
          "  public int take(Object classifier, String s) {",
          "    return ((Classifier) classifier).kind(s).length();",
          "  }",
          "}",
          "");

  @TempDir Path dir;
  private ReloadHarness program;
  private MethodSlot take;
  private Object pipeline;

  @BeforeEach
  void setUp() throws Throwable {
    ObjectCounts.maxUsedHeap = Long.MAX_VALUE; // this JVM's heap holds every test's programs
    program =
        new ReloadHarness(dir)
            .write("demo.Classifier", CLASSIFIER)
            .write("demo.Strict", STRICT)
            .write("demo.Late", LATE)
            .write("demo.Pipeline", PIPELINE)
            .proxy("demo.Classifier", new Wrapped("public String kind(String s)", "String", "String.class", "s"))
            .proxy("demo.Strict", new Wrapped("public String kind(String s)", "String", "String.class", "s"))
            .proxy(
                "demo.Pipeline",
                new Wrapped(
                    "public int take(Object classifier, String s)",
                    "int",
                    "Object.class, String.class",
                    "classifier, s"))
            .start();
    take = program.slot("demo.Pipeline", 0);
    pipeline = program.create("demo.Pipeline");
    assertEquals(4, call(pipeline, "take", program.create("demo.Classifier"), "ab"));
  }

  @AfterEach
  void tearDown() throws Exception {
    program.close();
  }

  @Test
  void aNewMethodOfAWrappedClassIsCalledFromAnotherClassAndAlwaysReachesItsNewestCode()
      throws Throwable {
    program.save("demo.Classifier", "  public String kind(String s) {",
        "  public int weight(String s) {\n    return s.length() * 10;\n  }\n  public String kind(String s) {");
    program.save("demo.Pipeline", "return ((Classifier) classifier).kind(s).length();",
        "return ((Classifier) classifier).weight(s);");
    ReloadResult result = reloadAll();
    assertTrue(result.succeeded(), result.message());
    assertTrue(result.message().contains("reloaded demo.Pipeline.take(Object, String)"), result.message());
    assertTrue(
        result.message().contains(
            "hotrestart: reloaded the new method demo.Classifier.weight(String) from Classifier.java"
                + " (moved beside the running class; calls from every reloaded class reach it)"),
        result.message());
    assertFalse(result.message().contains("not applied: the change"), result.message());
    // Through the proxy, and on an object made with `new`, which is not one.
    assertEquals(20, call(pipeline, "take", program.create("demo.Classifier"), "ab"));
    assertEquals(20, call(pipeline, "take", program.type("demo.Classifier").getConstructor().newInstance(), "ab"));

    // An edit of the new method alone: the caller, not reloaded again, reaches the new copy.
    program.save("demo.Classifier", "return s.length() * 10;", "return s.length() * 100;");
    ReloadResult again = reloadAll();
    assertTrue(again.succeeded(), again.message());
    assertTrue(again.message().contains("new method demo.Classifier.weight(String)"), again.message());
    assertEquals(200, call(pipeline, "take", program.create("demo.Classifier"), "ab"));

    // Saved again unchanged: not moved again.
    program.save("demo.Classifier", "return s.length() * 100;", "return s.length() * 100;");
    ReloadResult same = reloadAll();
    assertTrue(same.succeeded(), same.message());
    assertFalse(same.message().contains("new method"), same.message());
  }

  @Test
  void callsOfANewMethodDispatchOnTheReceiversClass() throws Throwable {
    program.save("demo.Classifier", "  public String kind(String s) {",
        "  public int weight(String s) {\n    return 1;\n  }\n  public String kind(String s) {");
    // A wrapped subclass overriding it in the same edit, and calling the new super method.
    program.save("demo.Strict", "  @Override public String kind(String s) {",
        "  @Override public int weight(String s) {\n    return super.weight(s) + 1;\n  }\n"
            + "  @Override public String kind(String s) {");
    program.save("demo.Pipeline", "return ((Classifier) classifier).kind(s).length();",
        "return ((Classifier) classifier).weight(s);");
    ReloadResult result = reloadAll();
    assertTrue(result.succeeded(), result.message());
    assertTrue(result.message().contains("new method demo.Strict.weight(String)"), result.message());
    assertEquals(1, call(pipeline, "take", program.create("demo.Classifier"), "ab"));
    assertEquals(2, call(pipeline, "take", program.create("demo.Strict"), "ab"));
    // A subclass loaded only now, compiled with a method of that name: its own is called.
    assertEquals(3, call(pipeline, "take", program.type("demo.Late").getConstructor().newInstance(), "ab"));
    assertEquals(1, call(pipeline, "take", program.create("demo.Classifier"), "ab"), "a class seen before");
    // Objects made with new, not proxies: a fourth and a fifth receiver class, past the inline
    // checks, then the first ones again.
    assertEquals(1, call(pipeline, "take", program.type("demo.Classifier").getConstructor().newInstance(), "ab"));
    assertEquals(2, call(pipeline, "take", program.type("demo.Strict").getConstructor().newInstance(), "ab"));
    assertEquals(2, call(pipeline, "take", program.create("demo.Strict"), "ab"));
    assertEquals(3, call(pipeline, "take", program.type("demo.Late").getConstructor().newInstance(), "ab"));
    // A debugger expression in the class's own code dispatches the same way.
    Evaluation printed =
        new Evaluator(program.reloader)
            .evaluate(
                new Crash(
                    program.slot("demo.Classifier", 0),
                    new IllegalStateException("boom"),
                    program.create("demo.Strict"),
                    new Object[] {"ab"}),
                "this.weight(s)");
    assertTrue(printed.succeeded(), printed.error());
    assertEquals(2, printed.value());
    // And in another class's code: at the prompt in Pipeline.take, p names Classifier's new method.
    Evaluation elsewhere =
        new Evaluator(program.reloader)
            .evaluate(
                new Crash(
                    take,
                    new IllegalStateException("boom"),
                    pipeline,
                    new Object[] {program.create("demo.Strict"), "ab"}),
                "((Classifier) classifier).weight(s)");
    assertTrue(elsewhere.succeeded(), elsewhere.error());
    assertEquals(2, elsewhere.value());

    // The subclass's override changes alone, in a later reload.
    program.save("demo.Strict", "return super.weight(s) + 1;", "return super.weight(s) + 5;");
    ReloadResult later = reloadAll();
    assertTrue(later.succeeded(), later.message());
    assertEquals(6, call(pipeline, "take", program.create("demo.Strict"), "ab"));
  }

  @Test
  void aCovariantOverrideOfANewMethodIsReachedThroughItsBridgeAndOfAnInheritedOneRefused()
      throws Throwable {
    program.save("demo.Classifier", "  public String kind(String s) {",
        "  public Object label() {\n    return \"classifier\";\n  }\n  public String kind(String s) {");
    program.save("demo.Strict", "  @Override public String kind(String s) {",
        "  @Override public String label() {\n    return \"strict\";\n  }\n"
            + "  @Override public Strict clone() {\n    return this;\n  }\n"
            + "  @Override public String kind(String s) {");
    program.save("demo.Pipeline", "return ((Classifier) classifier).kind(s).length();",
        "return ((Classifier) classifier).label().toString().length();");
    refusedWith(
        "a new method `clone` in demo.Strict overrides the inherited `java.lang.Object clone()`"
            + " with another return or parameter type, which running code would still call"
            + " instead");
    assertEquals(4, call(pipeline, "take", program.create("demo.Classifier"), "ab"));

    program.save("demo.Strict", "  @Override public Strict clone() {\n    return this;\n  }\n", "");
    ReloadResult result = reloadAll();
    assertTrue(result.succeeded(), result.message());
    assertTrue(result.message().contains("new method demo.Strict.label() from"), result.message());
    assertEquals("classifier".length(), call(pipeline, "take", program.create("demo.Classifier"), "ab"));
    assertEquals("strict".length(), call(pipeline, "take", program.create("demo.Strict"), "ab"));
  }

  @Test
  void aMethodReferenceToANewMethodWorksInItsOwnClassAndIsRefusedByNameElsewhere() throws Throwable {
    program.save("demo.Classifier", "    return s.isEmpty() ? \"empty\" : \"word\";",
        "    java.util.function.ToIntFunction<String> w = this::weight;\n"
            + "    return \"w\" + w.applyAsInt(s);\n  }\n"
            + "  public int weight(String s) {\n    return s.length();");
    program.save("demo.Pipeline", "return ((Classifier) classifier).kind(s).length();",
        "java.util.function.ToIntFunction<String> w = ((Classifier) classifier)::weight;\n"
            + "    return w.applyAsInt(s) + ((Classifier) classifier).kind(s).length();");
    ReloadResult refused =
        refusedWith(
            "hotrestart: cannot reload: the new code makes a method reference to"
                + " `demo.Classifier::weight`, a method a reload adds to another class, which a"
                + " method reference cannot reach; write it as a lambda that calls the method");
    // Found when its class's methods are moved, after the other classes' checks, as for every
    // such refusal in a wrapped method: that class alone keeps its old code.
    assertTrue(
        refused.message().contains("hotrestart: demo.Pipeline was not reloaded; its old code is still running."),
        refused.message());
    assertEquals("w2".length(), call(pipeline, "take", program.create("demo.Classifier"), "ab"));

    program.save("demo.Pipeline", "((Classifier) classifier)::weight;", "x -> ((Classifier) classifier).weight(x);");
    ReloadResult result = reloadAll();
    assertTrue(result.succeeded(), result.message());
    assertEquals(2 + "w2".length(), call(pipeline, "take", program.create("demo.Classifier"), "ab"));
  }

  @Test
  void aWrappedClassWhoseEditOnlyAddsAMethodStartsItsNewFieldsAndSaysSo() throws Throwable {
    program.save("demo.Classifier", "  public String kind(String s) {",
        "  private static final java.util.Map<String, Integer> SEEN = new java.util.HashMap<>();\n"
            + "  private int calls;\n"
            + "  public int weight(String s) {\n"
            + "    calls++;\n"
            + "    return SEEN.merge(s, 100, Integer::sum) + calls;\n"
            + "  }\n"
            + "  public String kind(String s) {");
    program.save("demo.Pipeline", "return ((Classifier) classifier).kind(s).length();",
        "return ((Classifier) classifier).weight(s);");
    ReloadResult result = reloadAll();
    assertTrue(result.succeeded(), result.message());
    assertTrue(
        result.message().contains(
            "new static field `SEEN` of demo.Classifier set by its initializer"),
        result.message());
    assertTrue(result.message().contains("new field `calls` starts at 0"), result.message());
    assertEquals(1, linesWith(result, "new field `calls`"), result.message());
    Object classifier = program.create("demo.Classifier");
    assertEquals(101, call(pipeline, "take", classifier, "ab"));
    assertEquals(202, call(pipeline, "take", classifier, "ab"));
  }

  @Test
  void aWrappedClassWhoseEditSwapsAMethodAndAddsOneSaysItsNewFieldsOnceAfterTheSwap()
      throws Throwable {
    program.save("demo.Classifier", "  public String kind(String s) {\n    return",
        "  private int calls;\n"
            + "  public int weight(String s) {\n    return ++calls;\n  }\n"
            + "  public String kind(String s) {\n    calls += 10;\n    return");
    program.save("demo.Pipeline", "return ((Classifier) classifier).kind(s).length();",
        "return ((Classifier) classifier).kind(s).length() * 100"
            + " + ((Classifier) classifier).weight(s);");
    ReloadResult result = reloadAll();
    assertTrue(result.succeeded(), result.message());
    List<String> lines = result.message().lines().toList();
    int swap = 0;
    while (swap < lines.size()
        && !lines.get(swap).startsWith("hotrestart: reloaded demo.Classifier.kind(String) from")) {
      swap++;
    }
    assertTrue(swap + 1 < lines.size(), result.message());
    assertTrue(
        lines.get(swap + 1).startsWith("hotrestart: new field `calls` starts at 0 in "),
        result.message());
    assertEquals(1, linesWith(result, "new field `calls`"), result.message());
    Object classifier = program.create("demo.Classifier");
    assertEquals(400 + 11, call(pipeline, "take", classifier, "ab"));
    assertEquals(400 + 22, call(pipeline, "take", classifier, "ab"));
  }

  private static long linesWith(ReloadResult result, String text) {
    return result.message().lines().filter(line -> line.contains(text)).count();
  }

  @Test
  void aNewAbstractMethodIsStillRefusedByName() throws Throwable {
    Files.writeString(
        program.sourceOf("demo.Classifier"),
        CLASSIFIER.replace("public class Classifier {", "public abstract class Classifier {\n  public abstract int weight(String s);"));
    program.touch("demo.Classifier");
    program.save("demo.Pipeline", "return ((Classifier) classifier).kind(s).length();",
        "return ((Classifier) classifier).weight(s);");
    ReloadResult result =
        refusedWith("a new abstract method `int weight(java.lang.String)` was added to demo.Classifier");
    assertTrue(result.message().contains("nothing was reloaded, in any class"), result.message());
    assertEquals(4, call(pipeline, "take", program.create("demo.Classifier"), "ab"));
  }

  /** Reloads, which must be refused with a message holding {@code text}. */
  private ReloadResult refusedWith(String text) throws ReflectiveOperationException {
    ReloadResult refused = reloadAll();
    assertFalse(refused.succeeded(), refused.message());
    assertTrue(refused.message().contains(text), refused.message());
    return refused;
  }

  private ReloadResult reloadAll() throws ReflectiveOperationException {
    return program.reloader.reloadChanged(
        take, List.of(take, program.slot("demo.Classifier", 0), program.slot("demo.Strict", 0)));
  }

}
