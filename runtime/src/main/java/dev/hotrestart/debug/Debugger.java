package dev.hotrestart.debug;

import dev.hotrestart.slot.Crash;
import dev.hotrestart.slot.Outcome;
import dev.hotrestart.source.SourceLocator;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * One post-mortem session's loop: prints the crash report once, then reads command lines and hands
 * each to its handler in the {@link Commands table} until one of them ends the session. The state
 * the commands act on is in the {@link Session}'s parts; Ctrl-C at the prompt is counted by a
 * {@link CtrlCWatch}. Every stream and every action with effects outside the session is passed
 * in, so a test drives a session with strings and fakes, as jshell's tool is tested.
 *
 * <p>A session runs on the crashed thread, inside the proxy's {@code catch}: the callers above are
 * still on this thread's stack, which is what {@code where} shows as live frames.
 */
final class Debugger {

  /** The prompt; tests and the end-to-end harness wait for it. */
  static final String PROMPT = "(hotrestart) ";

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

  private final Crash crash;
  private final Input input;
  private final PrintWriter out;
  private final Options options;
  private final Commands commands;
  private final Session session;
  private final CtrlCWatch ctrlC;

  private Commands.Command lastCommand;
  private String lastArgument = "";

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
    this.options = options;
    this.commands = commands;
    this.ctrlC = new CtrlCWatch(out, options.exit());
    this.session =
        Session.of(
            crash,
            new Output(out, options.style()),
            actions,
            locator,
            options,
            commands,
            () -> Help.columns(input.width(), System.getenv("COLUMNS")),
            ctrlC);
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
    // An interrupt the program sent before the crash belongs to the program: keep it for after
    // the session, and read commands meanwhile.
    boolean wasInterrupted = Thread.interrupted();
    Interrupts.Armed armed = ctrlC.arm(options.interrupts());
    try {
      try {
        session.source().recordFirstCrash();
        session.report().print(options.hint());
      } catch (RuntimeException | LinkageError | StackOverflowError e) {
        session.out().internalError(e);
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
        ctrlC.setReading(true);
        try {
          if (ctrlC.pressed()) {
            return ctrlC.raise(crash.thrown());
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
          if (e instanceof Input.CtrlC || ctrlC.pressed()) {
            ctrlC.typedAtLineEditor();
            return ctrlC.raise(crash.thrown());
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
          ctrlC.setReading(false);
        }
        if (ctrlC.pressed()) {
          return ctrlC.raise(crash.thrown());
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
        if (ctrlC.pressed()) {
          return ctrlC.raise(crash.thrown()); // Ctrl-C during a command wins over its choice
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
        session.out().error(Commands.problem(match));
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
      return command.handler().run(session, argument);
    } catch (Throwable e) { // the debugger must never be what kills the program
      session.out().internalError(e);
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
}
