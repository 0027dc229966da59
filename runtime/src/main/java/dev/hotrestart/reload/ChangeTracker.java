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
  /** When each class's source was last compiled, as the file's modification time then. */
  private final Map<Class<?>, FileTime> checked = new ConcurrentHashMap<>();

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
   * Notes that {@code file}, the source of {@code running}, is being compiled now.
   *
   * @throws ReloadRefusal if the file's modification time cannot be read
   */
  void compiling(Class<?> running, Path file) throws ReloadRefusal {
    checked.put(running, lastModified(file));
  }

  /**
   * Whether {@code file}, the source of {@code running}, was saved since it was last compiled in
   * this JVM, or, never compiled, since the JVM started.
   *
   * @throws ReloadRefusal if the file's modification time cannot be read
   */
  boolean modifiedSinceChecked(Class<?> running, Path file) throws ReloadRefusal {
    FileTime before = checked.get(running);
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

  private static FileTime lastModified(Path file) throws ReloadRefusal {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new ReloadRefusal("hotrestart: cannot read " + file + ": " + e.getMessage());
    }
  }
}
