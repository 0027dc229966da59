package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * New fields reload (issue "Reach", point 3): at a prompt in the wrapped {@code Shelf.count}, a
 * fix that adds {@code private int empties;} with the code that uses it applies on {@code c}, and
 * the one existing {@code Shelf} starts it at 0; a new static map and a constant, which the fix
 * uses at once, start at their initializers' values. In the same {@code c} the plain {@code
 * Tally} gains {@code private int limit = 5;}: the object made before the reload reads 0, the one
 * made after ran the initializer (its constructor was redefined through the Java agent), a new
 * static array, and a new static method that {@code Shelf}'s fix calls, a method of another file
 * new in the same {@code c}. At a second prompt, {@code this} and {@code p this} list the new
 * fields, marked.
 */
class NewFieldsIT {

  private static final String SHELF = "src/main/java/fields/Shelf.java";
  private static final String TALLY = "src/main/java/fields/Tally.java";
  private static final Duration RELOAD = Duration.ofSeconds(60);

  @ParameterizedTest(name = "on {0}")
  @MethodSource("dev.hotrestart.it.SampleProject#jdks")
  void aFixThatAddsFieldsReloads(Path jdk) throws Exception {
    SampleProject project = SampleProject.copy("fields");
    try (Terminal terminal = project.runOn(jdk)) {
      String crash = terminal.prompt();
      assertTrue(crash.contains("crashed in fields.Shelf.count(String)\n"), crash);

      project.edit(
          SHELF,
          "  private final List<String> items = new ArrayList<>();",
          "  private final List<String> items = new ArrayList<>();\n  private int empties;\n"
              + "  private int capacity = 3;\n"
              + "  private static final java.util.Map<String, Integer> SEEN = new java.util.HashMap<>();\n"
              + "  static final int WEIGHT = 3;");
      // Without their initializers' values the retry would throw a NullPointerException.
      project.edit(
          SHELF,
          "    if (line.isEmpty()) {",
          "    SEEN.merge(line, WEIGHT, Integer::sum);\n    if (line.isEmpty()) {");
      project.edit(
          SHELF,
          "      throw new IllegalArgumentException(\"an empty line\"); // EMPTY",
          "      empties++;\n      return items.size(); // EMPTY");
      project.edit(
          SHELF,
          "return items.size() + \" items\"; // SUMMARY",
          "return items.size() + \" items, \" + empties + \" \" + Tally.unit(empties)"
              + " + \" of \" + capacity; // SUMMARY");
      project.edit(
          TALLY,
          "public class Tally {",
          "public class Tally {\n  private int limit = 5;\n"
              + "  private static final String[] UNITS = {\"empty\", \"empties\"};\n\n"
              + "  public static String unit(int count) {\n"
              + "    return UNITS[count == 1 ? 0 : 1];\n"
              + "  }\n");
      project.edit(TALLY, "return 0; // LIMIT", "return limit; // LIMIT");
      terminal.type("c");
      String done = terminal.prompt();
      assertTrue(
          done.contains(
              "hotrestart: reloaded fields.Shelf.count(String), fields.Shelf.summary() from"
                  + " Shelf.java in "),
          done);
      assertTrue(
          done.contains(
              "hotrestart: new fields `empties` and `capacity` start at 0 in the 1 existing object"
                  + " of fields.Shelf\n"),
          done);
      assertTrue(
          done.contains(
              "hotrestart: new static fields `SEEN` and `WEIGHT` of fields.Shelf set by their"
                  + " initializers\n"),
          done);
      assertTrue(
          done.contains(
              "hotrestart: reloaded fields.Tally.unit(int), the constructor fields.Tally(),"
                  + " fields.Tally.limit() from Tally.java in "),
          done);
      assertTrue(
          done.contains(
              "hotrestart: new field `limit` starts at 0 in the 1 existing object of"
                  + " fields.Tally\n"
                  + "hotrestart: new static field `UNITS` of fields.Tally set by its initializer\n"),
          done);
      assertFalse(done.contains("not applied"), done);
      assertTrue(done.contains("count: 1\ncount: 2\n"), done);
      // Shelf is routed by the agent (so `new Shelf()` restarts too): its constructor is
      // redefined over the routed class file, which must not be routed a second time.
      assertTrue(
          done.contains(
              "hotrestart: redefined the constructor fields.Shelf() through the Java agent, so"
                  + " objects made from now on run the new fields' initializers\n"),
          done);
      assertTrue(done.contains("summary: 2 items, 1 empty of 0\n"), done);
      assertTrue(done.contains("later: 0 items, 0 empties of 3, 0 items, 0 empties of 3\n"), done);
      assertTrue(done.contains("limits: 0 5\n"), done);
      assertTrue(done.contains("crashed in fields.Shelf.check()\n"), done);

      String fields = ask(terminal, "this");
      assertTrue(
          fields.contains(
              "  items = [apples, pears]\n"
                  + "  empties = 1   (added by a reload)\n"
                  + "  capacity = 0   (added by a reload)\n"),
          fields);
      String printed = ask(terminal, "p this");
      assertTrue(
          printed.contains(
              "\n  empties = 1   (added by a reload)\n  capacity = 0   (added by a reload)\n"),
          printed);
      // The map the initializer made, filled by the retried call and the next one.
      assertTrue(ask(terminal, "p SEEN.get(\"\") + SEEN.get(\"pears\")").contains("\n6\n"), "the map");
      terminal.type("return \"ok\"");
      String end = terminal.expect("done\n", RELOAD);
      assertTrue(end.contains("check: ok\n"), end);
      assertEquals(0, terminal.exitCode(Duration.ofSeconds(60)), terminal.text());
    }
  }

  private static String ask(Terminal terminal, String command) throws Exception {
    terminal.type(command);
    return terminal.prompt();
  }
}
