package dev.hotrestart.debug;

import dev.hotrestart.source.SourceLocator;
import java.util.List;
import java.util.Optional;

/**
 * Prints lines of a frame's source file with the frame's line marked, or why there is no source.
 * Shared by the crash report, the frame commands and the listing, which differ only in the lines
 * they ask for.
 *
 * <p>A frame's line number is a line of the text its code was compiled from, which may not be
 * the file as it is now: an edit saved since, or a reload of another method of the same file,
 * moves lines. So the marker goes on the line of the file now that holds the same text ({@link
 * LineMapping}); if the edit changed that very line, the listing is of the running code's text,
 * and says so; if that text is not known, nothing is marked, and the listing says why. Never a
 * marker on a line that did not fail.
 */
final class SourcePrinter {

  /**
   * Where a frame's line is shown.
   *
   * @param view the text to list: the file now, or the running code's text
   * @param line the line to mark in {@code view}, or -1 to mark none
   * @param note what to say about it, or null when the file is what runs
   */
  record Placed(SourceView view, int line, String note) {}

  private final SourceLocator locator;
  private final SourceSnapshots snapshots;
  private final Output out;

  /**
   * A printer.
   *
   * @param locator the source roots
   * @param snapshots the texts the running code was compiled from
   * @param out where to print
   */
  SourcePrinter(SourceLocator locator, SourceSnapshots snapshots, Output out) {
    this.locator = locator;
    this.snapshots = snapshots;
    this.out = out;
  }

  /**
   * The source file of a frame, read now; if there is none, prints why and where it was looked
   * for.
   *
   * @param frame the frame
   * @return the file, or empty (and the reason printed)
   */
  Optional<SourceView> view(Frames.Frame frame) {
    SourceView.Located located = SourceView.locate(locator, frame.element());
    if (located.view().isEmpty()) {
      out.println(located.missing());
    }
    return located.view();
  }

  /**
   * Where a frame's line is: in the file now, or in the running code's text; prints why there is
   * no source if there is none.
   *
   * @param frame the frame
   * @return the placement, or empty (and the reason printed)
   */
  Optional<Placed> place(Frames.Frame frame) {
    return view(frame).map(now -> place(frame, now));
  }

  private Placed place(Frames.Frame frame, SourceView now) {
    int line = frame.line();
    if (line <= 0) {
      return new Placed(now, -1, null);
    }
    String className = frame.element().getClassName();
    String name = now.file().getFileName().toString();
    Optional<SourceSnapshots.Snapshot> compiled = snapshots.compiledFrom(className);
    if (compiled.isEmpty()) {
      if (!className.contains(Frames.RELOADED_MARK) && !snapshots.savedSinceStart(now.file())) {
        return new Placed(now, line, null); // the file its classes were compiled from
      }
      return new Placed(
          now,
          -1,
          "(no line marked: "
              + name
              + " was saved after this code was compiled, and the text it was compiled from is"
              + " not known, so its line "
              + line
              + " may be another line now)");
    }
    List<String> before = compiled.get().text().lines().toList();
    List<String> after = now.text().lines().toList();
    if (before.equals(after)) {
      return new Placed(now, line, null);
    }
    int mapped = LineMapping.map(before, after, line);
    if (mapped == line) {
      return new Placed(now, line, null);
    }
    if (mapped > 0) {
      return new Placed(
          now,
          mapped,
          "("
              + name
              + " was edited since this code was compiled: the running code's line "
              + line
              + " is line "
              + mapped
              + " now)");
    }
    return new Placed(
        SourceView.of(now.file(), compiled.get().text()),
        line,
        "("
            + name
            + " was edited at this line since this code was compiled: these are the lines of the"
            + " running code, as compiled "
            + compiled.get().describe()
            + ")");
  }

  /**
   * The line a listing centres on: the frame's line where the file now has it.
   *
   * @param frame the frame
   * @return the line in the text a listing shows, or the frame's own line when it is not placed
   */
  int line(Frames.Frame frame) {
    return quietly(frame)
        .filter(placed -> placed.line() > 0)
        .map(Placed::line)
        .orElse(frame.line());
  }

  /**
   * What {@code where} adds to a frame whose line is not the same line of the file now: empty,
   * {@code  [line 17 now]}, {@code  [line edited since]} or {@code  [file saved since]}.
   *
   * @param frame the frame
   * @return the note, with a leading space, or empty
   */
  String whereNote(Frames.Frame frame) {
    Optional<Placed> placed = quietly(frame);
    if (placed.isEmpty() || placed.get().note() == null) {
      return "";
    }
    if (placed.get().line() < 0) {
      return "  [" + placed.get().view().file().getFileName() + " saved since: line not known]";
    }
    if (placed.get().line() != frame.line()) {
      return "  [line " + placed.get().line() + " in the file now]";
    }
    return "  [this line was edited since]";
  }

  /** {@link #place}, printing nothing when there is no source. */
  private Optional<Placed> quietly(Frames.Frame frame) {
    SourceView.Located located = SourceView.locate(locator, frame.element());
    return located.view().map(now -> place(frame, now));
  }

  /**
   * Prints lines of a frame's source with the frame's line marked, or why there is no source.
   * The file's path heads the crash report only; listings after it are about the same files.
   *
   * @param frame the frame
   * @param first the first line, in the text {@link #line} placed the frame in
   * @param last the last line
   * @param showPath whether to print {@code path:line} first
   * @return whether anything could be listed
   */
  boolean print(Frames.Frame frame, int first, int last, boolean showPath) {
    Optional<Placed> found = place(frame);
    if (found.isEmpty()) {
      return false;
    }
    Placed placed = found.get();
    SourceView view = placed.view();
    if (first > view.lineCount()) {
      out.println("[end of file: " + view.lineCount() + " lines]");
      return false;
    }
    if (showPath) {
      // path:line, which terminals and IDEs link: the line where the file now has it
      out.println(view.file() + ":" + (placed.line() > 0 ? placed.line() : frame.line()));
    }
    if (placed.note() != null) {
      out.println(placed.note());
    }
    out.writer().print(view.render(first, last, placed.line(), out.style()));
    return true;
  }
}
