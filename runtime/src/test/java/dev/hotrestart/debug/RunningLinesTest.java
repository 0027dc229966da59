package dev.hotrestart.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.reload.ReloadResult;
import dev.hotrestart.slot.MethodSlot;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listings mark the line that really failed, though the file changed since the running code was
 * compiled; {@code diff} shows what {@code c} applies; the report names the code that ran.
 */
class RunningLinesTest {

  private static final String REPORT = "demo/Report.java";
  private static final int PARSE_CALL = Fixture.line(REPORT, "PARSE_CALL");
  private static final int THROW = Fixture.line(REPORT, "// THROW");
  private static final String ADDED = "  // one\n  // two\n  // three\n";

  @TempDir Path dir;

  @Test
  void lineNumbersMapToTheFileAsItIsNow() throws Exception {
    Path report = copyFixture();
    // Saved after the program started: three lines above parse, as a reload of another method
    // of the same file would leave them.
    edit(report, "  /** Adds one row's amount, weighted. */\n", ADDED + "  /** Adds one row's amount, weighted. */\n");

    String[] answers = session(startUpSnapshots(), "w", "ll", "d", "l", "r");

    String crash = answers[0];
    assertTrue(
        crash.contains(
            "(Report.java was edited since this code was compiled: the running code's line "
                + PARSE_CALL
                + " is line "
                + (PARSE_CALL + 3)
                + " now)"),
        crash);
    assertTrue(crash.contains(report + ":" + (PARSE_CALL + 3) + "\n"), crash);
    assertTrue(
        crash.contains(String.format("%3d -> %s", PARSE_CALL + 3, line(PARSE_CALL))),
        crash);
    assertFalse(crash.contains(String.format("%3d -> ", PARSE_CALL) + " "), crash);
    String where = answers[1];
    assertTrue(
        where.contains("Report.parse(Report.java:" + PARSE_CALL + ")  [line " + (PARSE_CALL + 3) + " in the file now]"),
        where);
    assertTrue(
        where.contains("Report.amount(Report.java:" + THROW + ")  [line " + (THROW + 3) + " in the file now]"),
        where);
    assertTrue(answers[2].contains(String.format("%3d -> ", PARSE_CALL + 3)), answers[2]);
    assertTrue(answers[2].contains("// PARSE_END"), "ll lists the whole method: " + answers[2]);
    assertTrue(answers[4].contains(String.format("%3d -> ", THROW + 3)), answers[4]);
  }

  @Test
  void anEditOfTheFailedLineItselfListsTheRunningText() throws Exception {
    Path report = copyFixture();
    edit(report, "    int amount = amount(cells[1]); // PARSE_CALL\n", "    int amount = 0; // gone\n");

    String[] answers = session(startUpSnapshots(), "r");

    String crash = answers[0];
    assertTrue(
        crash.contains(
            "(Report.java was edited at this line since this code was compiled: these are the"
                + " lines of the running code, as compiled at start-up, 14:02:00)"),
        crash);
    assertTrue(crash.contains(String.format("%3d -> %s", PARSE_CALL, line(PARSE_CALL))), crash);
    assertFalse(crash.contains("// gone"), crash);
  }

  @Test
  void withoutTheTextTheCodeWasCompiledFromNothingIsMarked() throws Exception {
    Path report = copyFixture();
    edit(report, "  /** Adds one row's amount, weighted. */\n", ADDED + "  /** Adds one row's amount, weighted. */\n");
    // No start-up text, and the file was saved after the program started.
    SourceSnapshots none = new SourceSnapshots(type -> Optional.empty(), name -> Optional.empty(), Instant.MIN);

    String crash = session(none, "r")[0];

    assertTrue(
        crash.contains(
            "(no line marked: Report.java was saved after this code was compiled, and the text it"
                + " was compiled from is not known, so its line "
                + PARSE_CALL
                + " may be another line now)"),
        crash);
    assertFalse(crash.contains(" -> "), crash);
  }

  @Test
  void diffShowsAChangeToAPrivateHelperThatMovesWithTheMethod() throws Exception {
    Path report = copyFixture();
    // The helper as private, in the running text and now; only the helper changes.
    edit(report, "  int amount(String cell) {", "  private int amount(String cell) {");
    String running = Files.readString(report);
    edit(report, "Integer.parseInt(cell.trim())", "Integer.parseInt(cell.strip())");
    SourceSnapshots snapshots =
        new SourceSnapshots(
            type -> Optional.of(new SourceSnapshots.Snapshot(running, LocalTime.of(14, 2), SourceSnapshots.AT_START_UP)));

    String diff = session(snapshots, "diff", "r")[1];

    assertTrue(
        diff.startsWith(
            "--- running version of private demo.Report.amount (c reloads it with parse)"
                + " (Report.java at start-up, 14:02:00)\n"),
        diff);
    assertTrue(diff.contains("-       return Integer.parseInt(cell.trim());"), diff);
    assertTrue(diff.contains("+       return Integer.parseInt(cell.strip());"), diff);
    assertFalse(diff.contains("no change"), diff);
  }

  @Test
  void aCrashInTheOriginalCodeAfterAReloadSaysSo() throws Exception {
    copyFixture();
    Fixture fixture = new Fixture();
    MethodSlot slot = fixture.slot();
    Class<?> type = slot.declaringClass();
    // Version 1, which runs Report.parse itself: its frames are the original class's.
    slot.swap(
        MethodHandles.privateLookupIn(type, MethodHandles.lookup())
            .findSpecial(
                type, "parse", MethodType.methodType(int.class, String.class, int[].class), type));

    String crash = session(fixture, new SourceSnapshots(), "r")[0];

    assertTrue(
        crash.contains(
            "crashed in demo.Report.parse(String, int[]) (the original code; version 1 was"
                + " reloaded since, which c calls)"),
        crash);
  }

  private static String line(int number) {
    return Fixture.text(REPORT, number);
  }

  private Path copyFixture() throws IOException {
    try (Stream<Path> walk = Files.walk(Fixture.root())) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        Path target = dir.resolve(Fixture.root().relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
    return dir.resolve(REPORT);
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertTrue(text.contains(from), from);
    Files.writeString(file, text.replace(from, to));
  }

  /** The fixture's text as it was at start-up, before the test's edits. */
  private static SourceSnapshots startUpSnapshots() {
    SourceSnapshots.Snapshot atStart =
        new SourceSnapshots.Snapshot(
            Fixture.SOURCES.get(REPORT), LocalTime.of(14, 2), SourceSnapshots.AT_START_UP);
    return new SourceSnapshots(
        type -> Optional.of(atStart),
        name -> name.equals("demo.Report") ? Optional.of(atStart) : Optional.empty(),
        Instant.MIN);
  }

  private String[] session(SourceSnapshots snapshots, String... typed) throws Exception {
    return session(new Fixture(), snapshots, typed);
  }

  private String[] session(Fixture fixture, SourceSnapshots snapshots, String... typed)
      throws Exception {
    DebuggerTest.FakeActions actions = new DebuggerTest.FakeActions();
    actions.snapshots = snapshots;
    actions.reload = slot -> new ReloadResult(false, "not in this test");
    Deque<String> lines = new ArrayDeque<>(List.of(typed));
    StringWriter text = new StringWriter();
    Harness.debugWith(
        prompt -> {
          String next = lines.poll();
          return next == null ? null : new Input.Line(next, false);
        },
        new PrintWriter(text, true),
        actions,
        dir,
        Debugger.Options.defaults());
    Object report = fixture.newReport();
    try {
      assertThrows(IllegalArgumentException.class, () -> fixture.run(report, "a,b"));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      Harness.SESSION.remove();
    }
    return text.toString().split(Pattern.quote(Debugger.PROMPT), -1);
  }
}
