package dev.hotrestart.debug;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Source listings of the selected frame, and where the next plain {@code l} goes on: the commands
 * {@code list} and {@code ll}; and {@code edit}, which opens the editor on the frame's line.
 */
final class Listing {

  /** Lines listed by {@code l}: the current line and five either side, as pdb. */
  static final int WINDOW = 11;

  private final FrameCursor cursor;
  private final SourcePrinter source;
  private final Output out;
  private final CtrlCWatch ctrlC;

  /** The first line the next plain {@code l} lists; 0 until something was listed for the frame. */
  private int next;
  /** The {@link FrameCursor#selections() selection} that {@link #next} belongs to. */
  private int selection;

  /**
   * A listing of the cursor's selected frame.
   *
   * @param cursor the selected frame
   * @param source prints the lines
   * @param out where errors go
   * @param ctrlC the session's Ctrl-C, which is the editor's key while it runs
   */
  Listing(FrameCursor cursor, SourcePrinter source, Output out, CtrlCWatch ctrlC) {
    this.cursor = cursor;
    this.source = source;
    this.out = out;
    this.ctrlC = ctrlC;
  }

  /**
   * {@code l [first[, last]]}: around the current line the first time, then the next lines;
   * {@code l .} around the current line again; {@code l N} around line N; {@code l FIRST, LAST}
   * that range, a LAST smaller than FIRST being a count.
   *
   * @param argument what follows {@code l}
   */
  void list(String argument) {
    String arg = argument.strip();
    if (arg.isEmpty()) {
      listNext();
    } else if (arg.equals(".")) {
      listAroundCurrent();
    } else {
      String[] parts = arg.split("\\s*,\\s*", -1);
      try {
        int first = Integer.parseInt(parts[0].strip());
        if (parts.length == 1) {
          int from = Math.max(1, first - WINDOW / 2);
          listRange(from, from + WINDOW - 1);
        } else if (parts.length == 2) {
          int last = Integer.parseInt(parts[1].strip());
          listRange(first, last < first ? first + last : last);
        } else {
          throw new NumberFormatException(arg);
        }
      } catch (NumberFormatException e) {
        out.error("usage: l [first[, last]]  or  l .");
      }
    }
  }

  /**
   * {@code edit}: opens {@code $VISUAL}, else {@code $EDITOR}, else {@code vi}, on the selected
   * frame's file at its line (as {@code +LINE FILE}, which vi, vim, nano and emacs read), in this
   * terminal, and returns to the prompt when the editor exits.
   *
   * @param argument ignored
   */
  void edit(String argument) {
    Frames.Frame frame = cursor.selectedFrame();
    if (frame == null) {
      out.error("no frames");
      return;
    }
    Optional<SourceView> view = source.view(frame);
    if (view.isEmpty()) {
      return;
    }
    Path file = view.get().file();
    int line = Math.max(1, source.line(frame));
    List<String> command = editorCommand(System.getenv(), file, line);
    out.println("editing " + file + ":" + line + " with " + command.get(0));
    out.writer().flush();
    // The terminal sends Ctrl-C to the editor and to this JVM alike; it is the editor's key.
    ctrlC.childOwnsTerminal(true);
    boolean endedByCtrlC = false;
    try {
      Process editor = new ProcessBuilder(command).inheritIO().start();
      int status = editor.waitFor();
      endedByCtrlC = status == CtrlCWatch.CTRL_C_STATUS;
      out.println(
          "back from " + command.get(0) + (status == 0 ? "" : " (exit status " + status + ")")
              + "; diff shows what changed, c reloads it");
    } catch (IOException e) {
      out.error(
          "cannot start the editor " + command.get(0) + ": " + e.getMessage()
              + "; set VISUAL or EDITOR to an editor on the PATH");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.error("interrupted while waiting for the editor");
    } finally {
      if (endedByCtrlC) {
        ctrlC.childEndedByCtrlC();
      } else {
        ctrlC.childOwnsTerminal(false);
      }
    }
  }

  /**
   * The command that opens {@code file} at {@code line}: {@code $VISUAL}, else {@code $EDITOR},
   * else {@code vi}, split at spaces (so {@code EDITOR="emacs -nw"} works), then {@code +LINE} and
   * the file.
   *
   * @param env the environment
   * @param file the file
   * @param line the line
   * @return the command and its arguments
   */
  static List<String> editorCommand(Map<String, String> env, Path file, int line) {
    String editor = env.getOrDefault("VISUAL", "").strip();
    if (editor.isEmpty()) {
      editor = env.getOrDefault("EDITOR", "").strip();
    }
    if (editor.isEmpty()) {
      editor = "vi";
    }
    List<String> command = new ArrayList<>(Arrays.asList(editor.split("\\s+")));
    command.add("+" + line);
    command.add(file.toString());
    return command;
  }

  /**
   * {@code ll}: the whole method of the selected frame, found by parsing its file; the window
   * around the current line if the parser does not find it.
   *
   * @param argument ignored
   */
  void longList(String argument) {
    Frames.Frame frame = cursor.selectedFrame();
    if (frame == null || frame.line() <= 0) {
      out.error("the selected frame has no line number");
      return;
    }
    Optional<SourcePrinter.Placed> placed = source.place(frame);
    if (placed.isEmpty()) {
      return;
    }
    int line = placed.get().line() > 0 ? placed.get().line() : frame.line();
    Optional<SourceView.Range> range =
        placed.get().view().methodRange(frame.element().getMethodName(), line);
    if (range.isPresent()) {
      listRange(range.get().first(), range.get().last());
    } else {
      listAroundCurrent();
    }
  }

  private void listNext() {
    if (selection != cursor.selections() || next <= 0) {
      listAroundCurrent();
      return;
    }
    listRange(next, next + WINDOW - 1);
  }

  private void listAroundCurrent() {
    Frames.Frame frame = cursor.selectedFrame();
    if (frame == null || frame.line() <= 0) {
      out.error("the selected frame has no line number; try l FIRST, LAST");
      return;
    }
    int first = Math.max(1, source.line(frame) - WINDOW / 2);
    listRange(first, first + WINDOW - 1);
  }

  /** Lists lines of the selected frame's file, and goes on after them at the next {@code l}. */
  private void listRange(int first, int last) {
    Frames.Frame frame = cursor.selectedFrame();
    if (frame == null) {
      out.error("no frames");
      return;
    }
    if (source.print(frame, first, last, false)) {
      next = last + 1;
      selection = cursor.selections();
    }
  }
}
