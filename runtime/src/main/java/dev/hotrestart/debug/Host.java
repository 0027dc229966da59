package dev.hotrestart.debug;

import dev.hotrestart.config.Jvm;
import dev.hotrestart.config.Settings;
import dev.hotrestart.config.Terminal;
import dev.hotrestart.slot.Crash;
import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.slot.Outcome;
import dev.hotrestart.source.SourceLocator;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * What the sessions of one JVM share: one prompt at a time (threads that crash meanwhile wait,
 * in order, with a notice), one input (typed-ahead lines must survive from one prompt to the
 * next), the hint shown once, the non-interactive notice shown once.
 */
final class Host {

  private static final Object STDIN_LOCK = new Object();
  private static BufferedReader stdin;

  /** Fair, so that crashed threads get the prompt in the order they crashed. */
  private final ReentrantLock prompt = new ReentrantLock(true);

  private final Supplier<Input> terminal;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Actions actions;
  private final Supplier<SourceLocator> locator;
  private final Supplier<Optional<Path>> commandsFile;
  private final Interrupts interrupts;
  private final IntConsumer exit;
  private final Supplier<String> notAttached;

  private final AtomicBoolean hintShown = new AtomicBoolean();
  private final AtomicBoolean noticeShown = new AtomicBoolean();
  private final AtomicLong firstCrashedThread = new AtomicLong(-1);
  private volatile boolean manyThreads;
  private volatile Thread promptThread;
  private volatile boolean waitingForInput;

  /** Guarded by {@link #prompt}. */
  private Input input;
  /** Notices of other threads' crashes, for the session's next prompt; guarded by {@link #out}. */
  private final List<String> queuedNotices = new ArrayList<>();
  /** The terminal, once the commands file has run out; read by notices from other threads. */
  private volatile Input terminalInput;
  /** The prompt of the pending read, to show again under a notice. */
  private volatile String pendingPrompt = Debugger.PROMPT;

  /**
   * A host.
   *
   * @param terminal the interactive input, asked for once, when the commands file (if any) ends
   * @param out the sessions' output
   * @param err where the non-interactive notice goes
   * @param actions reload and evaluate
   * @param locator the source roots, asked for at each crash (settings may change)
   * @param commandsFile the commands file, asked for at the first crash
   */
  Host(
      Supplier<Input> terminal,
      PrintWriter out,
      PrintWriter err,
      Actions actions,
      Supplier<SourceLocator> locator,
      Supplier<Optional<Path>> commandsFile) {
    this(
        terminal,
        out,
        err,
        actions,
        locator,
        commandsFile,
        Interrupts.none(),
        status -> {},
        () -> "no terminal is attached");
  }

  /**
   * A host whose prompts handle Ctrl-C.
   *
   * @param terminal the interactive input, asked for once, when the commands file (if any) ends
   * @param out the sessions' output
   * @param err where the non-interactive notice goes
   * @param actions reload and evaluate
   * @param locator the source roots, asked for at each crash (settings may change)
   * @param commandsFile the commands file, asked for at the first crash
   * @param interrupts where Ctrl-C comes from while a prompt is open
   * @param exit ends the JVM, on a second Ctrl-C at one prompt
   * @param notAttached why no prompt opens, for the non-interactive notice
   */
  Host(
      Supplier<Input> terminal,
      PrintWriter out,
      PrintWriter err,
      Actions actions,
      Supplier<SourceLocator> locator,
      Supplier<Optional<Path>> commandsFile,
      Interrupts interrupts,
      IntConsumer exit,
      Supplier<String> notAttached) {
    this.interrupts = interrupts;
    this.notAttached = notAttached;
    this.exit = exit;
    this.terminal = terminal;
    this.out = out;
    this.err = err;
    this.actions = actions;
    this.locator = locator;
    this.commandsFile = commandsFile;
  }

  /** The JVM's host: System.in, System.out, System.err, the real reloader, the settings. */
  static Host jvm() {
    return new Host(
        () ->
            Settings.lineEditorClassPath()
                .flatMap(
                    classPath ->
                        LineEditor.load(
                            classPath,
                            Settings.historyFile(),
                            Commands.standard()::complete,
                            Host::noticeOnStderr))
                .orElseGet(() -> new StdinLines(stdin())),
        writerOn(() -> System.out),
        writerOn(() -> System.err),
        Actions.jvm(),
        SourceLocator::fromSettings,
        Settings::commandsFile,
        Interrupts.sigint(),
        status -> Runtime.getRuntime().exit(status),
        Terminal::whyNotAttached);
  }

  private static void noticeOnStderr(String line) {
    System.err.println(line);
    System.err.flush();
  }

  /**
   * Opens a session for a crash, after waiting for any other thread's session to end.
   *
   * @param crash the crash, on the current thread
   * @return what the user chose
   */
  Outcome open(Crash crash) {
    if (Jvm.shuttingDown()) {
      // a crash in a shutdown hook, or a caller of a prompt that the JVM's end interrupted
      err.println(
          "hotrestart: " + crash.slot().describe() + " threw while the program is ending;"
              + " raising the exception");
      err.flush();
      return Outcome.RAISE;
    }
    Thread me = Thread.currentThread();
    if (!firstCrashedThread.compareAndSet(-1, me.getId())
        && firstCrashedThread.get() != me.getId()) {
      manyThreads = true;
    }
    try {
      // tryLock() would barge past waiting threads; the timed form honours fairness.
      if (!prompt.tryLock(0, TimeUnit.SECONDS)) {
        Thread holder = promptThread;
        String notice =
            "hotrestart: thread \""
                + me.getName()
                + "\" crashed in "
                + crash.slot().describe()
                + "; waiting for the prompt on thread \""
                + (holder == null ? "?" : holder.getName())
                + "\"";
        Input pending = terminalInput;
        synchronized (out) {
          if (waitingForInput && pending != null && pending.printAbove(notice)) {
            // the line editor printed it above its prompt and redrew the prompt
          } else if (waitingForInput) {
            // The other session's prompt is on the last line: do not glue the notice to it.
            out.println();
            out.println(notice);
            if (holder != null && !pendingPrompt.contains("\n")) {
              out.println("[thread \"" + holder.getName() + "\"]");
            }
            out.print(pendingPrompt);
          } else {
            // The session is printing (its report, a command's output): the notice waits for
            // its next prompt, so it never comes before the crash report it follows.
            queuedNotices.add(notice);
          }
          out.flush();
        }
        prompt.lockInterruptibly();
      }
    } catch (InterruptedException e) {
      me.interrupt();
      out.println("hotrestart: interrupted while waiting for the prompt; raising the exception");
      out.flush();
      return Outcome.RAISE;
    }
    try {
      promptThread = me;
      Debugger.Options options =
          new Debugger.Options(
              Settings.reloadOnContinue(),
              Settings.reloadAll(),
              hintShown.compareAndSet(false, true),
              () -> manyThreads)
          .withInterrupts(interrupts, exit)
          .withStyle(Settings.colours() ? Style.ANSI : Style.PLAIN);
      return new Debugger(crash, input(), out, actions, locator.get(), options).run();
    } finally {
      flushNotices();
      promptThread = null;
      prompt.unlock();
    }
  }

  /** Prints the notices of threads that crashed while the session was printing. */
  private void flushNotices() {
    synchronized (out) {
      for (String notice : queuedNotices) {
        out.println(notice);
      }
      queuedNotices.clear();
      out.flush();
    }
  }

  /** Whether a session is blocked reading its next command (its prompt ends the output). */
  boolean isWaitingForInput() {
    return waitingForInput;
  }

  /** The input: the commands file's lines, echoed, then the terminal. Under the prompt lock. */
  private Input input() {
    if (input == null) {
      Deque<String> script = new ArrayDeque<>();
      Optional<Path> file = commandsFile.get();
      if (file.isPresent()) {
        try {
          for (String line : Files.readAllLines(file.get())) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
              script.add(line.strip()); // blank lines would repeat commands: not in a script
            }
          }
        } catch (IOException e) {
          out.println(
              "hotrestart: cannot read the commands file " + file.get() + " (" + e
                  + "); reading the terminal");
        }
      }
      input =
          new Input() {
            @Override
            public Line read(String prompt) throws IOException {
              flushNotices();
              String next = script.poll();
              if (next != null) {
                return new Line(next, true);
              }
              if (terminalInput == null) {
                terminalInput = terminal.get();
              }
              waitingForInput = true;
              pendingPrompt = prompt;
              // the program's lines go above a line editor's prompt, not after it
              AbovePrompt above =
                  terminalInput.drawsPrompt() ? AbovePrompt.during(terminalInput) : null;
              try {
                return terminalInput.read(prompt);
              } finally {
                if (above != null) {
                  above.close();
                }
                waitingForInput = false;
              }
            }

            @Override
            public boolean drawsPrompt() {
              // the commands file's lines are echoed after a printed prompt, as if typed
              if (!script.isEmpty()) {
                return false;
              }
              if (terminalInput == null) {
                terminalInput = terminal.get();
              }
              return terminalInput.drawsPrompt();
            }

            @Override
            public int width() {
              // the terminal's width: asked only once the terminal is in use, not to open it
              return terminalInput == null ? 0 : terminalInput.width();
            }
          };
    }
    return input;
  }

  /**
   * Tells the user once that a crash went by because nobody is at a terminal.
   *
   * @param slot the method that threw
   * @param thrown what it threw
   */
  void noticeNotInteractive(MethodSlot slot, Throwable thrown) {
    if (!noticeShown.compareAndSet(false, true)) {
      return;
    }
    String exception;
    try {
      exception = thrown.toString();
    } catch (RuntimeException | LinkageError e) {
      exception = thrown.getClass().getName();
    }
    err.println(
        "hotrestart: "
            + slot.describe()
            + " threw "
            + exception
            + "; not stopping because "
            + notAttached.get()
            + " (run in a terminal, or pass -Dhotrestart.interactive=true)");
    err.flush();
  }

  /** Reports a failure of the debugger outside a session: the crash is raised instead. */
  void internalError(Throwable e) {
    System.getLogger(Host.class.getName())
        .log(System.Logger.Level.ERROR, "internal error; raising the exception instead", e);
  }

  /**
   * The one reader of System.in for the whole JVM, created at the first prompt. Several readers
   * would each buffer ahead, and lines typed ahead would vanish into a reader no longer used.
   */
  private static BufferedReader stdin() {
    synchronized (STDIN_LOCK) {
      if (stdin == null) {
        Console console = System.console();
        Charset charset = console != null ? console.charset() : Charset.defaultCharset();
        stdin = new BufferedReader(new InputStreamReader(System.in, charset));
      }
      return stdin;
    }
  }

  /**
   * A writer that prints to whatever stream {@code stream} returns at each write, encoding with
   * that stream's own charset, so that the debugger's lines and the program's interleave in order.
   * A broken stream shows in {@link PrintWriter#checkError()}.
   */
  static PrintWriter writerOn(Supplier<PrintStream> stream) {
    return new PrintWriter(
        new Writer() {
          @Override
          public void write(char[] buffer, int offset, int length) throws IOException {
            PrintStream target = stream.get();
            target.print(new String(buffer, offset, length));
            if (target.checkError()) {
              throw new IOException("the output stream failed");
            }
          }

          @Override
          public void flush() throws IOException {
            PrintStream target = stream.get();
            target.flush();
            if (target.checkError()) {
              throw new IOException("the output stream failed");
            }
          }

          @Override
          public void close() {
            // System.out and System.err belong to the program.
          }
        });
  }
}
