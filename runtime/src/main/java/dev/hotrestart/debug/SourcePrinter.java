package dev.hotrestart.debug;

import dev.hotrestart.source.SourceLocator;
import java.util.Optional;

/**
 * Prints lines of a frame's source file with the frame's line marked, or why there is no source.
 * Shared by the crash report, the frame commands and the listing, which differ only in the lines
 * they ask for.
 */
final class SourcePrinter {

  private final SourceLocator locator;
  private final Output out;

  /**
   * A printer.
   *
   * @param locator the source roots
   * @param out where to print
   */
  SourcePrinter(SourceLocator locator, Output out) {
    this.locator = locator;
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
   * Prints lines of a frame's source with the frame's line marked, or why there is no source.
   * The file's path heads the crash report only; listings after it are about the same files.
   *
   * @param frame the frame
   * @param first the first line
   * @param last the last line
   * @param showPath whether to print {@code path:line} first
   * @return whether anything could be listed
   */
  boolean print(Frames.Frame frame, int first, int last, boolean showPath) {
    Optional<SourceView> found = view(frame);
    if (found.isEmpty()) {
      return false;
    }
    SourceView view = found.get();
    if (first > view.lineCount()) {
      out.println("[end of file: " + view.lineCount() + " lines]");
      return false;
    }
    if (showPath) {
      out.println(view.file() + ":" + frame.line()); // path:line, which terminals and IDEs link
    }
    out.writer().print(view.render(first, last, frame.line(), out.style()));
    return true;
  }
}
