package dev.hotrestart.debug;

import dev.hotrestart.reload.ReloadResult;
import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.source.SourceLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The source text of the running version of each class, the baseline of {@code diff}: it must be
 * what {@code c} would change, so every edit saved since the class started running shows.
 *
 * <p>At a class's first crash the baseline is the file as it was when the program started using
 * the class ({@link StartupSnapshots}), so that an edit saved while the program ran, before the
 * crash, shows as a change: {@code c} compiles and applies it. When there is no such snapshot
 * (the file was not found then, the snapshot was not done yet, or the file had been saved after
 * the JVM started) the baseline is the text at the first crash, and the header says so. After
 * each successful reload it is the text that was compiled.
 */
final class SourceSnapshots {

  /** {@link Snapshot#when()} of a snapshot taken when the program started using the class. */
  static final String AT_START_UP = "start-up";
  /** {@link Snapshot#when()} of a snapshot taken when the class's first prompt opened. */
  static final String AT_FIRST_CRASH = "the first crash";
  /** {@link Snapshot#when()} of the text a successful reload compiled. */
  static final String AT_RELOAD = "the reload";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  /**
   * One file's text.
   *
   * @param text the whole file
   * @param taken when, as a time of day
   * @param when {@link #AT_START_UP}, {@link #AT_FIRST_CRASH} or {@link #AT_RELOAD}
   */
  record Snapshot(String text, LocalTime taken, String when) {

    /** For {@code diff}'s header: {@code at start-up, 14:02:11}. */
    String describe() {
      // A formatter, since LocalTime.toString() drops the seconds when they are 0.
      return "at " + when + ", " + TIME.format(taken);
    }
  }

  /**
   * The code a reload swapped in.
   *
   * @param snapshot the text it was compiled from
   * @param version the method's version it became
   */
  record Reloaded(Snapshot snapshot, int version) {}

  private final Map<Class<?>, Snapshot> byClass = new ConcurrentHashMap<>();
  /** By work class ({@code demo.Report$HR$parse$3}). */
  private final Map<String, Reloaded> byWorkClass = new ConcurrentHashMap<>();
  /** The work class each reloaded method runs now. */
  private final Map<MethodSlot, String> workClassOf = new ConcurrentHashMap<>();
  private final Function<Class<?>, Optional<Snapshot>> atStartUp;
  private final Function<String, Optional<Snapshot>> atStartUpByName;
  private final Instant started;

  /**
   * A store without start-up snapshots, for tests: the baseline starts at the first crash, and
   * every file counts as not saved since the program started.
   */
  SourceSnapshots() {
    this(type -> Optional.empty());
  }

  /**
   * A store whose first baselines come from {@code atStartUp} where it has one, for tests: every
   * file counts as not saved since the program started.
   *
   * @param atStartUp the start-up snapshot of a class
   */
  SourceSnapshots(Function<Class<?>, Optional<Snapshot>> atStartUp) {
    this(atStartUp, name -> Optional.empty(), Instant.MAX);
  }

  /**
   * A store whose first baselines come from {@code atStartUp}, which also knows the start-up
   * text of classes by name, for the frames of classes that never crashed.
   *
   * @param atStartUp the start-up snapshot of a class, normally {@link StartupSnapshots#get}
   * @param atStartUpByName the start-up snapshot of the file of a top-level class, by binary name
   * @param started when the program started: a file not saved since holds the text its classes
   *     were compiled from
   */
  SourceSnapshots(
      Function<Class<?>, Optional<Snapshot>> atStartUp,
      Function<String, Optional<Snapshot>> atStartUpByName,
      Instant started) {
    this.atStartUp = atStartUp;
    this.atStartUpByName = atStartUpByName;
    this.started = started;
  }

  /**
   * Whether {@code file} was saved after the program started, so that its classes may run an
   * older text; an unreadable time counts as saved.
   *
   * @param file a source file
   * @return whether it was
   */
  boolean savedSinceStart(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant().isAfter(started);
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * Sets the baseline of the crashed method's class at its first crash, unless one is set: the
   * start-up snapshot if there is one, else {@code textNow}.
   *
   * @param crashed the method that crashed
   * @param textNow reads the file's text now, if it can
   */
  void recordFirstCrash(MethodSlot crashed, Supplier<Optional<String>> textNow) {
    Class<?> type = crashed.declaringClass();
    if (byClass.containsKey(type)) {
      return;
    }
    // A method already swapped (by a reload of every changed class during another class's
    // prompt) no longer runs its start-up text; the text now is the nearer guess.
    Optional<Snapshot> first =
        (crashed.version() == 0 ? atStartUp.apply(type) : Optional.<Snapshot>empty())
            .or(() -> textNow.get().map(text -> snapshot(text, AT_FIRST_CRASH)));
    first.ifPresent(snapshot -> byClass.putIfAbsent(type, snapshot));
  }

  /**
   * Keeps the text each swapped method was compiled from: its running version, for {@code diff}
   * and for the lines of its frames.
   *
   * @param swapped what a reload swapped in
   */
  void recordReload(List<ReloadResult.Swapped> swapped) {
    for (ReloadResult.Swapped swap : swapped) {
      if (swap.text() == null) {
        continue; // not known: the method's frames and diff then say so
      }
      byWorkClass.put(swap.workClass(), new Reloaded(snapshot(swap.text(), AT_RELOAD), swap.version()));
      workClassOf.put(swap.slot(), swap.workClass());
    }
  }

  /**
   * The running version of a method's file: the text its reload compiled, else the class's
   * baseline ({@link #get}), else, for a class that never crashed, its start-up text.
   *
   * @param slot the method
   * @return its snapshot, if one was taken
   */
  Optional<Snapshot> running(MethodSlot slot) {
    String workClass = workClassOf.get(slot);
    Reloaded reloaded = workClass == null ? null : byWorkClass.get(workClass);
    if (reloaded != null && reloaded.version() == slot.version()) {
      return Optional.of(reloaded.snapshot());
    }
    // A class that never crashed has no baseline yet: its start-up text, if it still runs that.
    return get(slot.declaringClass())
        .or(() -> slot.version() == 0 ? atStartUp.apply(slot.declaringClass()) : Optional.empty());
  }

  /**
   * The reload that made a frame's class: {@code demo.Report$HR$parse$3}, or a class nested in it.
   *
   * @param className the frame's class
   * @return the reload, if this store recorded it
   */
  Optional<Reloaded> reloadOf(String className) {
    int mark = className.indexOf(Frames.RELOADED_MARK);
    if (mark < 0) {
      return Optional.empty();
    }
    // demo.Report$HR$parse$3$1: the work class ends after the number that follows the name.
    int name = mark + Frames.RELOADED_MARK.length();
    int numberStart = className.indexOf('$', name);
    if (numberStart < 0) {
      return Optional.empty();
    }
    int numberEnd = className.indexOf('$', numberStart + 1);
    String workClass = numberEnd < 0 ? className : className.substring(0, numberEnd);
    return Optional.ofNullable(byWorkClass.get(workClass));
  }

  /**
   * The text the code of a frame's class was compiled from, where it is known: the reload's text
   * for reloaded code, else the start-up text of the class's file.
   *
   * @param className the frame's class
   * @return the text, or empty if it is not known (then only a file not saved since the program
   *     started is known to be it)
   */
  Optional<Snapshot> compiledFrom(String className) {
    if (className.contains(Frames.RELOADED_MARK)) {
      return reloadOf(className).map(Reloaded::snapshot);
    }
    int nested = className.indexOf('$');
    String topLevel = nested < 0 ? className : className.substring(0, nested);
    for (Map.Entry<Class<?>, Snapshot> entry : byClass.entrySet()) {
      if (entry.getValue().when().equals(AT_START_UP)
          && SourceLocator.topLevel(entry.getKey()).getName().equals(topLevel)) {
        return Optional.of(entry.getValue());
      }
    }
    return atStartUpByName.apply(topLevel);
  }

  /**
   * The running version of a class's file.
   *
   * @param type the class
   * @return its snapshot, if one was taken
   */
  Optional<Snapshot> get(Class<?> type) {
    return Optional.ofNullable(byClass.get(type));
  }

  private static Snapshot snapshot(String text, String when) {
    return new Snapshot(text, LocalTime.now().truncatedTo(ChronoUnit.SECONDS), when);
  }
}
