package dev.hotrestart.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.slot.SlotRegistry;
import dev.hotrestart.source.SourceLocator;
import dev.hotrestart.testing.HotRestart_Sample;
import dev.hotrestart.testing.Sample;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After {@code c} without {@code reloadAll}, an edit to another wrapped method of the crashed
 * class is named as not applied, and a method the edit only moved down the file is not.
 */
class UnappliedWrappedTest {

  private static final Path SAMPLE =
      Path.of("src/test/java/dev/hotrestart/testing/Sample.java").toAbsolutePath();

  @Test
  void anEditedWrappedMethodIsNamedAndAMovedOneIsNot(@TempDir Path root) throws Exception {
    HotRestart_Sample.create(); // registers Sample's slots
    String original = Files.readString(SAMPLE);
    Path copy = root.resolve("dev/hotrestart/testing/Sample.java");
    Files.createDirectories(copy.getParent());
    // add() gains lines, so record() and first() move down; fail() changes.
    Files.writeString(
        copy,
        original
            .replace("calls++;", "calls++;\n    calls += 0;\n    calls += 0;")
            .replace("throw new IllegalStateException(message);",
                "throw new IllegalArgumentException(message);"));

    String lines = unapplied(root, false, original, slot("add"));

    assertEquals(
        "hotrestart: not applied: the change to dev.hotrestart.testing.Sample.fail(String) in"
            + " Sample.java (c reloads only the method that crashed;"
            + " -Dhotrestart.reloadAll=true makes it reload every changed wrapped method)\n",
        lines);
    assertEquals("", unapplied(root, true, original, slot("add")), "reloadAll applies them");
  }

  private static String unapplied(
      Path root, boolean reloadAll, String runningText, MethodSlot crashed) {
    SourceSnapshots snapshots =
        new SourceSnapshots(
            type ->
                Optional.of(
                    new SourceSnapshots.Snapshot(
                        runningText, LocalTime.now(), SourceSnapshots.AT_START_UP)));
    StringWriter text = new StringWriter();
    RunningSource source =
        new RunningSource(
            crashed,
            snapshots,
            new SourceLocator(List.of(root)),
            new Output(new PrintWriter(text, true), Style.PLAIN),
            reloadAll,
            SlotRegistry::all);
    StringBuilder out = new StringBuilder();
    source.unappliedWrapped(List.of(crashed)).forEach(line -> out.append(line).append('\n'));
    return out.toString();
  }

  private static MethodSlot slot(String name) {
    return SlotRegistry.all().stream()
        .filter(s -> s.declaringClass() == Sample.class && s.methodName().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
