package dev.hotrestart.debug;

import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.source.SourceLocator;
import dev.hotrestart.source.SourceTrees;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The source text of the crashed class's running version against its file now: what is recorded
 * at the first crash and at each reload, and the {@code diff} command that compares them.
 */
final class RunningSource {

  private static final System.Logger LOG = System.getLogger(RunningSource.class.getName());

  private final MethodSlot slot;
  private final SourceSnapshots snapshots;
  private final SourceLocator locator;
  private final Output out;

  /**
   * The running source of a crashed method's class.
   *
   * @param slot the crashed method
   * @param snapshots the running versions, kept for the life of the JVM
   * @param locator the source roots
   * @param out where {@code diff} prints
   */
  RunningSource(MethodSlot slot, SourceSnapshots snapshots, SourceLocator locator, Output out) {
    this.slot = slot;
    this.snapshots = snapshots;
    this.locator = locator;
    this.out = out;
  }

  /**
   * Records the file as it is now as the running version, unless one is known already (from
   * start-up or an earlier crash): the baseline of {@code diff} for a class without a start-up
   * copy.
   */
  void recordFirstCrash() {
    snapshots.recordFirstCrash(slot, this::readNow);
  }

  /**
   * The class's source file as it is now.
   *
   * @return the text, or empty if the file is not found or cannot be read (then {@code diff}
   *     says so)
   */
  Optional<String> readNow() {
    Optional<Path> file = locator.find(slot.declaringClass());
    if (file.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(SourceView.read(file.get()).text());
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot read " + file.get() + " for a snapshot", e);
      return Optional.empty();
    }
  }

  /**
   * Records the text a reload compiled as the running version.
   *
   * @param text the file as read before the reload
   */
  void recordReload(String text) {
    snapshots.recordReload(slot.declaringClass(), text);
  }

  /**
   * {@code diff}: the crashed method's lines in the running version against the file now, in
   * unified format.
   *
   * @param argument ignored
   */
  void diff(String argument) {
    Class<?> type = slot.declaringClass();
    Optional<SourceSnapshots.Snapshot> snapshot = snapshots.get(type);
    Optional<Path> file = locator.find(type);
    if (snapshot.isEmpty() || file.isEmpty()) {
      out.error("no source of " + type.getName() + " to compare (l shows where it was looked for)");
      return;
    }
    String now;
    try {
      now = SourceView.read(file.get()).text();
    } catch (IOException e) {
      out.error("cannot read " + file.get() + ": " + e.getMessage());
      return;
    }
    String name = file.get().getFileName().toString();
    Optional<SourceTrees.Lines> running =
        SourceTrees.methodLines(
            snapshot.get().text(), name, slot.declaringClass(), slot.methodName(), slot.methodType());
    Optional<SourceTrees.Lines> edited =
        SourceTrees.methodLines(
            now, name, slot.declaringClass(), slot.methodName(), slot.methodType());
    if (running.isEmpty() || edited.isEmpty()) {
      out.error(
          (running.isEmpty() ? "the running version" : name + " now")
              + " has no method " + slot.describe() + " that the parser can find");
      return;
    }
    List<String> before = lines(snapshot.get().text(), running.get());
    List<String> after = lines(now, edited.get());
    String header =
        "running version of " + slot.describe() + " (" + name + " "
            + snapshot.get().describe() + ")";
    if (before.equals(after)) {
      out.println("no change since the " + header);
      return;
    }
    Style style = out.style();
    out.println(style.header("--- " + header));
    out.println(style.header("+++ " + file.get() + " now"));
    out.writer()
        .print(
            LineDiff.unified(
                before, running.get().first(), after, edited.get().first(), style));
  }

  private static List<String> lines(String text, SourceTrees.Lines range) {
    List<String> all = text.lines().toList();
    return all.subList(range.first() - 1, Math.min(all.size(), range.last()));
  }
}
