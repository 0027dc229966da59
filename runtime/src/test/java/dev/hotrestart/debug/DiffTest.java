package dev.hotrestart.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.reload.ReloadResult;
import dev.hotrestart.source.SourceLocator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diff}: the crashed method now against its running version, and the diff itself. */
class DiffTest {

  private static final String CALL = "    int amount = amount(cells[1]); // PARSE_CALL";

  @Test
  void unifiedHunksCarryBothLineNumbersAndRemovalsComeFirst() {
    List<String> before = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
    List<String> after = List.of("a", "b", "C", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m");
    assertEquals(
        String.join(
            "\n",
            "@@ -10,6 +10,6 @@",
            " 10  10   a",
            " 11  11   b",
            " 12     - c",
            "     12 + C",
            " 13  13   d",
            " 14  14   e",
            " 15  15   f",
            "@@ -19,3 +19,4 @@",
            " 19  19   j",
            " 20  20   k",
            " 21  21   l",
            "     22 + m",
            ""),
        LineDiff.unified(before, 10, after, 10, Style.PLAIN));
    assertEquals("", LineDiff.unified(before, 1, before, 5, Style.PLAIN));
  }

  @Test
  void diffShowsTheEditSinceTheFirstCrashThenNothingAfterAReload(@TempDir Path dir)
      throws Exception {
    copy(Fixture.root(), dir);
    Path report = dir.resolve("demo/Report.java");
    Fixture fixture = new Fixture();
    DebuggerTest.FakeActions actions = new DebuggerTest.FakeActions();
    actions.reload = slot -> new ReloadResult(true, "reloaded (pretend)");
    Deque<String> typed = new ArrayDeque<>(List.of("diff", "EDIT", "diff", "c", "diff", "r"));
    Input input =
        prompt -> {
          String next = typed.poll();
          if ("EDIT".equals(next)) {
            String text = Files.readString(report);
            Files.writeString(
                report, text.replace(CALL, "    if (cells.length < 2) return 0;\n" + CALL));
            next = typed.poll();
          }
          return next == null ? null : new Input.Line(next, false);
        };
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text, true);
    Harness.SESSION.set(
        crash ->
            new Debugger(
                    crash,
                    input,
                    out,
                    actions,
                    new SourceLocator(List.of(dir)),
                    Debugger.Options.defaults())
                .run());
    try {
      fixture.run(fixture.newReport(), "a,b");
    } catch (Throwable expected) {
      // r at the end raises it
    } finally {
      Harness.SESSION.remove();
    }
    String[] answers = text.toString().split(java.util.regex.Pattern.quote(Debugger.PROMPT), -1);
    assertTrue(
        answers[1].startsWith(
            "no change since the running version of demo.Report.parse(String, int[])"
                + " (Report.java at the first crash, "),
        answers[1]);
    int call = Fixture.line("demo/Report.java", "PARSE_CALL");
    String diff = answers[2];
    assertTrue(
        diff.startsWith(
            "--- running version of demo.Report.parse(String, int[]) (Report.java at the first"
                + " crash, "),
        diff);
    assertTrue(diff.contains("+++ " + report + " now\n"), diff);
    assertTrue(
        diff.contains(
            String.format(
                "%3d %3d   %s%n    %3d +     if (cells.length < 2) return 0;%n%3d %3d   %s%n",
                call - 1,
                call - 1,
                Fixture.text("demo/Report.java", call - 1),
                call,
                call,
                call + 1,
                CALL)),
        diff);
    // c reloaded (pretend) and ran the old code, which crashed again: a new prompt, and the
    // running version is now the edited file.
    assertTrue(
        answers[answers.length - 2].contains(
            "no change since the running version of demo.Report.parse(String, int[])"
                + " (Report.java at the reload, "),
        answers[answers.length - 2]);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      walk.forEach(
          path -> {
            try {
              Path target = to.resolve(from.relativize(path).toString());
              if (Files.isDirectory(path)) {
                Files.createDirectories(target);
              } else {
                Files.copy(path, target);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }
}
