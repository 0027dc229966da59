package dev.hotrestart.debug;

import dev.hotrestart.slot.Crash;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * What a session prints once, before its first prompt: the thread and method that crashed, the
 * exception and its causes, the failing line in its source, and (the first time) the hint.
 */
final class CrashReport {

  /** Lines of context either side of the failing line. */
  static final int CONTEXT = 3;

  private final Crash crash;
  private final FrameCursor cursor;
  private final SourcePrinter source;
  private final Output out;
  private final SourceSnapshots snapshots;

  /**
   * A report of one crash.
   *
   * @param crash the crash
   * @param cursor its frames
   * @param source prints the failing line
   * @param out where to print
   * @param snapshots the reloads, which name the version a frame ran
   */
  CrashReport(
      Crash crash, FrameCursor cursor, SourcePrinter source, Output out, SourceSnapshots snapshots) {
    this.snapshots = snapshots;
    this.crash = crash;
    this.cursor = cursor;
    this.source = source;
    this.out = out;
  }

  /**
   * Prints the report.
   *
   * @param hint whether to end with the one-line hint on c, r, q and h
   */
  void print(boolean hint) {
    Throwable thrown = crash.thrown();
    Frames frames = cursor.frames();
    Frames.Frame frame = frames.crashed() >= 0 ? frames.list().get(frames.crashed()) : null;
    String version = version(frame);
    out.println(
        "hotrestart: thread \""
            + crash.thread().getName()
            + "\" crashed in "
            + crash.slot().describe()
            + version);
    Style style = out.style();
    out.println(style.exception(safeToString(thrown)));
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(thrown);
    for (Throwable cause = thrown.getCause(); cause != null && seen.add(cause);
        cause = cause.getCause()) {
      out.println("Caused by: " + style.exception(safeToString(cause)));
    }
    if (frame == null) {
      out.println(
          "  (the stack trace has no frame of "
              + crash.slot().describe()
              + "; e shows the whole trace)");
    } else {
      out.println("  at " + frame.describe());
      int line = source.line(frame);
      source.print(frame, line - CONTEXT, line + CONTEXT, true);
    }
    if (hint) {
      out.println(
          "Edit the method and type c to reload it and call it again; r raises the exception,"
              + " q stops restarting, h lists the commands.");
    }
  }

  /**
   * Which code the crashed frame ran: another thread may have crashed in the original code
   * before a reload swapped a new version in, and its prompt opens after.
   */
  private String version(Frames.Frame frame) {
    int current = crash.slot().version();
    if (frame == null) {
      return current > 0 ? " (reloaded code, version " + current + ")" : "";
    }
    String className = frame.element().getClassName();
    if (!className.contains(Frames.RELOADED_MARK)) {
      return current > 0
          ? " (the original code; version " + current + " was reloaded since, which c calls)"
          : "";
    }
    int ran = snapshots.reloadOf(className).map(SourceSnapshots.Reloaded::version).orElse(current);
    return " (reloaded code, version "
        + ran
        + (ran != current ? "; version " + current + " was reloaded since, which c calls" : "")
        + ")";
  }

  private static String safeToString(Throwable thrown) {
    try {
      return thrown.toString(); // runs the exception's getMessage, user code
    } catch (RuntimeException | LinkageError e) {
      return thrown.getClass().getName() + " (its message threw " + e + ")";
    }
  }
}
