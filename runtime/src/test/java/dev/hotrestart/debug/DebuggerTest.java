package dev.hotrestart.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.reload.Evaluation;
import dev.hotrestart.reload.ReloadResult;
import dev.hotrestart.slot.Crash;
import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.slot.Outcome;
import dev.hotrestart.source.SourceLocator;
import dev.hotrestart.testing.LogCapture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions on real crashes: a hand-written proxy of the generated shape around a class compiled
 * from a real source file, called from a live caller, with the session's input given as strings.
 */
class DebuggerTest {

  private static final String REPORT = "demo/Report.java";
  private static final int PARSE_CALL = Fixture.line(REPORT, "PARSE_CALL");
  private static final int THROW = Fixture.line(REPORT, "// THROW");
  private static final int DRIVER_CALL = Fixture.line("demo/Driver.java", "DRIVER_CALL");

  /** Reload and evaluate fakes that record their calls. */
  static final class FakeActions implements Actions {
    Function<MethodSlot, ReloadResult> reload =
        slot -> new ReloadResult(false, "Report.java:15: error: ';' expected");
    BiFunction<Crash, String, Evaluation> evaluate =
        (crash, expression) -> new Evaluation(false, null, "no evaluator in this test");
    final List<MethodSlot> reloadedChanged = new ArrayList<>();
    final List<MethodSlot> reloaded = new ArrayList<>();
    final List<String> evaluated = new ArrayList<>();
    /** Without start-up snapshots unless a test sets a store that has them. */
    SourceSnapshots snapshots = new SourceSnapshots();

    @Override
    public SourceSnapshots snapshots() {
      return snapshots;
    }

    @Override
    public ReloadResult reload(MethodSlot slot) {
      reloaded.add(slot);
      return reload.apply(slot);
    }

    @Override
    public Evaluation evaluate(Crash crash, String expression) {
      evaluated.add(expression);
      return evaluate.apply(crash, expression);
    }

    @Override
    public ReloadResult reloadChanged(MethodSlot crashed) {
      reloadedChanged.add(crashed);
      return reload.apply(crashed);
    }
  }

  /** What a run of the fixture under the debugger did. */
  record Run(String output, List<Outcome> outcomes, Object returned, Throwable thrown) {}

  private final Fixture fixture = new Fixture();
  private final FakeActions actions = new FakeActions();
  private SourceLocator locator = new SourceLocator(List.of(Fixture.root()));
  private Debugger.Options options = Debugger.Options.defaults();
  private Commands commands = Commands.standard();

  /** Runs {@code Driver.run(report, "a,b")}, which crashes, answering prompts with {@code lines}. */
  private Run crash(String... lines) throws Exception {
    return crash(fixture.newReport(), "a,b", lines);
  }

  private Run crash(Object report, String row, String... lines) {
    Input input = Input.of(lines);
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    List<Outcome> outcomes = new ArrayList<>();
    Harness.SESSION.set(
        crash -> {
          Outcome outcome =
              new Debugger(crash, input, out, actions, locator, options, commands).run();
          outcomes.add(outcome);
          return outcome;
        });
    Object returned = null;
    Throwable thrown = null;
    try {
      returned = fixture.run(report, row);
    } catch (Throwable e) {
      thrown = e;
    } finally {
      Harness.SESSION.remove();
    }
    out.flush();
    return new Run(text.toString(), outcomes, returned, thrown);
  }

  /** The output between the n-th prompt (0 = the report before the first) and the next one. */
  static String afterPrompt(String output, int n) {
    String[] parts = output.split(Pattern.quote(Debugger.PROMPT), -1);
    return parts[n];
  }

  /** Frame numbers are padded to the widest; tests compare them unpadded. */
  private static String unpad(String text) {
    return text.replaceAll("#(\\d+) +", "#$1  ");
  }

  private static String listed(int line, boolean current) {
    String text = Fixture.text(REPORT, line);
    return String.format("%3d %s %s", line, current ? "->" : "  ", text);
  }

  // ---- the report ------------------------------------------------------------------------

  @Test
  void reportShowsThreadExceptionCausesMethodFrameSourceAndHint() throws Exception {
    Run run = crash();
    String report = afterPrompt(run.output(), 0);
    String thread = Thread.currentThread().getName();
    assertTrue(
        report.startsWith(
            "hotrestart: thread \"" + thread + "\" crashed in demo.Report.parse(String, int[])\n"
                + "java.lang.IllegalArgumentException: bad amount b\n"
                + "Caused by: java.lang.NumberFormatException: For input string: \"b\"\n"
                + "  at demo.Report.parse(Report.java:" + PARSE_CALL + ")\n"
                + Fixture.root().resolve(REPORT) + ":" + PARSE_CALL + "\n"),
        report);
    assertTrue(report.contains(listed(PARSE_CALL, true) + "\n"), report);
    assertTrue(report.contains(listed(PARSE_CALL - 3, false) + "\n"), report);
    assertTrue(report.contains(listed(PARSE_CALL + 3, false) + "\n"), report);
    assertFalse(report.contains(listed(PARSE_CALL + 4, false)), report);
    assertTrue(report.endsWith("h lists the commands.\n"), report);
    assertEquals(List.of(Outcome.RAISE), run.outcomes());
    assertInstanceOf(IllegalArgumentException.class, run.thrown());
  }

  @Test
  void promptIsAtTheStartOfALineWithNothingAfterIt() throws Exception {
    Run run = crash("a", "w");
    Matcher prompts = Pattern.compile(Pattern.quote(Debugger.PROMPT)).matcher(run.output());
    int count = 0;
    while (prompts.find()) {
      count++;
      assertTrue(
          prompts.start() == 0 || run.output().charAt(prompts.start() - 1) == '\n', run.output());
    }
    assertEquals(3, count);
  }

  @Test
  void coloursMarkTheExceptionTheFailingLineThePromptAndErrors() throws Exception {
    options = Debugger.Options.defaults().withStyle(Style.ANSI);
    String output = crash("xyzzy").output();
    assertTrue(
        output.contains("\u001B[1;31mjava.lang.IllegalArgumentException: bad amount b\u001B[0m\n"),
        output);
    assertTrue(
        output.contains(
            "\u001B[1;31m" + String.format("%3d ->", PARSE_CALL) + "\u001B[0m \u001B[1m"
                + Fixture.text(REPORT, PARSE_CALL) + "\u001B[0m\n"),
        output);
    assertTrue(output.contains("\u001B[1;34m" + Debugger.PROMPT + "\u001B[0m"), output);
    assertTrue(
        output.contains("\u001B[31m*** unknown command: xyzzy (h lists the commands)\u001B[0m"),
        output);
  }

  @Test
  void noColoursByDefault() throws Exception {
    assertFalse(crash("xyzzy", "l").output().contains("\u001B"));
  }

  @Test
  void hintIsLeftOutWhenNotAsked() throws Exception {
    options = new Debugger.Options(true, false, false, () -> false);
    assertFalse(crash().output().contains("h lists the commands."));
  }

  @Test
  void missingSourceSaysWhereItLookedAndHowToConfigure(@TempDir Path empty) throws Exception {
    locator = new SourceLocator(List.of(empty));
    String report = afterPrompt(crash().output(), 0);
    assertTrue(
        report.contains(
            "no source for demo/Report.java; searched " + empty.resolve(REPORT) + "."),
        report);
    assertTrue(report.contains("-Dhotrestart.sourceRoots="), report);

    locator = new SourceLocator(List.of());
    assertTrue(crash().output().contains("no source roots are configured"));
  }

  @Test
  void threadLabelBeforeEachPromptWhenSeveralThreadsCrashed() throws Exception {
    options = new Debugger.Options(true, false, true, () -> true);
    String output = crash("a").output();
    String label = "[thread \"" + Thread.currentThread().getName() + "\"]\n" + Debugger.PROMPT;
    assertEquals(2, output.split(Pattern.quote(label), -1).length - 1, output);
  }

  // ---- c, r, q, end of input -------------------------------------------------------------

  @Test
  void endOfInputRaises() throws Exception {
    Run run = crash();
    assertTrue(run.output().endsWith(Debugger.PROMPT + "\nend of input: raising the exception"
        + " to the caller\n"), run.output());
    assertEquals(List.of(Outcome.RAISE), run.outcomes());
    assertEquals("bad amount b", run.thrown().getMessage());
  }

  @Test
  void raiseRethrowsAndQuitSaysRestartingIsOff() throws Exception {
    Run raised = crash("r", "a");
    assertEquals(List.of(Outcome.RAISE), raised.outcomes());
    assertTrue(raised.output().contains("raising java.lang.IllegalArgumentException to the caller"));
    assertFalse(raised.output().contains("line = "), "nothing runs after r");

    Run quit = crash("q");
    assertEquals(List.of(Outcome.QUIT), quit.outcomes());
    assertTrue(quit.output().contains("restarting is now off for the rest of the program"));
    assertInstanceOf(IllegalArgumentException.class, quit.thrown());
  }

  @Test
  void failedReloadPrintsWhyAndStaysAtThePrompt() throws Exception {
    Run run = crash("c", "a");
    String afterC = afterPrompt(run.output(), 1);
    assertTrue(afterC.contains("Report.java:15: error: ';' expected\n"), afterC);
    assertTrue(afterC.contains("the old code is still running"), afterC);
    assertTrue(afterPrompt(run.output(), 2).contains("line = \"a,b\""), "still at the prompt");
    assertEquals(List.of(Outcome.RAISE), run.outcomes());
    assertEquals(1, actions.reloaded.size());
  }

  @Test
  void successfulReloadCallsTheMethodAgain() throws Exception {
    MethodSlot slot = fixture.slot();
    actions.reload =
        reloaded -> {
          try {
            reloaded.swap(fixture.fixedParse());
          } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
          }
          return new ReloadResult(true, "reloaded demo.Report.parse(String, int[]) in 3 ms");
        };
    Run run = crash("c");
    assertEquals(List.of(slot), actions.reloaded);
    assertEquals(List.of(Outcome.CONTINUE), run.outcomes());
    assertEquals(-1, run.returned(), "the swapped-in code ran with the same arguments");
    assertNull(run.thrown());
    assertTrue(run.output().contains("reloaded demo.Report.parse(String, int[]) in 3 ms\n"));
  }

  @Test
  void continueWithoutReloadCallsTheSameCodeAgain() throws Exception {
    options = new Debugger.Options(false, false, true, () -> false);
    Run run = crash("c");
    assertEquals(List.of(), actions.reloaded);
    assertEquals(List.of(Outcome.CONTINUE, Outcome.RAISE), run.outcomes(), "crashed again");
    assertTrue(run.output().contains("again (reloading is off)"));
  }

  @Test
  void reloadAllAsksTheReloaderForEveryChangedMethodAndReportsIt() throws Exception {
    options = new Debugger.Options(true, true, true, () -> false);
    MethodSlot crashed = fixture.slot();
    actions.reload = slot -> new ReloadResult(true, "reloaded A.one(), A.two()\nreloaded B.three()");
    Run run = crash("c");
    assertEquals(List.of(crashed), actions.reloadedChanged, "one call, on the crashed method");
    assertEquals(List.of(), actions.reloaded, "not the single-method reload");
    assertTrue(run.output().contains("reloaded A.one(), A.two()\nreloaded B.three()"), run.output());
    assertEquals(Outcome.CONTINUE, run.outcomes().get(0), "a successful reload continues");
  }

  @Test
  void reloadThatThrowsIsAnInternalErrorNotACrash() throws Exception {
    actions.reload =
        slot -> {
          throw new IllegalStateException("reloader bug");
        };
    Run run = crash("c", "a");
    assertTrue(run.output().contains("hotrestart: internal error: java.lang.IllegalStateException:"
        + " reloader bug"));
    assertTrue(run.output().contains("line = \"a,b\""), "still at the prompt");
    assertEquals(List.of(Outcome.RAISE), run.outcomes());
  }

  // ---- dispatch --------------------------------------------------------------------------

  @Test
  void prefixesAndAliasesDispatch() throws Exception {
    Run run = crash("ar", "wh", "bt", "exc");
    assertTrue(afterPrompt(run.output(), 1).contains("line = \"a,b\""));
    assertTrue(afterPrompt(run.output(), 2).contains("demo.Driver.run"));
    assertEquals(afterPrompt(run.output(), 2), afterPrompt(run.output(), 3));
    assertTrue(afterPrompt(run.output(), 4).contains("Suppressed:"));
  }

  /** Words after a command that takes none are refused, not ignored: q, c and r cannot be undone. */
  @Test
  void wordsAfterACommandWithoutArgumentsAreRefused() throws Exception {
    Run run = crash("q now please", "c now please", "r 5", "w x", "a");
    String output = run.output();
    assertTrue(
        afterPrompt(output, 1)
            .startsWith(
                "*** quit takes no arguments, and this line has \"now please\" after it: type q"
                    + " alone (h q explains it)\n"),
        output);
    assertTrue(afterPrompt(output, 2).startsWith("*** continue takes no arguments"), output);
    assertTrue(afterPrompt(output, 3).startsWith("*** raise takes no arguments, and this line has \"5\""), output);
    assertTrue(afterPrompt(output, 4).startsWith("*** where takes no arguments"), output);
    assertTrue(afterPrompt(output, 5).contains("line = \"a,b\""), "the session went on: " + output);
    assertEquals(List.of(), actions.reloaded, output);
  }

  @Test
  void unknownCommandPointsAtHelp() throws Exception {
    String output = crash("xyzzy").output();
    assertTrue(output.contains("*** unknown command: xyzzy (h lists the commands)\n"), output);
  }

  @Test
  void ambiguousPrefixListsTheCandidates() throws Exception {
    List<Commands.Command> table = new ArrayList<>(Commands.standard().list());
    table.add(
        new Commands.Command(
            "wherever", List.of(), "", "a test command", "", Commands.Repeat.NEVER,
            (session, argument) -> java.util.Optional.empty()));
    commands = new Commands(table);
    String output = crash("wher", "w").output();
    assertTrue(
        output.contains(
            "*** ambiguous command: wher could be where, wherever (h lists the commands)\n"),
        output);
    assertTrue(afterPrompt(output, 2).contains("demo.Driver.run"), "an exact alias still wins");
  }

  @Test
  void failingCommandIsAnInternalErrorAndThePromptGoesOn() throws Exception {
    List<Commands.Command> table = new ArrayList<>(Commands.standard().list());
    table.add(
        new Commands.Command(
            "boom", List.of(), "", "fails", "", Commands.Repeat.NEVER,
            (session, argument) -> {
              throw new IllegalStateException("debugger bug");
            }));
    commands = new Commands(table);
    Run run;
    List<LogRecord> logged;
    try (LogCapture log = LogCapture.of("dev.hotrestart")) {
      run = crash("boom", "a");
      logged = log.records();
    }
    String afterBoom = afterPrompt(run.output(), 1);
    assertEquals(
        "hotrestart: internal error: java.lang.IllegalStateException: debugger bug (the stack"
            + " trace is logged as dev.hotrestart.debug.Debugger)\n",
        afterBoom);
    assertTrue(afterPrompt(run.output(), 2).contains("line = \"a,b\""));
    assertEquals(1, logged.size(), logged::toString);
    assertEquals(Level.SEVERE, logged.get(0).getLevel());
    assertEquals("debugger bug", logged.get(0).getThrown().getMessage(), "with the stack trace");
  }

  @Test
  void emptyLineRepeatsTheLastCommandButNeverContinue() throws Exception {
    Run run = crash("a", "", "c", "", "");
    assertEquals(afterPrompt(run.output(), 1), afterPrompt(run.output(), 2));
    assertTrue(afterPrompt(run.output(), 2).contains("line = \"a,b\""));
    assertEquals(1, actions.reloaded.size(), "an empty line after c does not reload again");
    assertEquals("", afterPrompt(run.output(), 4));
  }

  @Test
  void emptyLineAfterListContinuesListing() throws Exception {
    Run run = crash("l 3", "");
    assertTrue(afterPrompt(run.output(), 1).startsWith(String.format("%3d", 1)));
    String second = afterPrompt(run.output(), 2);
    assertTrue(second.startsWith(String.format("%3d", 12)), second);
  }

  // ---- list ------------------------------------------------------------------------------

  @Test
  void listShowsElevenLinesAroundTheFailingLineThenContinues() throws Exception {
    Run run = crash("l", "l");
    String first = afterPrompt(run.output(), 1);
    String[] lines = first.split("\n");
    assertEquals(11, lines.length, first);
    assertEquals(listed(PARSE_CALL - 5, false), lines[0]);
    assertEquals(listed(PARSE_CALL, true), lines[5]);
    assertEquals(listed(PARSE_CALL + 5, false), lines[10]);
    String second = afterPrompt(run.output(), 2);
    assertTrue(second.startsWith(listed(PARSE_CALL + 6, false)), second);
  }

  @Test
  void listTakesARangeACountALineOrDot() throws Exception {
    Run run = crash("l 3, 5", "l 20, 2", "l 1", "l .", "l x");
    assertEquals(
        listed(3, false) + "\n" + listed(4, false) + "\n" + listed(5, false) + "\n",
        afterPrompt(run.output(), 1));
    assertEquals(3, afterPrompt(run.output(), 2).split("\n").length);
    assertTrue(afterPrompt(run.output(), 2).startsWith(listed(20, false)));
    assertTrue(afterPrompt(run.output(), 3).startsWith(listed(1, false)));
    assertTrue(afterPrompt(run.output(), 4).startsWith(listed(PARSE_CALL - 5, false)));
    assertTrue(afterPrompt(run.output(), 5).startsWith("*** usage: l [first[, last]]"));
  }

  @Test
  void listPastTheEndSaysSo() throws Exception {
    String output = crash("l 500, 510").output();
    assertTrue(output.contains("[end of file: "), output);
  }

  @Test
  void longListShowsTheWholeMethodFromItsAnnotations() throws Exception {
    String listing = afterPrompt(crash("ll").output(), 1);
    int start = Fixture.line(REPORT, "@SuppressWarnings(\"unused\")");
    int end = Fixture.line(REPORT, "PARSE_END");
    String[] lines = listing.split("\n");
    assertEquals(end - start + 1, lines.length, listing);
    assertEquals(listed(start, false), lines[0]);
    assertEquals(listed(end, false), lines[lines.length - 1]);
    assertTrue(listing.contains(listed(PARSE_CALL, true)));
  }

  // ---- stack -----------------------------------------------------------------------------

  @Test
  void whereShowsDeadAndLiveFramesWithoutPlumbing() throws Exception {
    String stack = unpad(afterPrompt(crash("w").output(), 1));
    String[] lines = stack.split("\n");
    assertEquals("  #0  demo.Report.amount(Report.java:" + THROW + ")", lines[0]);
    assertEquals(
        "> #1  demo.Report.parse(Report.java:" + PARSE_CALL
            + ")   <- wrapped method: c calls it again",
        lines[1]);
    assertEquals("  -- the callers below are live, waiting for the wrapped method --", lines[2]);
    assertEquals("  #2  demo.Driver.run(Driver.java:" + DRIVER_CALL + ")", lines[3]);
    assertTrue(stack.contains("frames of hotrestart, method handles and reflection hidden"));
    for (String hidden :
        List.of("dev.hotrestart", "HotRestart_", "java.lang.invoke", "jdk.internal.")) {
      assertFalse(stack.contains(hidden), hidden + " in\n" + stack);
    }
  }

  @Test
  void upDownAndFrameSelectTheFrameThatListFollows() throws Exception {
    Run raw = crash("u", "l", "d", "d", "d", "f 2", "f 99", "f", "w");
    Run run = new Run(unpad(raw.output()), raw.outcomes(), raw.returned(), raw.thrown());
    assertEquals(
        "> #2  demo.Driver.run(Driver.java:" + DRIVER_CALL + ")\n"
            + String.format("%3d -> %s", DRIVER_CALL, Fixture.text("demo/Driver.java", DRIVER_CALL))
            + "\n",
        afterPrompt(run.output(), 1));
    String listing = afterPrompt(run.output(), 2);
    assertTrue(
        listing.contains(
            String.format("%3d -> %s", DRIVER_CALL, Fixture.text("demo/Driver.java", DRIVER_CALL))),
        listing);
    assertTrue(listing.contains("public final class Driver"), listing);
    assertTrue(afterPrompt(run.output(), 3).startsWith("> #1  demo.Report.parse"));
    assertTrue(afterPrompt(run.output(), 4).startsWith("> #0  demo.Report.amount"));
    assertTrue(afterPrompt(run.output(), 5).startsWith("*** already at the innermost frame"));
    assertTrue(afterPrompt(run.output(), 6).startsWith("> #2  demo.Driver.run"));
    assertTrue(afterPrompt(run.output(), 7).startsWith("*** no frame 99; w shows frames 0 to "));
    assertTrue(afterPrompt(run.output(), 8).startsWith("> #2  demo.Driver.run"));
    assertTrue(afterPrompt(run.output(), 9).contains("> #2  demo.Driver.run"));
  }

  @Test
  void exceptionShowsTheFullTraceWithCausesAndSuppressed() throws Exception {
    String trace = afterPrompt(crash("e").output(), 1);
    assertTrue(trace.startsWith("java.lang.IllegalArgumentException: bad amount b\n"), trace);
    assertTrue(trace.contains("\tat demo.Report.amount(Report.java:" + THROW + ")"), trace);
    assertTrue(trace.contains("Suppressed: java.lang.IllegalStateException: row skipped"), trace);
    assertTrue(trace.contains("Caused by: java.lang.NumberFormatException"), trace);
    assertTrue(trace.contains("HotRestart_Report.parse"), "e hides nothing");
  }

  // ---- values ----------------------------------------------------------------------------

  @Test
  void argsShowsNamesAndValues() throws Exception {
    assertEquals("line = \"a,b\"\nweights = [2]\n", afterPrompt(crash("a").output(), 1));
  }

  @Test
  void thisShowsPrivateAndInheritedFields() throws Exception {
    assertEquals(
        "this (demo.Report):\n"
            + "  total = 7\n"
            + "  rows = [a,1]\n"
            + "  title = \"sales\"\n"
            + "  from demo.Base:\n"
            + "    id = 99\n",
        afterPrompt(crash("this").output(), 1));
  }

  @Test
  void printShowsTheValueAndTheEvaluatorSeesTheCrash() throws Exception {
    List<Boolean> evaluating = new ArrayList<>();
    actions.evaluate =
        (crash, expression) -> {
          evaluating.add(PostMortem.isEvaluating());
          return new Evaluation(true, crash.arguments().get(0), null);
        };
    Run run = crash("p line", "pp weights", "pp java.util.List.of(1, 2)");
    assertEquals("\"a,b\"\n", afterPrompt(run.output(), 1));
    assertEquals(List.of("line", "weights", "java.util.List.of(1, 2)"), actions.evaluated);
    assertEquals(List.of(true, true, true), evaluating, "a crash in EXPR must not prompt again");
    assertFalse(PostMortem.isEvaluating(), "reset when the session ends");

    actions.evaluate = (crash, expression) -> new Evaluation(true, List.of(1, 2), null);
    assertEquals("[\n  1,\n  2\n]\n", afterPrompt(crash("pp xs").output(), 1));

    actions.evaluate = (crash, expression) -> Evaluation.nothing();
    assertEquals(
        "(ran; a void expression has no value)\n", afterPrompt(crash("p touch()").output(), 1));
  }

  @Test
  void printErrorsAreShownAndTheSessionGoesOn() throws Exception {
    actions.evaluate =
        (crash, expression) ->
            expression.equals("boom")
                ? thrower()
                : new Evaluation(false, null, "cannot find symbol: nope");
    Run run = crash("p nope", "p boom", "p", "a");
    assertEquals("*** cannot find symbol: nope\n", afterPrompt(run.output(), 1));
    assertEquals(
        "*** evaluating failed: java.lang.IllegalStateException: evaluator bug\n",
        afterPrompt(run.output(), 2));
    assertEquals("*** usage: p EXPR\n", afterPrompt(run.output(), 3));
    assertTrue(afterPrompt(run.output(), 4).contains("line = "));
  }

  private static Evaluation thrower() {
    throw new IllegalStateException("evaluator bug");
  }

  // ---- help ------------------------------------------------------------------------------

  @Test
  void helpListsEveryCommandAndExplainsOne() throws Exception {
    Run run = crash("h", "h l", "help wh", "h nothing");
    String table = afterPrompt(run.output(), 1);
    for (Commands.Command command : Commands.standard().list()) {
      assertTrue(table.contains("  " + command.names()), command.name() + " in\n" + table);
    }
    String list = afterPrompt(run.output(), 2);
    assertTrue(list.startsWith("l, list [first[, last]]\n  l lists 11 lines"), list);
    assertTrue(afterPrompt(run.output(), 3).startsWith("w, bt, where\n"));
    assertTrue(afterPrompt(run.output(), 4).startsWith("*** unknown command: nothing"));
  }
}
