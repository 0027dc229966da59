package dev.hotrestart.debug;

import dev.hotrestart.slot.Crash;
import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.slot.Outcome;
import dev.hotrestart.source.SourceLocator;
import dev.hotrestart.source.SourceTrees;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * One post-mortem session: prints the crash once, then reads and runs commands until one of them
 * ends the session. Every stream and every action with effects outside the session is passed in,
 * so a test drives a session with strings and fakes, as jshell's tool is tested.
 *
 * <p>A session runs on the crashed thread, inside the proxy's {@code catch}: the callers above are
 * still on this thread's stack, which is what {@code where} shows as live frames.
 */
final class Debugger {

  private static final System.Logger LOG = System.getLogger(Debugger.class.getName());

  /** The prompt; tests and the end-to-end harness wait for it. */
  static final String PROMPT = "(hotrestart) ";

  /** Lines listed by {@code l}: the current line and five either side, as pdb. */
  private static final int WINDOW = 11;

  /** Lines of context either side of the failing line in the crash report. */
  private static final int REPORT_CONTEXT = 3;

  /**
   * A session's switches.
   *
   * @param reloadOnContinue whether {@code c} recompiles before calling again
   * @param reloadAll whether {@code c} reloads every changed wrapped method
   * @param hint whether to print the one-line hint on c, r, q, h (the first session only)
   * @param labelThreads whether to label prompts with the thread: asked at each prompt, since
   *     another thread may crash while this one is at its prompt
   * @param interrupts where Ctrl-C comes from while the prompt is open
   * @param exit ends the JVM with a status, on a second Ctrl-C
   * @param style the colours
   */
  record Options(
      boolean reloadOnContinue,
      boolean reloadAll,
      boolean hint,
      BooleanSupplier labelThreads,
      Interrupts interrupts,
      IntConsumer exit,
      Style style) {

    /**
     * Switches without Ctrl-C handling, as tests use them.
     *
     * @param reloadOnContinue whether {@code c} recompiles before calling again
     * @param reloadAll whether {@code c} reloads every changed wrapped method
     * @param hint whether to print the one-line hint
     * @param labelThreads whether to label prompts with the thread
     */
    Options(
        boolean reloadOnContinue, boolean reloadAll, boolean hint, BooleanSupplier labelThreads) {
      this(
          reloadOnContinue,
          reloadAll,
          hint,
          labelThreads,
          Interrupts.none(),
          status -> {},
          Style.PLAIN);
    }

    /** Reload on continue, only the crashed method, with the hint, no thread labels. */
    static Options defaults() {
      return new Options(true, false, true, () -> false);
    }

    /**
     * These switches with another source of Ctrl-C.
     *
     * @param interrupts where Ctrl-C comes from
     * @param exit what a second Ctrl-C calls
     * @return the new switches
     */
    Options withInterrupts(Interrupts interrupts, IntConsumer exit) {
      return new Options(reloadOnContinue, reloadAll, hint, labelThreads, interrupts, exit, style);
    }

    /**
     * These switches with other colours.
     *
     * @param style the colours
     * @return the new switches
     */
    Options withStyle(Style style) {
      return new Options(reloadOnContinue, reloadAll, hint, labelThreads, interrupts, exit, style);
    }
  }

  /** The exit status of a program ended by Ctrl-C, as a shell reports SIGINT (128 + 2). */
  static final int CTRL_C_STATUS = 130;

  private final Crash crash;
  private final Input input;
  private final PrintWriter out;
  private final Actions actions;
  private final SourceLocator locator;
  private final Options options;
  private final Commands commands;

  private Frames frames;
  private int selected;
  /** The first line the next plain {@code l} lists; 0 until something was listed for the frame. */
  private int listFrom;

  private Commands.Command lastCommand;
  private String lastArgument = "";

  /** Guards {@link #ctrlCs} and {@link #reading} against the SIGINT handler's thread. */
  private final Object ctrlCLock = new Object();
  /** Ctrl-Cs since the prompt opened. */
  private int ctrlCs;
  /** Whether the session's thread waits for a line (so that Ctrl-C may interrupt it). */
  private boolean reading;
  private Thread sessionThread;

  /**
   * A session with the standard commands.
   *
   * @param crash what happened
   * @param input where commands come from
   * @param out where everything is printed
   * @param actions reload and evaluate
   * @param locator the source roots
   * @param options the switches
   */
  Debugger(
      Crash crash,
      Input input,
      PrintWriter out,
      Actions actions,
      SourceLocator locator,
      Options options) {
    this(crash, input, out, actions, locator, options, Commands.standard());
  }

  /**
   * A session with a given command table.
   *
   * @param crash what happened
   * @param input where commands come from
   * @param out where everything is printed
   * @param actions reload and evaluate
   * @param locator the source roots
   * @param options the switches
   * @param commands the command table
   */
  Debugger(
      Crash crash,
      Input input,
      PrintWriter out,
      Actions actions,
      SourceLocator locator,
      Options options,
      Commands commands) {
    this.crash = crash;
    this.input = input;
    this.out = out;
    this.actions = actions;
    this.locator = locator;
    this.options = options;
    this.commands = commands;
  }

  /**
   * Runs the session: the report, then commands until one ends it.
   *
   * @return what the user chose; {@link Outcome#RAISE} at end of input or on broken I/O
   */
  Outcome run() {
    // The whole session counts as "evaluating": anything here that runs user code (p, a toString
    // in args or this, a static initialiser during a reload) must not open a nested prompt on
    // this thread, which holds the prompt already.
    boolean wasEvaluating = PostMortem.enterDebugger();
    sessionThread = Thread.currentThread();
    // An interrupt the program sent before the crash belongs to the program: keep it for after
    // the session, and read commands meanwhile.
    boolean wasInterrupted = Thread.interrupted();
    Interrupts.Armed armed = options.interrupts().arm(this::ctrlC);
    try {
      try {
        actions
            .snapshots()
            .recordFirstCrash(crash.slot(), () -> readSource(crash.slot().declaringClass()));
        printReport();
      } catch (RuntimeException | LinkageError | StackOverflowError e) {
        internalError(e);
      }
      while (true) {
        String prompt =
            (options.labelThreads().getAsBoolean()
                    ? "[thread \"" + crash.thread().getName() + "\"]\n"
                    : "")
                + options.style().prompt(PROMPT);
        Input.Line line;
        // Reading from before the prompt shows: a Ctrl-C pressed as soon as it appears must
        // interrupt the read, not wait for the end of a "command" that is the read itself.
        setReading(true);
        try {
          if (ctrlCPressed()) {
            return raiseOnCtrlC();
          }
          if (!input.drawsPrompt()) {
            out.print(prompt);
            out.flush();
            if (out.checkError()) {
              return Outcome.RAISE; // nobody can see the prompt: do not wait for an answer
            }
          } else {
            out.flush();
          }
          line = input.read(prompt);
        } catch (InterruptedIOException e) {
          if (e instanceof Input.CtrlC || ctrlCPressed()) {
            synchronized (ctrlCLock) {
              ctrlCs = Math.max(ctrlCs, 1); // a line editor reads Ctrl-C itself: no SIGINT came
            }
            return raiseOnCtrlC();
          }
          // Someone else interrupted the crashed thread: give up the prompt, keep the interrupt.
          wasInterrupted = true;
          out.println();
          out.println("interrupted: raising the exception to the caller");
          out.flush();
          return Outcome.RAISE;
        } catch (IOException e) {
          out.println();
          out.println("hotrestart: cannot read commands (" + e + "); raising the exception");
          out.flush();
          return Outcome.RAISE;
        } finally {
          setReading(false);
        }
        if (ctrlCPressed()) {
          return raiseOnCtrlC();
        }
        if (line == null) {
          out.println();
          out.println("end of input: raising the exception to the caller");
          out.flush();
          return Outcome.RAISE;
        }
        if (line.echo()) {
          out.println(line.text());
        }
        Optional<Outcome> outcome = execute(line.text());
        out.flush();
        if (ctrlCPressed()) {
          return raiseOnCtrlC(); // Ctrl-C during a command wins over what the command chose
        }
        if (outcome.isPresent()) {
          return outcome.get();
        }
      }
    } finally {
      armed.close(); // outside a prompt, Ctrl-C ends the program again
      if (wasInterrupted) {
        Thread.currentThread().interrupt();
      }
      PostMortem.leaveDebugger(wasEvaluating);
    }
  }

  /**
   * Marks whether the session waits for a line. Once it stops waiting, the SIGINT handler no
   * longer interrupts it; an interrupt the handler sent just before is cleared here, so that it
   * cannot leak into a command or into the program.
   */
  private void setReading(boolean now) {
    synchronized (ctrlCLock) {
      reading = now;
      if (!now && ctrlCs > 0) {
        Thread.interrupted();
      }
    }
  }

  private boolean ctrlCPressed() {
    synchronized (ctrlCLock) {
      return ctrlCs > 0;
    }
  }

  /**
   * The SIGINT handler, on the JVM's signal thread. The first Ctrl-C interrupts a pending read,
   * or, while a command runs, makes the session raise when it ends. A second one within the same
   * prompt ends the program, as Ctrl-C does without hotrestart: the way out of a command that
   * hangs.
   */
  private void ctrlC() {
    int count;
    boolean wasReading;
    synchronized (ctrlCLock) {
      count = ++ctrlCs;
      wasReading = reading;
      if (count == 1 && wasReading) {
        sessionThread.interrupt();
      }
    }
    if (count > 1) {
      out.println();
      out.println("hotrestart: Ctrl-C again: ending the program");
      out.flush();
      options.exit().accept(CTRL_C_STATUS);
    } else if (!wasReading) {
      out.println();
      out.println(
          "hotrestart: Ctrl-C: raising the exception when this command ends (Ctrl-C again ends"
              + " the program)");
      out.flush();
    }
  }

  private Outcome raiseOnCtrlC() {
    out.println();
    out.println(
        "Ctrl-C: raising " + crash.thrown().getClass().getName() + " to the caller");
    out.flush();
    return Outcome.RAISE;
  }

  /**
   * Runs one command line. An empty line repeats the last repeatable command.
   *
   * @param text the line
   * @return how the session ends, or empty to stay
   */
  Optional<Outcome> execute(String text) {
    String line = text.strip();
    Commands.Command command;
    String argument;
    if (line.isEmpty()) {
      if (lastCommand == null) {
        return Optional.empty();
      }
      command = lastCommand;
      argument = lastArgument;
    } else {
      int space = indexOfWhitespace(line);
      String word = space < 0 ? line : line.substring(0, space);
      argument = space < 0 ? "" : line.substring(space + 1).strip();
      Commands.Match match = commands.lookup(word);
      if (!(match instanceof Commands.Found found)) {
        report(match);
        return Optional.empty();
      }
      command = found.command();
    }
    switch (command.repeat()) {
      case NEVER -> lastCommand = null;
      case SAME -> {
        lastCommand = command;
        lastArgument = argument;
      }
      case WITHOUT_ARGUMENT -> {
        lastCommand = command;
        lastArgument = "";
      }
    }
    try {
      return command.handler().run(this, argument);
    } catch (Throwable e) { // the debugger must never be what kills the program
      internalError(e);
      return Optional.empty();
    }
  }

  private static int indexOfWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Says what is wrong with a command word.
   *
   * @param match a failed lookup
   */
  void report(Commands.Match match) {
    if (match instanceof Commands.Unknown unknown) {
      error("unknown command: " + unknown.word() + " (h lists the commands)");
    } else if (match instanceof Commands.Ambiguous ambiguous) {
      error(
          "ambiguous command: "
              + ambiguous.word()
              + " could be "
              + String.join(", ", ambiguous.candidates())
              + " (h lists the commands)");
    }
  }

  /**
   * Prints an error message: {@code *** message}, in the error colour.
   *
   * @param message the message
   */
  void error(String message) {
    out.println(options.style().error("*** " + message));
  }

  /**
   * Reports a failure of the debugger itself, and carries on.
   *
   * @param e what it threw
   */
  void internalError(Throwable e) {
    out.println(
        "hotrestart: internal error: " + e + " (the stack trace is logged as " + LOG.getName()
            + ")");
    out.flush();
    LOG.log(System.Logger.Level.ERROR, "internal error in the debugger; the prompt goes on", e);
  }

  // ---- the crash report -------------------------------------------------------------------

  private void printReport() {
    Throwable thrown = crash.thrown();
    String version =
        crash.slot().version() > 0 ? " (reloaded code, version " + crash.slot().version() + ")" : "";
    out.println(
        "hotrestart: thread \""
            + crash.thread().getName()
            + "\" crashed in "
            + crash.slot().describe()
            + version);
    out.println(options.style().exception(safeToString(thrown)));
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(thrown);
    for (Throwable cause = thrown.getCause(); cause != null && seen.add(cause);
        cause = cause.getCause()) {
      out.println("Caused by: " + options.style().exception(safeToString(cause)));
    }
    Frames.Frame frame = frames().crashed() >= 0 ? frames().list().get(frames().crashed()) : null;
    if (frame == null) {
      out.println(
          "  (the stack trace has no frame of "
              + crash.slot().describe()
              + "; e shows the whole trace)");
    } else {
      out.println("  at " + frame.describe());
      printSource(frame, frame.line() - REPORT_CONTEXT, frame.line() + REPORT_CONTEXT, true);
    }
    if (options.hint()) {
      out.println(
          "Edit the method and type c to reload it and call it again; r raises the exception,"
              + " q stops restarting, h lists the commands.");
    }
  }

  private static String safeToString(Throwable thrown) {
    try {
      return thrown.toString(); // runs the exception's getMessage, user code
    } catch (RuntimeException | LinkageError e) {
      return thrown.getClass().getName() + " (its message threw " + e + ")";
    }
  }

  // ---- frames ----------------------------------------------------------------------------

  /** The frames, computed once: the live ones must be read while the callers are waiting. */
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

  /** Prints the stack, selected frame marked. */
  void printStack() {
    List<Frames.Frame> list = frames().list();
    for (int i = 0; i < list.size(); i++) {
      Frames.Frame frame = list.get(i);
      if (frame.live() && (i == 0 || !list.get(i - 1).live())) {
        out.println("  -- the callers below are live, waiting for the wrapped method --");
      }
      out.println(describeFrame(i));
    }
    if (frames().hidden() > 0) {
      out.println(
          "  ("
              + frames().hidden()
              + " frames of hotrestart, method handles and reflection hidden; e shows the"
              + " exception's)");
    }
  }

  private String describeFrame(int index) {
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
    return (index == selected ? "> " : "  ") + number + "  " + frame.describe() + mark;
  }

  /** Prints the selected frame and its current line. */
  void printSelectedFrame() {
    Frames.Frame frame = selectedFrame();
    if (frame == null) {
      error("no frames");
      return;
    }
    out.println(describeFrame(selected));
    if (frame.line() > 0) {
      printSource(frame, frame.line(), frame.line(), false);
    }
  }

  /**
   * Moves the selection.
   *
   * @param step +1 for out (up, towards the callers), -1 for in (down, towards the throw)
   * @return empty: stay at the prompt
   */
  Optional<Outcome> moveFrame(int step) {
    int target = selected + step;
    if (target >= frames().list().size()) {
      error("already at the outermost frame");
      return Optional.empty();
    }
    if (target < 0) {
      error("already at the innermost frame (where the exception was thrown)");
      return Optional.empty();
    }
    return selectFrame(target);
  }

  /**
   * Selects a frame by its number in {@code where}.
   *
   * @param index the number
   * @return empty: stay at the prompt
   */
  Optional<Outcome> selectFrame(int index) {
    int size = frames().list().size();
    if (index < 0 || index >= size) {
      error("no frame " + index + "; w shows frames 0 to " + (size - 1));
      return Optional.empty();
    }
    selected = index;
    listFrom = 0;
    printSelectedFrame();
    return Optional.empty();
  }

  // ---- listing ---------------------------------------------------------------------------

  /** {@code l}: around the current line the first time, then the next lines. */
  void listNext() {
    if (listFrom <= 0) {
      listAroundCurrent();
      return;
    }
    listRange(listFrom, listFrom + WINDOW - 1);
  }

  /** {@code l .}: the window around the selected frame's line. */
  void listAroundCurrent() {
    Frames.Frame frame = selectedFrame();
    if (frame == null || frame.line() <= 0) {
      error("the selected frame has no line number; try l FIRST, LAST");
      return;
    }
    int first = Math.max(1, frame.line() - WINDOW / 2);
    listRange(first, first + WINDOW - 1);
  }

  /**
   * Lists lines of the selected frame's file and continues after them on the next {@code l}.
   *
   * @param first the first line
   * @param last the last line
   */
  void listRange(int first, int last) {
    Frames.Frame frame = selectedFrame();
    if (frame == null) {
      error("no frames");
      return;
    }
    if (printSource(frame, first, last, false)) {
      listFrom = last + 1;
    }
  }

  /** {@code ll}: the whole method of the selected frame. */
  void listMethod() {
    Frames.Frame frame = selectedFrame();
    if (frame == null || frame.line() <= 0) {
      error("the selected frame has no line number");
      return;
    }
    SourceView.Located located = SourceView.locate(locator, frame.element());
    if (located.view().isEmpty()) {
      out.println(located.missing());
      return;
    }
    SourceView view = located.view().get();
    Optional<SourceView.Range> range =
        view.methodRange(frame.element().getMethodName(), frame.line());
    if (range.isPresent()) {
      listRange(range.get().first(), range.get().last());
    } else {
      listAroundCurrent();
    }
  }

  /**
   * Prints lines of a frame's source with the frame's line marked, or why there is no source.
   * The file's path heads the crash report only; listings after it are about the same files.
   *
   * @return whether anything could be listed
   */
  private boolean printSource(Frames.Frame frame, int first, int last, boolean showPath) {
    SourceView.Located located = SourceView.locate(locator, frame.element());
    if (located.view().isEmpty()) {
      out.println(located.missing());
      return false;
    }
    SourceView view = located.view().get();
    if (first > view.lineCount()) {
      out.println("[end of file: " + view.lineCount() + " lines]");
      return false;
    }
    if (showPath) {
      out.println(view.file() + ":" + frame.line()); // path:line, which terminals and IDEs link
    }
    out.print(view.render(first, last, frame.line(), options.style()));
    return true;
  }

  // ---- diff -----------------------------------------------------------------------------

  /**
   * The text of a class's source file now, for a snapshot.
   *
   * @param type the class
   * @return the text, or empty if the file is not found or cannot be read (then {@code diff}
   *     says so)
   */
  Optional<String> readSource(Class<?> type) {
    Optional<Path> file = locator.find(type);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(SourceView.read(file.get()).text());
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot read " + file.get() + " for a snapshot", e);
      return Optional.empty();
    }
  }

  /** {@code diff}: the crashed method's lines in the running version against the file now. */
  void printDiff() {
    MethodSlot slot = crash.slot();
    Class<?> type = slot.declaringClass();
    Optional<SourceSnapshots.Snapshot> snapshot = actions.snapshots().get(type);
    Optional<Path> file = locator.find(type);
    if (snapshot.isEmpty() || file.isEmpty()) {
      error("no source of " + type.getName() + " to compare (l shows where it was looked for)");
      return;
    }
    String now;
    try {
      now = SourceView.read(file.get()).text();
    } catch (IOException e) {
      error("cannot read " + file.get() + ": " + e.getMessage());
      return;
    }
    String name = file.get().getFileName().toString();
    Optional<SourceTrees.Lines> running =
        SourceTrees.methodLines(
            snapshot.get().text(), name, slot.declaringClass(), slot.methodName(), slot.methodType());
    Optional<SourceTrees.Lines> edited =
        SourceTrees.methodLines(
            now, name, slot.declaringClass(), slot.methodName(), slot.methodType());
    if (running.isEmpty() || edited.isEmpty()) {
      error(
          (running.isEmpty() ? "the running version" : name + " now")
              + " has no method " + slot.describe() + " that the parser can find");
      return;
    }
    List<String> before = lines(snapshot.get().text(), running.get());
    List<String> after = lines(now, edited.get());
    String header =
        "running version of " + slot.describe() + " (" + name + " "
            + snapshot.get().describe() + ")";
    if (before.equals(after)) {
      out.println("no change since the " + header);
      return;
    }
    out.println(options.style().header("--- " + header));
    out.println(options.style().header("+++ " + file.get() + " now"));
    out.print(
        LineDiff.unified(
            before, running.get().first(), after, edited.get().first(), options.style()));
  }

  private static List<String> lines(String text, SourceTrees.Lines range) {
    List<String> all = text.lines().toList();
    return all.subList(range.first() - 1, Math.min(all.size(), range.last()));
  }

  // ---- for the handlers ------------------------------------------------------------------

  /** The crash. */
  Crash crash() {
    return crash;
  }

  /** Where to print. */
  PrintWriter out() {
    return out;
  }

  /** Reload and evaluate. */
  Actions actions() {
    return actions;
  }

  /** The switches. */
  Options options() {
    return options;
  }

  /** The command table. */
  Commands commands() {
    return commands;
  }
}
