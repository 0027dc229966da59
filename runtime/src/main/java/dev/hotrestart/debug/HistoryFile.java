package dev.hotrestart.debug;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The line editor's history file. It holds every command typed, {@code p} expressions with the
 * data in them included, so it is readable by its owner only: created so, and tightened if an
 * earlier run (or anything else) left it readable by others. A file that cannot be used is said
 * once, in one line, and the history is kept for the run only.
 */
final class HistoryFile {

  /** Saves the line editor's history to the file; throws what JLine's save threw, wrapped. */
  @FunctionalInterface
  interface Save {
    void run() throws ReflectiveOperationException;
  }

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final Path file;
  private final Consumer<String> notice;
  /** Guarded by the line editor's reading thread: one prompt reads at a time. */
  private boolean failed;

  /**
   * The history file, {@link #prepare prepared}.
   *
   * @param file the file
   * @param notice prints a one-line notice for the user
   */
  HistoryFile(Path file, Consumer<String> notice) {
    this.file = file;
    this.notice = notice;
  }

  /**
   * Creates the file readable and writable by its owner only, or takes group and other
   * permissions away from an existing one, and checks that it can be read and written.
   *
   * @param file the history file
   * @param notice prints why, in one line, if the file cannot be used
   * @return whether the line editor may use the file
   */
  static boolean prepare(Path file, Consumer<String> notice) {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    try {
      if (Files.notExists(file)) {
        if (posix) {
          Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
          Files.createFile(file);
        }
      } else if (posix && Files.isRegularFile(file)) {
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(file);
        Set<PosixFilePermission> owners = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission permission : now) {
          if (permission.name().startsWith("OWNER_")) {
            owners.add(permission);
          }
        }
        if (!owners.equals(now)) {
          Files.setPosixFilePermissions(file, owners);
        }
      }
      if (!Files.isRegularFile(file) || !Files.isReadable(file) || !Files.isWritable(file)) {
        throw new IOException("not a file this user can read and write");
      }
      return true;
    } catch (IOException | RuntimeException e) {
      notice.accept(message(file, e));
      return false;
    }
  }

  /**
   * Saves the history; the first failure is said, later ones are not (the commands stay in
   * memory, and a later save that works writes them too).
   *
   * @param save JLine's save
   */
  void save(Save save) {
    try {
      save.run();
    } catch (ReflectiveOperationException | RuntimeException e) {
      Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
      if (!failed) {
        failed = true;
        notice.accept(message(file, cause));
      }
    }
  }

  private static String message(Path file, Throwable e) {
    return "hotrestart: cannot use the history file "
        + file
        + " ("
        + e
        + "); commands are remembered for this run only (-Dhotrestart.history=FILE or none)";
  }
}
