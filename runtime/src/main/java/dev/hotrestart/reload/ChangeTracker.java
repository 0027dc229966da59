package dev.hotrestart.reload;

import dev.hotrestart.config.Jvm;
import dev.hotrestart.slot.MethodSlot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What runs now, to tell which wrapped methods an edit changed ({@code
 * -Dhotrestart.reloadAll=true}): the class files as they were when each class started, the
 * fingerprint of each method last swapped in, and when each class's source was last compiled.
 */
final class ChangeTracker {

  /** Equal to no fingerprint, which is never empty. */
  static final String UNKNOWN = "";

  /** The fingerprint of each slot's code as last swapped in. */
  private final Map<MethodSlot, String> loaded = new ConcurrentHashMap<>();
  /**
   * The class files as they were when their first proxy was created, by binary name: the class
   * and its anonymous and local classes, which a method's fingerprint includes.
   */
  private final Map<Class<?>, Map<String, byte[]>> originals = new ConcurrentHashMap<>();
  /**
   * For each method, the modification time of the source text its running code is known to
   * match: compiled and swapped in, or compiled and found the same as the running code.
   */
  private final Map<MethodSlot, FileTime> checked = new ConcurrentHashMap<>();

  /**
   * Keeps the class files of {@code type} as they are now, unless that was done already, so that
   * later edits can be told from the running code even after an IDE recompiles the class files on
   * disk.
   *
   * @param type a class whose proxy is being initialised
   * @return its class files, by binary name; empty if they cannot be read
   */
  Map<String, byte[]> original(Class<?> type) {
    return originals.computeIfAbsent(type, ClassFiles::ofLoaded);
  }

  /**
   * Notes that the source of {@code slot}'s class, as saved at {@code modified}, holds the code
   * the method runs now: it was compiled and swapped in, or compiled and found the same as the
   * running code. Not called for a compile that failed or was refused, so its edit still counts
   * as new at the next {@code c}.
   *
   * @param slot the method
   * @param modified the file's modification time, read before it was compiled
   */
  void applied(MethodSlot slot, FileTime modified) {
    checked.merge(slot, modified, (a, b) -> a.compareTo(b) >= 0 ? a : b);
  }

  /**
   * Whether {@code file}, the source of {@code slot}'s class, was saved since the method's
   * running code was known to match it, or, never compiled, since the JVM started.
   *
   * @throws ReloadRefusal if the file's modification time cannot be read
   */
  boolean modifiedSince(MethodSlot slot, Path file) throws ReloadRefusal {
    FileTime before = checked.get(slot);
    FileTime now = lastModified(file);
    if (before == null) {
      return now.toInstant().isAfter(Jvm.started());
    }
    return now.compareTo(before) > 0;
  }

  /**
   * Notes the fingerprint of the code just swapped into {@code slot}.
   *
   * @param fingerprint its fingerprint, or {@link #UNKNOWN}
   */
  void swapped(MethodSlot slot, String fingerprint) {
    loaded.put(slot, fingerprint);
  }

  /**
   * The fingerprint of the code {@code slot} runs: as last swapped in, else that of the class
   * file the class started with.
   *
   * @param slot the method
   * @param key its name and descriptor
   * @return the fingerprint, or null when the class file cannot be read
   */
  String running(MethodSlot slot, String key) {
    String fingerprint = loaded.get(slot);
    if (fingerprint != null) {
      return fingerprint;
    }
    Class<?> type = slot.declaringClass();
    Map<String, byte[]> files = original(type);
    byte[] original = files.get(type.getName());
    return original == null ? null : Fingerprint.of(ClassFiles.read(original), key, files);
  }

  /**
   * A file's modification time.
   *
   * @throws ReloadRefusal if it cannot be read
   */
  static FileTime lastModified(Path file) throws ReloadRefusal {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new ReloadRefusal("hotrestart: cannot read " + file + ": " + e.getMessage());
    }
  }
}
