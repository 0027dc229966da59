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
 * the one existing {@code Shelf} starts it at 0; in the same {@code c} the plain {@code Tally}
 * gains {@code private int limit = 5;}: the object made before the reload reads 0, the one made
 * after ran the initializer (its constructor was redefined through the Java agent), and a new
 * static method that {@code Shelf}'s fix calls, a method of another file new in the same {@code
 * c}.
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
              + "  private int capacity = 3;");
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
          "public class Tally {\n  private int limit = 5;\n\n"
              + "  public static String unit(int count) {\n"
              + "    return count == 1 ? \"empty\" : \"empties\";\n"
              + "  }\n");
      project.edit(TALLY, "return 0; // LIMIT", "return limit; // LIMIT");
      terminal.type("c");
      String done = terminal.expect("done\n", RELOAD);
      assertTrue(
          done.contains(
              "hotrestart: reloaded fields.Shelf.count(String), fields.Shelf.summary() from"
                  + " Shelf.java in "),
          done);
      assertTrue(
          done.contains(
              "hotrestart: new field `empties` starts at 0 in the 1 existing object; new field"
                  + " `capacity` starts at 0 in the 1 existing object of fields.Shelf\n"),
          done);
      assertTrue(
          done.contains(
              "hotrestart: reloaded fields.Tally.unit(int), the constructor fields.Tally(),"
                  + " fields.Tally.limit() from Tally.java in "),
          done);
      assertTrue(
          done.contains(
              "hotrestart: new field `limit` starts at 0 in the 1 existing object of"
                  + " fields.Tally\n"),
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
      assertEquals(0, terminal.exitCode(Duration.ofSeconds(60)), terminal.text());
    }
  }
}
