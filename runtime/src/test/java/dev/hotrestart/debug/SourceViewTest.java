package dev.hotrestart.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.source.SourceLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceViewTest {

  private static final String SOURCE =
      String.join(
          "\n",
          "package p;", // 1
          "",
          "class A {",
          "  A() {", // 4
          "    String s = \"}\"; // a brace in a string",
          "  }", // 6
          "",
          "  void run() {", // 8
          "    Runnable r = () -> {",
          "      class Local {",
          "        void run() {", // 11
          "          work();",
          "        }", // 13
          "      }",
          "    };",
          "  }", // 16
          "",
          "  void work() {}",
          "}",
          "");

  @Test
  void methodRangesComeFromTheParseTree(@TempDir Path root) throws Exception {
    Path file = root.resolve("p/A.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, SOURCE);
    SourceView view = SourceView.read(file);
    assertEquals(Optional.of(new SourceView.Range(4, 6)), view.methodRange("<init>", 5));
    assertEquals(Optional.of(new SourceView.Range(8, 16)), view.methodRange("lambda$run$0", 9));
    assertEquals(
        Optional.of(new SourceView.Range(11, 13)), view.methodRange("run", 12), "innermost wins");
    assertEquals(Optional.empty(), view.methodRange("work", 5));
  }

  @Test
  void renderNumbersAndMarks(@TempDir Path root) throws Exception {
    Path file = root.resolve("p/A.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, SOURCE);
    SourceView view = SourceView.read(file);
    assertEquals("  3    class A {\n  4 ->   A() {\n", view.render(3, 4, 4));
    assertEquals("", view.render(100, 110, 4));
  }

  @Test
  void reloadedFramesFindTheOriginalFile(@TempDir Path root) throws Exception {
    Path file = root.resolve("p/A.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, SOURCE);
    SourceView.Located located =
        SourceView.locate(
            new SourceLocator(List.of(root)),
            new StackTraceElement("p.A$HR$run$2", "run", "A.java", 9));
    assertEquals(file, located.view().orElseThrow().file());

    SourceView.Located missing =
        SourceView.locate(
            new SourceLocator(List.of(root)), new StackTraceElement("q.B$Inner", "m", null, 3));
    assertTrue(missing.view().isEmpty());
    assertEquals(List.of(root.resolve("q/B.java")), missing.searched());
  }
}
