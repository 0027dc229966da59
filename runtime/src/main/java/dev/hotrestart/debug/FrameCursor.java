package dev.hotrestart.debug;

import dev.hotrestart.reload.LocalCapture;
import dev.hotrestart.slot.Crash;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The stack of one crash and the frame selected in it, which {@code l} and {@code ll} list: the
 * commands {@code where}, {@code up}, {@code down} and {@code frame}.
 */
final class FrameCursor {

  private final Crash crash;
  private final Output out;
  private final SourcePrinter source;

  private Frames frames;
  /** The variables captured for each frame of {@link #frames}, empty where none were. */
  private List<Optional<LocalCapture.Frame>> captured;
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

  /**
   * The variables of a frame as the exception left it, where its method captured them: the
   * wrapped methods the exception unwound, the crashed one included. Captures are matched to the
   * dead frames in order, innermost first, so a recursive method's frames each get their own.
   *
   * @param index a frame's index in {@link Frames#list()}
   * @return its variables, or empty
   */
  Optional<LocalCapture.Frame> captured(int index) {
    if (captured == null) {
      List<Frames.Frame> list = frames().list();
      List<LocalCapture.Frame> left = LocalCapture.framesOf(crash.thrown());
      captured = new ArrayList<>();
      int next = 0;
      for (Frames.Frame frame : list) {
        Optional<LocalCapture.Frame> match = Optional.empty();
        if (!frame.live()) {
          for (int i = next; i < left.size(); i++) {
            LocalCapture.Frame candidate = left.get(i);
            if (candidate.running().getName().equals(
                    Frames.displayClassName(frame.element().getClassName()))
                && candidate.methodName().equals(frame.element().getMethodName())) {
              match = Optional.of(candidate);
              next = i + 1;
              break;
            }
          }
        }
        captured.add(match);
      }
    }
    return index >= 0 && index < captured.size() ? captured.get(index) : Optional.empty();
  }

  /** The index of the selected frame in {@link Frames#list()}. */
  int selectedIndex() {
    frames();
    return selected;
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
    String mark = captured(index).isPresent() ? "   [variables]" : "";
    if (index == frames().crashed()) {
      mark += "   <- wrapped method: c calls it again";
    } else if (frame.wrapped()) {
      mark += "   <- wrapped method";
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
