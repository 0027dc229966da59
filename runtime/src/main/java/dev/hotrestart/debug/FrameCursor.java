package dev.hotrestart.debug;

import dev.hotrestart.slot.Crash;
import java.util.List;
import java.util.Locale;

/**
 * The stack of one crash and the frame selected in it, which {@code l} and {@code ll} list: the
 * commands {@code where}, {@code up}, {@code down} and {@code frame}.
 */
final class FrameCursor {

  private final Crash crash;
  private final Output out;
  private final SourcePrinter source;

  private Frames frames;
  private int selected;
  /** How many times a frame was selected; a listing goes on only within one selection. */
  private int selections;

  /**
   * A cursor on the crashed frame.
   *
   * @param crash the crash, on the current thread
   * @param out where to print
   * @param source prints the selected frame's line
   */
  FrameCursor(Crash crash, Output out, SourcePrinter source) {
    this.crash = crash;
    this.out = out;
    this.source = source;
  }

  /**
   * The frames, computed once, at the first use: the live ones must be read while the callers are
   * waiting, on the crashed thread.
   */
  Frames frames() {
    if (frames == null) {
      frames = Frames.of(crash);
      selected = Math.max(0, frames.crashed());
    }
    return frames;
  }

  /** The selected frame, or null if the stack is empty. */
  Frames.Frame selectedFrame() {
    List<Frames.Frame> list = frames().list();
    return list.isEmpty() ? null : list.get(selected);
  }

  /**
   * Counts selections, so that a listing knows when to start again around the current line.
   *
   * @return a number that changes each time a frame is selected, the same one again included
   */
  int selections() {
    return selections;
  }

  /**
   * {@code where}: prints the stack, the selected frame marked.
   *
   * @param argument ignored
   */
  void where(String argument) {
    List<Frames.Frame> list = frames().list();
    for (int i = 0; i < list.size(); i++) {
      Frames.Frame frame = list.get(i);
      if (frame.live() && (i == 0 || !list.get(i - 1).live())) {
        out.println("  -- the callers below are live, waiting for the wrapped method --");
      }
      out.println(describe(i));
    }
    if (frames().hidden() > 0) {
      out.println(
          "  ("
              + frames().hidden()
              + " frames of hotrestart, method handles and reflection hidden; e shows the"
              + " exception's)");
    }
  }

  /**
   * {@code up}: selects the next frame out, towards the callers.
   *
   * @param argument ignored
   */
  void up(String argument) {
    move(+1);
  }

  /**
   * {@code down}: selects the next frame in, towards the throw.
   *
   * @param argument ignored
   */
  void down(String argument) {
    move(-1);
  }

  /**
   * {@code frame [N]}: selects frame N as {@code where} numbers them, or shows the selected one.
   *
   * @param argument the number, with or without {@code #}, or empty
   */
  void frame(String argument) {
    if (argument.isBlank()) {
      printSelected();
      return;
    }
    int index;
    try {
      index = Integer.parseInt(argument.strip().replace("#", ""));
    } catch (NumberFormatException e) {
      out.error("usage: f N, where N is a frame number that w shows");
      return;
    }
    select(index);
  }

  private void move(int step) {
    int target = selected + step;
    if (target >= frames().list().size()) {
      out.error("already at the outermost frame");
    } else if (target < 0) {
      out.error("already at the innermost frame (where the exception was thrown)");
    } else {
      select(target);
    }
  }

  private void select(int index) {
    int size = frames().list().size();
    if (index < 0 || index >= size) {
      out.error("no frame " + index + "; w shows frames 0 to " + (size - 1));
      return;
    }
    selected = index;
    selections++;
    printSelected();
  }

  private void printSelected() {
    Frames.Frame frame = selectedFrame();
    if (frame == null) {
      out.error("no frames");
      return;
    }
    out.println(describe(selected));
    if (frame.line() > 0) {
      int line = source.line(frame);
      source.print(frame, line, line, false);
    }
  }

  private String describe(int index) {
    Frames.Frame frame = frames().list().get(index);
    String mark = "";
    if (index == frames().crashed()) {
      mark = "   <- wrapped method: c calls it again";
    } else if (frame.wrapped()) {
      mark = "   <- wrapped method";
    }
    // Pad the numbers to one width so that the frames line up: "#2   " beside "#12  ".
    int width = String.valueOf(frames().list().size() - 1).length();
    String number = String.format(Locale.ROOT, "#%-" + width + "d", index);
    return (index == selected ? "> " : "  ")
        + number
        + "  "
        + frame.describe()
        + source.whereNote(frame)
        + mark;
  }
}
