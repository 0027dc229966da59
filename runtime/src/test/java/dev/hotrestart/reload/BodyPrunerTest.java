package dev.hotrestart.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BodyPrunerTest {

  /**
   * Stands for the running class: the pruner finds its declaration by simple name. It has the
   * source's non-private methods but {@code added()}, which the edit adds.
   */
  static class Sample {
    public int work(int x) {
      return x;
    }

    public String other() {
      return "";
    }
  }

  private static final String SOURCE =
      String.join(
          "\n",
          "package dev.hotrestart.reload;",
          "class BodyPrunerTest {",
          "  static class Sample {",
          "    private int count;",
          "    Sample() {",
          "      count = 1;",
          "    }",
          "    public int work(int x) {",
          "      return helper(x) + count;",
          "    }",
          "    private int helper(int x) {",
          "      return x * 2 + Sample.this.deeper();",
          "    }",
          "    private int deeper() {",
          "      return 3;",
          "    }",
          "    private int unused() {",
          "      return 5;",
          "    }",
          "    public String other() {",
          "      String s = \"long\";",
          "      return s + count;",
          "    }",
          "    public int added() {",
          "      return 7;",
          "    }",
          "    static final class Nested {",
          "      int nested() {",
          "        return 42;",
          "      }",
          "    }",
          "  }",
          "  void outside() {",
          "    System.out.println();",
          "  }",
          "}",
          "");

  @Test
  void keepsReloadedPrivateAndConstructorBodiesAndLines() {
    String pruned = BodyPruner.prune(SOURCE, "BodyPrunerTest.java", Sample.class, Set.of("work")).orElseThrow();
    String[] before = SOURCE.split("\n", -1);
    String[] after = pruned.split("\n", -1);
    assertEquals(before.length, after.length, "every line keeps its number");
    assertEquals("      return helper(x) + count;", after[8], "the reloaded method");
    assertEquals("      return x * 2 + Sample.this.deeper();", after[11], "a private method it calls");
    assertEquals("      return 3;", after[14], "and one that calls");
    assertFalse(pruned.contains("return 5;"), "a private method it does not reach goes: " + pruned);
    assertEquals("      count = 1;", after[5], "the constructor");
    assertTrue(pruned.contains("public String other() { throw null; "), pruned);
    assertFalse(pruned.contains("\"long\""), pruned);
    assertTrue(pruned.contains("return 7;"), "a new non-private method moves on its own: " + pruned);
    assertFalse(pruned.contains("return 42"), "a nested class's methods go too: " + pruned);
    assertFalse(pruned.contains("System.out"), "so do other classes' methods: " + pruned);
  }

  @Test
  void aFileThatDoesNotParseIsLeftToJavac() {
    Optional<String> pruned =
        BodyPruner.prune(SOURCE.replace("return 3;", "return 3 * ;"), "BodyPrunerTest.java", Sample.class, Set.of("work"));
    assertTrue(pruned.isEmpty());
  }
}
