package dev.hotrestart.debug;

import dev.hotrestart.reload.ReloadResult;
import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.slot.SlotRegistry;
import dev.hotrestart.source.SourceLocator;
import dev.hotrestart.source.SourceTrees;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The source text of the crashed method's running version against its file now: what is recorded
 * at the first crash and at each reload, and the {@code diff} command that compares them, over
 * everything {@code c} would apply.
 */
final class RunningSource {

  private static final System.Logger LOG = System.getLogger(RunningSource.class.getName());

  private final MethodSlot slot;
  private final SourceSnapshots snapshots;
  private final SourceLocator locator;
  private final Output out;
  private final boolean reloadAll;
  private final Supplier<List<MethodSlot>> wrapped;

  /**
   * The running source of a crashed method's class.
   *
   * @param slot the crashed method
   * @param snapshots the running versions, kept for the life of the JVM
   * @param locator the source roots
   * @param out where {@code diff} prints
   * @param reloadAll whether {@code c} reloads every changed wrapped method, which {@code diff}
   *     then shows too
   * @param wrapped the wrapped methods of the program, normally {@link SlotRegistry#all()}
   */
  RunningSource(
      MethodSlot slot,
      SourceSnapshots snapshots,
      SourceLocator locator,
      Output out,
      boolean reloadAll,
      Supplier<List<MethodSlot>> wrapped) {
    this.slot = slot;
    this.snapshots = snapshots;
    this.locator = locator;
    this.out = out;
    this.reloadAll = reloadAll;
    this.wrapped = wrapped;
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
   * Records the texts a reload compiled as the running versions of the methods it swapped.
   *
   * @param swapped what the reload swapped in
   */
  void recordReload(List<ReloadResult.Swapped> swapped) {
    snapshots.recordReload(swapped);
  }

  /**
   * {@code diff}: what {@code c} would apply, against the running version, in unified format:
   * the crashed method and the private methods that move with it, and with {@code
   * -Dhotrestart.reloadAll=true} every other wrapped method that changed.
   *
   * @param argument ignored
   */
  void diff(String argument) {
    Class<?> type = slot.declaringClass();
    Optional<SourceSnapshots.Snapshot> snapshot = snapshots.running(slot);
    Optional<Path> file = locator.find(type);
    if (snapshot.isEmpty() || file.isEmpty()) {
      out.error("no source of " + type.getName() + " to compare (l shows where it was looked for)");
      return;
    }
    Optional<String> now = read(file.get());
    if (now.isEmpty()) {
      return;
    }
    String name = file.get().getFileName().toString();
    Set<String> shown = new HashSet<>();
    int changes = diff(slot, snapshot.get(), file.get(), now.get(), shown);
    if (changes < 0) {
      out.error(
          (changes == NOT_IN_RUNNING ? "the running version" : name + " now")
              + " has no method " + slot.describe() + " that the parser can find");
      return;
    }
    if (reloadAll) {
      for (MethodSlot other : wrapped.get()) {
        if (other == slot) {
          continue;
        }
        Optional<SourceSnapshots.Snapshot> running = snapshots.running(other);
        Optional<Path> otherFile = locator.find(other.declaringClass());
        if (running.isPresent() && otherFile.isPresent()) {
          Optional<String> text =
              otherFile.get().equals(file.get()) ? now : read(otherFile.get());
          if (text.isPresent()) {
            changes += Math.max(0, diff(other, running.get(), otherFile.get(), text.get(), shown));
          }
        }
      }
    }
    if (changes == 0) {
      out.println(
          "no change since the running version of " + slot.describe() + " (" + name + " "
              + snapshot.get().describe() + ")");
    }
  }

  /**
   * The other wrapped methods of the crashed class whose source changed since their running
   * version, one line each: without {@code reloadAll}, {@code c} leaves them as they run. The
   * reloader cannot see these edits (it compiles the bodies it does not swap blanked, to be
   * fast); their source can.
   *
   * @param swapped the methods the reload just swapped in
   * @return the lines to print, empty with {@code reloadAll} (which applies such edits)
   */
  List<String> unappliedWrapped(List<MethodSlot> swapped) {
    Optional<Path> file = locator.find(slot.declaringClass());
    Optional<String> now = file.flatMap(this::read);
    if (reloadAll || now.isEmpty()) {
      return List.of();
    }
    String name = file.get().getFileName().toString();
    // One parse per text, not per method: a large class has hundreds of wrapped methods, and
    // this runs between c and the call.
    Map<String, Optional<SourceTrees.Parsed>> parsed = new HashMap<>();
    List<String> lines = new ArrayList<>();
    for (MethodSlot other : wrapped.get()) {
      if (other.declaringClass() != slot.declaringClass()
          || other == slot
          || swapped.contains(other)) {
        continue;
      }
      Optional<List<String>> was =
          snapshots
              .running(other)
              .flatMap(running -> ownLines(running.text(), name, other, parsed));
      Optional<List<String>> is = ownLines(now.get(), name, other, parsed);
      if (was.isPresent() && is.isPresent() && !was.get().equals(is.get())) {
        lines.add(
            "hotrestart: not applied: the change to "
                + other.describe()
                + " in "
                + name
                + " (c reloads only the method that crashed; -Dhotrestart.reloadAll=true makes it"
                + " reload every changed wrapped method)");
      }
    }
    return lines;
  }

  /** The lines of {@code method}'s own declaration in {@code text}, if it declares it. */
  private static Optional<List<String>> ownLines(
      String text,
      String fileName,
      MethodSlot method,
      Map<String, Optional<SourceTrees.Parsed>> parsed) {
    Optional<SourceTrees.Parsed> unit =
        parsed.computeIfAbsent(text, t -> SourceTrees.parse(t, fileName));
    if (unit.isEmpty()) {
      return Optional.empty();
    }
    SourceTrees.Parsed tree = unit.get();
    return SourceTrees.findClass(tree.unit(), method.declaringClass())
        .flatMap(type -> SourceTrees.findMethod(type, method.methodName(), method.methodType()))
        .map(
            declaration -> {
              long start = tree.positions().getStartPosition(tree.unit(), declaration);
              long end = tree.positions().getEndPosition(tree.unit(), declaration);
              return text.substring((int) start, (int) end).lines().toList();
            });
  }

  private static final int NOT_IN_RUNNING = -1;
  private static final int NOT_NOW = -2;

  /**
   * Prints the changes to one method and what moves with it.
   *
   * @return how many parts changed, or {@link #NOT_IN_RUNNING} or {@link #NOT_NOW}
   */
  private int diff(
      MethodSlot method,
      SourceSnapshots.Snapshot snapshot,
      Path file,
      String now,
      Set<String> shown) {
    String name = file.getFileName().toString();
    MovingSource.Moving after = MovingSource.parts(now, name, method, Set.of());
    MovingSource.Moving before =
        MovingSource.parts(snapshot.text(), name, method, after.reached());
    after = MovingSource.parts(now, name, method, before.reached());
    if (before.parts().isEmpty()) {
      return NOT_IN_RUNNING;
    }
    if (after.parts().isEmpty()) {
      return NOT_NOW;
    }
    List<String> oldLines = snapshot.text().lines().toList();
    List<String> newLines = now.lines().toList();
    int changes = 0;
    Style style = out.style();
    int count = Math.max(before.parts().size(), after.parts().size());
    for (int i = 0; i < count; i++) {
      MovingSource.Part old = i < before.parts().size() ? before.parts().get(i) : null;
      MovingSource.Part edited = paired(old, after.parts(), i);
      if (old == null && edited == null) {
        continue;
      }
      String label = old != null ? old.label() : edited.label();
      if (!shown.add(file + " " + label + " " + i)) {
        continue; // a helper two wrapped methods share
      }
      List<String> was = old == null ? List.of() : lines(oldLines, old);
      List<String> is = edited == null ? List.of() : lines(newLines, edited);
      if (was.equals(is)) {
        continue;
      }
      changes++;
      out.println(
          style.header(
              "--- running version of " + label + " (" + name + " " + snapshot.describe() + ")"));
      out.println(style.header("+++ " + file + " now"));
      out.writer()
          .print(
              LineDiff.unified(
                  was,
                  old == null ? 1 : old.first(),
                  is,
                  edited == null ? 1 : edited.first(),
                  style));
    }
    return changes;
  }

  /** The part of {@code parts} with {@code old}'s label, at the same position among equals. */
  private static MovingSource.Part paired(
      MovingSource.Part old, List<MovingSource.Part> parts, int index) {
    if (old == null) {
      return index < parts.size() ? parts.get(index) : null;
    }
    return parts.stream().filter(p -> p.label().equals(old.label())).findFirst().orElse(null);
  }

  private Optional<String> read(Path file) {
    try {
      return Optional.of(SourceView.read(file).text());
    } catch (IOException e) {
      out.error("cannot read " + file + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  private static List<String> lines(List<String> all, MovingSource.Part part) {
    return all.subList(
        Math.min(all.size(), part.first() - 1), Math.min(all.size(), part.last()));
  }
}
