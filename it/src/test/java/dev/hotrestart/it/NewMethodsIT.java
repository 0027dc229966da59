package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * New methods of wrapped classes (issue "Reach", point 3): at a prompt in the wrapped {@code
 * Pipeline.take}, the user adds {@code public int weight(String)} to the wrapped {@code
 * Classifier}, overrides it in its wrapped subclass {@code Strict} in the same edit, and calls
 * {@code classifier.weight(word)} from {@code take}; the plain {@code Unit} gains {@code bonus()},
 * which its plain subclass {@code Crate} overrides. One {@code c} applies the five files; the
 * retry and later calls reach {@code Strict}'s override through its proxy, {@code Classifier}'s
 * method on an object made with {@code new}, and {@code Crate}'s override. A new abstract method is refused by
 * name first, changing nothing.
 */
class NewMethodsIT {

  private static final String CLASSIFIER = "src/main/java/newmethods/Classifier.java";
  private static final String STRICT = "src/main/java/newmethods/Strict.java";
  private static final String PIPELINE = "src/main/java/newmethods/Pipeline.java";
  private static final String UNIT = "src/main/java/newmethods/Unit.java";
  private static final String CRATE = "src/main/java/newmethods/Crate.java";
  private static final Duration RELOAD = Duration.ofSeconds(60);

  @ParameterizedTest(name = "on {0}")
  @MethodSource("dev.hotrestart.it.SampleProject#jdks")
  void aNewMethodOfAWrappedClassIsCalledFromAnotherAndDispatchesToANewOverride(Path jdk)
      throws Exception {
    SampleProject project = SampleProject.copy("new-methods");
    try (Terminal terminal = project.runOn(jdk)) {
      String crash = terminal.prompt();
      assertTrue(crash.contains("took: 6\n"), crash);
      assertTrue(crash.contains("crashed in newmethods.Pipeline.take(Classifier, String)\n"), crash);

      project.edit(
          PIPELINE,
          "      throw new IllegalArgumentException(\"an empty word\"); // EMPTY",
          "      return total + classifier.weight(word) + unit.bonus(); // EMPTY");
      project.edit(
          PIPELINE,
          "total += word.length(); // ADD",
          "total += word.length() + 100 * classifier.weight(word); // ADD");
      // The plain Unit gains bonus(), which its plain subclass Crate overrides in the same edit.
      project.edit(UNIT, "public class Unit {", "public class Unit {\n  public int bonus() {\n    return 1000;\n  }\n");
      project.edit(CRATE, "public class Crate extends Unit {", "public class Crate extends Unit {\n"
          + "  @Override\n  public int bonus() {\n    return 2000;\n  }\n");
      // First as an abstract method: refused by name, nothing changes.
      project.edit(
          CLASSIFIER, "public class Classifier {", "public abstract class Classifier {\n"
              + "  public abstract int weight(String word);\n");
      terminal.type("c");
      String refused = terminal.prompt();
      assertTrue(
          refused.contains(
              "a new abstract method `int weight(java.lang.String)` was added to"
                  + " newmethods.Classifier"),
          refused);
      assertTrue(refused.contains("nothing was reloaded, in any class"), refused);
      assertFalse(refused.contains("hotrestart: reloaded"), refused);

      project.edit(
          CLASSIFIER,
          "public abstract class Classifier {\n  public abstract int weight(String word);\n",
          "public class Classifier {\n  public int weight(String word) {\n"
              + "    return word.isEmpty() ? 0 : 1;\n  }\n");
      project.edit(
          STRICT,
          "  @Override\n  public String kind(String word) {",
          "  @Override\n  public int weight(String word) {\n    return super.weight(word) + 10;\n"
              + "  }\n\n  @Override\n  public String kind(String word) {");
      terminal.type("c");
      String done = terminal.expect("done\n", RELOAD);
      assertTrue(
          done.contains(
              "hotrestart: reloaded newmethods.Pipeline.take(Classifier, String) from Pipeline.java"
                  + " in "),
          done);
      assertTrue(
          done.contains(
              "hotrestart: reloaded the new method newmethods.Classifier.weight(String) from"
                  + " Classifier.java (moved beside the running class; calls from every reloaded"
                  + " class reach it)\n"),
          done);
      assertTrue(
          done.contains(
              "hotrestart: reloaded the new method newmethods.Strict.weight(String) from"
                  + " Strict.java"),
          done);
      assertTrue(done.contains("hotrestart: reloaded newmethods.Unit.bonus() from Unit.java in "), done);
      assertTrue(done.contains("hotrestart: reloaded newmethods.Crate.bonus() from Crate.java in "), done);
      assertFalse(done.contains("not applied"), done);
      // The retry on the Strict proxy returns 6 + (0 + 10) + Crate's 2000; then `new
      // Classifier()` adds 3 + 100 to 6, and Strict again 4 + 100 * (1 + 10).
      assertTrue(done.contains("took: 2016\ntook: 109\ntook: 1213\ndone\n"), done);
      assertEquals(0, terminal.exitCode(Duration.ofSeconds(60)), terminal.text());
    }
  }
}
