package dev.hotrestart.debug;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The source text of the running version of each class, for {@code diff}: taken when the class's
 * first crash opens a prompt, and again after each successful reload. A proxy cannot know its
 * source file when it is created (the source roots may not even be set then), so an edit made
 * before the first crash is part of the snapshot and not shown as a change.
 */
final class SourceSnapshots {

  /**
   * One file's text.
   *
   * @param text the whole file
   * @param taken when, as a time of day
   * @param why "first crash" or "reload"
   */
  record Snapshot(String text, LocalTime taken, String why) {}

  private final Map<Class<?>, Snapshot> byClass = new ConcurrentHashMap<>();

  /**
   * Keeps {@code text} as the running version of {@code type}'s file, unless one is kept already.
   *
   * @param type the class
   * @param text its file's text
   */
  void recordFirst(Class<?> type, String text) {
    byClass.putIfAbsent(type, snapshot(text, "first crash"));
  }

  /**
   * Keeps {@code text} as the running version of {@code type}'s file after a reload.
   *
   * @param type the class
   * @param text the text that was compiled
   */
  void recordReload(Class<?> type, String text) {
    byClass.put(type, snapshot(text, "reload"));
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

  private static Snapshot snapshot(String text, String why) {
    return new Snapshot(text, LocalTime.now().truncatedTo(ChronoUnit.SECONDS), why);
  }
}
