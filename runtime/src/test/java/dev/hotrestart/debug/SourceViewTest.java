package dev.hotrestart.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.config.Settings;
import dev.hotrestart.source.SourceLocator;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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

  /**
   * The listing and {@code diff} decode a file as reloads compile it: in {@code
   * -Dhotrestart.encoding}, which {@code mvn hotrestart:run} sets from {@code
   * project.build.sourceEncoding}. Greek in ISO-8859-7 is not valid UTF-8, and as Latin-1 it
   * would read as other letters.
   */
  @Test
  void filesAreReadInTheSourcesEncoding(@TempDir Path root) throws Exception {
    Path file = root.resolve("p/G.java");
    Files.createDirectories(file.getParent());
    String greek = "class G {\n  String s = \"\u03b1\u03b2\u03b3\";\n}\n";
    Files.write(file, greek.getBytes(Charset.forName("ISO-8859-7")));
    String before = System.getProperty(Settings.ENCODING);
    System.setProperty(Settings.ENCODING, "ISO-8859-7");
    try {
      assertEquals(greek, SourceView.read(file).text());
    } finally {
      if (before == null) {
        System.clearProperty(Settings.ENCODING);
      } else {
        System.setProperty(Settings.ENCODING, before);
      }
    }
    // Without the setting: UTF-8, and Latin-1 for what is not valid UTF-8 (a listing beats an
    // error), which shows other letters.
    assertEquals(
        new String(greek.getBytes(Charset.forName("ISO-8859-7")), StandardCharsets.ISO_8859_1),
        SourceView.read(file).text());
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
