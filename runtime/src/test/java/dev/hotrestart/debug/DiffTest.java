package dev.hotrestart.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.reload.ReloadResult;
import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.source.SourceLocator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
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
    actions.reload = slot -> pretendReload(slot, report);
    String[] answers =
        session(
            dir,
            fixture,
            actions,
            () -> {
              String text = Files.readString(report);
              Files.writeString(
                  report, text.replace(CALL, "    if (cells.length < 2) return 0;\n" + CALL));
            },
            "diff", EDIT, "diff", "c", "diff", "r");
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

  /**
   * The bug this store fixes: an edit saved while the program ran, before the crash, is what
   * {@code c} applies, so {@code diff} must show it; after {@code c}, nothing is left to show.
   */
  @Test
  void diffShowsAnEditSavedBeforeTheFirstCrashAgainstTheStartUpText(@TempDir Path dir)
      throws Exception {
    copy(Fixture.root(), dir);
    Path report = dir.resolve("demo/Report.java");
    Instant started = Instant.now().minus(Duration.ofMinutes(1));
    Files.setLastModifiedTime(report, FileTime.from(started.minus(Duration.ofHours(1))));
    Fixture fixture = new Fixture();
    Class<?> type = fixture.slot().declaringClass();
    StartupSnapshots atStart =
        new StartupSnapshots(() -> new SourceLocator(List.of(dir)), started, Runnable::run);
    atStart.take(type);
    assertTrue(atStart.get(type).isPresent(), "the snapshot was not taken");
    // Saved while the program runs, before its first crash.
    Files.writeString(
        report,
        Files.readString(report).replace(CALL, "    if (cells.length < 2) return 0;\n" + CALL));
    DebuggerTest.FakeActions actions = new DebuggerTest.FakeActions();
    actions.snapshots = new SourceSnapshots(atStart::get);
    actions.reload = slot -> pretendReload(slot, report);

    String[] answers = session(dir, fixture, actions, "diff", "c", "diff", "r");

    String diff = answers[1];
    assertTrue(
        Pattern.compile(
                "--- running version of demo\\.Report\\.parse\\(String, int\\[\\]\\)"
                    + " \\(Report\\.java at start-up, \\d\\d:\\d\\d:\\d\\d\\)\n")
            .matcher(diff)
            .lookingAt(),
        diff);
    assertTrue(diff.contains("+++ " + report + " now\n"), diff);
    int call = Fixture.line("demo/Report.java", "PARSE_CALL");
    assertTrue(
        diff.contains(String.format("    %3d +     if (cells.length < 2) return 0;%n", call)),
        diff);
    // c reloaded (pretend) and ran the old code, which crashed again: the baseline is now the
    // text c compiled, the edited file.
    assertTrue(
        answers[answers.length - 2].startsWith(
            "no change since the running version of demo.Report.parse(String, int[])"
                + " (Report.java at the reload, "),
        answers[answers.length - 2]);
  }

  /**
   * A file saved after the JVM started may hold edits the JVM does not run, or not: the start-up
   * text is unknown, so the baseline is the text at the first crash, and the header says so.
   */
  @Test
  void aFileSavedAfterTheJvmStartedFallsBackToTheFirstCrash(@TempDir Path dir) throws Exception {
    copy(Fixture.root(), dir);
    Path report = dir.resolve("demo/Report.java");
    Instant started = Instant.now().minus(Duration.ofHours(1));
    Files.setLastModifiedTime(report, FileTime.from(started.plus(Duration.ofMinutes(1))));
    Fixture fixture = new Fixture();
    Class<?> type = fixture.slot().declaringClass();
    StartupSnapshots atStart =
        new StartupSnapshots(() -> new SourceLocator(List.of(dir)), started, Runnable::run);
    atStart.take(type);
    assertTrue(atStart.get(type).isEmpty(), "a file saved after the start has no snapshot");
    DebuggerTest.FakeActions actions = new DebuggerTest.FakeActions();
    actions.snapshots = new SourceSnapshots(atStart::get);

    String[] answers = session(dir, fixture, actions, "diff", "r");

    assertTrue(
        answers[1].startsWith(
            "no change since the running version of demo.Report.parse(String, int[])"
                + " (Report.java at the first crash, "),
        answers[1]);
  }

  /**
   * A reload that swaps nothing but says it compiled the file as it is now, as a real one would:
   * that text becomes the running version.
   */
  static ReloadResult pretendReload(MethodSlot slot, Path file) {
    try {
      return new ReloadResult(
          true,
          "reloaded (pretend)",
          List.of(
              new ReloadResult.Swapped(
                  slot, "demo.Report$HR$parse$1", slot.version(), SourceView.read(file).text())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the fixture under a session that reads {@code typed}; returns the text per prompt. */
  private static String[] session(
      Path root, Fixture fixture, DebuggerTest.FakeActions actions, String... typed)
      throws ReflectiveOperationException {
    return session(root, fixture, actions, () -> {}, typed);
  }

  /** An edit of a source file, made when the session reads {@link #EDIT}. */
  private interface Edit {
    void apply() throws IOException;
  }

  /** Not a command: where in the typed lines the session makes its {@link Edit}. */
  private static final String EDIT = "<edit>";

  private static String[] session(
      Path root, Fixture fixture, DebuggerTest.FakeActions actions, Edit edit, String... typed)
      throws ReflectiveOperationException {
    Deque<String> lines = new ArrayDeque<>(List.of(typed));
    Input input =
        prompt -> {
          String next = lines.poll();
          if (EDIT.equals(next)) {
            edit.apply();
            next = lines.poll();
          }
          return next == null ? null : new Input.Line(next, false);
        };
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text, true);
    Harness.debugWith(input, out, actions, root, Debugger.Options.defaults());
    Object report = fixture.newReport();
    try {
      // Every session ends with r (or the end of input): the crash goes on to the caller.
      IllegalArgumentException raised =
          assertThrows(IllegalArgumentException.class, () -> fixture.run(report, "a,b"));
      assertEquals("bad amount b", raised.getMessage());
    } finally {
      Harness.SESSION.remove();
    }
    return text.toString().split(Pattern.quote(Debugger.PROMPT), -1);
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
