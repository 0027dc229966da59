package dev.hotrestart.debug;

import dev.hotrestart.reload.LiveLocals;
import dev.hotrestart.reload.LocalCapture;
import dev.hotrestart.slot.Crash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
  /** Indexes of live frames the JIT compiled, which keep only the variables still needed. */
  private final Set<Integer> compiled = new HashSet<>();
  /** The variables of live interpreted frames that their method does not read again, by index. */
  private final Map<Integer, Set<String>> unsure = new HashMap<>();
  /** Why the live frames' variables cannot be read, or null. */
  private String liveUnavailable;
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
   * The variables of a frame: for a wrapped method the exception left, as it left it; for a live
   * wrapped caller, as they are while it waits (read once, through {@link LiveLocals}, on the
   * crashed thread). Captures are matched to frames in order, innermost first, so a recursive
   * method's frames each get their own.
   *
   * @param index a frame's index in {@link Frames#list()}
   * @return its variables, or empty
   */
  Optional<LocalCapture.Frame> captured(int index) {
    if (captured == null) {
      List<Frames.Frame> list = frames().list();
      List<LocalCapture.Frame> left = LocalCapture.framesOf(crash.thrown());
      List<LiveLocals.Live> waiting = liveFrames(list);
      captured = new ArrayList<>();
      int next = 0;
      int nextLive = 0;
      for (Frames.Frame frame : list) {
        Optional<LocalCapture.Frame> match = Optional.empty();
        if (!frame.live()) {
          for (int i = next; i < left.size(); i++) {
            if (sameMethod(left.get(i), frame)) {
              match = Optional.of(left.get(i));
              next = i + 1;
              break;
            }
          }
        } else if (frame.wrapped()) {
          for (int i = nextLive; i < waiting.size(); i++) {
            if (sameMethod(waiting.get(i).frame(), frame)) {
              match = Optional.of(waiting.get(i).frame());
              if (waiting.get(i).compiled()) {
                compiled.add(captured.size());
              }
              unsure.put(captured.size(), waiting.get(i).unsure());
              nextLive = i + 1;
              break;
            }
          }
        }
        captured.add(match);
      }
    }
    return index >= 0 && index < captured.size() ? captured.get(index) : Optional.empty();
  }

  /** The live wrapped callers' variables, read only if there are any, and only on this thread. */
  private List<LiveLocals.Live> liveFrames(List<Frames.Frame> list) {
    boolean any = list.stream().anyMatch(frame -> frame.live() && frame.wrapped());
    if (!any || crash.thread() != Thread.currentThread()) {
      return List.of();
    }
    LiveLocals.Walk walk = LiveLocals.walk();
    liveUnavailable = walk.unavailable();
    return walk.frames();
  }

  private static boolean sameMethod(LocalCapture.Frame captured, Frames.Frame frame) {
    return captured.running().getName().equals(
            Frames.displayClassName(frame.element().getClassName()))
        && captured.methodName().equals(frame.element().getMethodName());
  }

  /**
   * Whether a frame with variables is a live one the JIT compiled: it keeps only the variables
   * its code still needs after the call, so the others are not shown.
   *
   * @param index a frame's index in {@link Frames#list()}
   * @return whether it is
   */
  boolean compiled(int index) {
    captured(index);
    return compiled.contains(index);
  }

  /**
   * The variables of a live frame that its method does not read again after the call it waits
   * in: an interpreted frame still holds them, but if the JIT had compiled the method and handed
   * the frame back to the interpreter, they read 0 or null.
   *
   * @param index a frame's index in {@link Frames#list()}
   * @return their names, empty for other frames
   */
  Set<String> unsure(int index) {
    captured(index);
    return unsure.getOrDefault(index, Set.of());
  }

  /**
   * Why the live callers' variables cannot be read on this JVM, if that is the case.
   *
   * @return the reason, one sentence, or empty
   */
  Optional<String> liveUnavailable() {
    captured(0);
    return Optional.ofNullable(liveUnavailable);
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
