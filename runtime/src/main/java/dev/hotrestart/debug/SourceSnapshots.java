package dev.hotrestart.debug;

import dev.hotrestart.slot.MethodSlot;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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

  private final Map<Class<?>, Snapshot> byClass = new ConcurrentHashMap<>();
  private final Function<Class<?>, Optional<Snapshot>> atStartUp;

  /** A store without start-up snapshots: the baseline starts at the first crash. */
  SourceSnapshots() {
    this(type -> Optional.empty());
  }

  /**
   * A store whose first baselines come from {@code atStartUp} where it has one.
   *
   * @param atStartUp the start-up snapshot of a class, normally {@link StartupSnapshots#get}
   */
  SourceSnapshots(Function<Class<?>, Optional<Snapshot>> atStartUp) {
    this.atStartUp = atStartUp;
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
   * Keeps {@code text} as the running version of {@code type}'s file after a reload.
   *
   * @param type the class
   * @param text the text that was compiled
   */
  void recordReload(Class<?> type, String text) {
    byClass.put(type, snapshot(text, AT_RELOAD));
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
