package dev.hotrestart.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.config.Settings;
import dev.hotrestart.reload.Evaluation;
import dev.hotrestart.reload.LocalsPreparation;
import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.slot.Outcome;
import dev.hotrestart.source.SourceLocator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The commands of issue "Locals and frames" at the prompt: {@code locals}, the frame the
 * inspecting commands act on, {@code w}'s mark, {@code return} and {@code edit}'s command line.
 */
class LocalsTest {

  private final Fixture fixture = new Fixture();
  private final DebuggerTest.FakeActions actions = new DebuggerTest.FakeActions();

  /** Runs the fixture's crash, its method copied to capture variables unless {@code plain}. */
  private DebuggerTest.Run crash(boolean plain, String... lines) throws Exception {
    Object report = fixture.newReport();
    if (!plain) {
      MethodSlot slot = fixture.slot();
      String before = System.getProperty(Settings.INTERACTIVE);
      System.setProperty(Settings.INTERACTIVE, "true");
      try {
        LocalsPreparation preparation = new LocalsPreparation();
        preparation.classStarted(slot);
        preparation.methodStarted(slot);
      } finally {
        if (before == null) {
          System.clearProperty(Settings.INTERACTIVE);
        } else {
          System.setProperty(Settings.INTERACTIVE, before);
        }
      }
    }
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    List<Outcome> outcomes = new ArrayList<>();
    Input input = Input.of(lines);
    Harness.SESSION.set(
        crash -> {
          Outcome outcome =
              new Debugger(
                      crash,
                      input,
                      out,
                      actions,
                      new SourceLocator(List.of(Fixture.root())),
                      Debugger.Options.defaults(),
                      Commands.standard())
                  .run();
          outcomes.add(outcome);
          return outcome;
        });
    Object returned = null;
    Throwable thrown = null;
    try {
      returned = fixture.run(report, "a,b");
    } catch (Throwable e) {
      thrown = e;
    } finally {
      Harness.SESSION.remove();
    }
    out.flush();
    return new DebuggerTest.Run(text.toString(), outcomes, returned, thrown);
  }

  private static String afterPrompt(String output, int n) {
    return DebuggerTest.afterPrompt(output, n);
  }

  @Test
  void localsListsTheVariablesAssignedAtTheThrow() throws Exception {
    DebuggerTest.Run run = crash(false, "locals");
    String locals = afterPrompt(run.output(), 1);
    assertEquals("cells = [a, b]\n", locals, "amount was not assigned yet; line is a's");
  }

  @Test
  void withoutACopyLocalsSaysTheyAreUnknown() throws Exception {
    DebuggerTest.Run run = crash(true, "locals");
    assertTrue(
        afterPrompt(run.output(), 1).startsWith(
            "*** the local variables of demo.Report.parse(String, int[]) are not known: "),
        run.output());
  }

  @Test
  void whereMarksTheFramesWithVariablesAndOtherFramesSayNothingIsKnown() throws Exception {
    DebuggerTest.Run run = crash(false, "w", "f 0", "a", "u", "a", "u", "this");
    String where = afterPrompt(run.output(), 1);
    assertTrue(
        where.matches("(?s).*demo\\.Report\\.parse\\(Report\\.java:\\d+\\)   \\[variables\\]"
            + "   <- wrapped method: c calls it again\n.*"),
        where);
    assertFalse(where.contains("amount(Report.java"  + ":0)   [variables]"), where);
    assertTrue(
        afterPrompt(run.output(), 3).contains(
            "nothing is known of the variables of frame #0 (demo.Report.amount(Report.java:"),
        run.output());
    assertTrue(afterPrompt(run.output(), 5).contains("line = \"a,b\""), run.output());
    assertTrue(
        afterPrompt(run.output(), 7).contains("it is a caller still running"), run.output());
  }

  @Test
  void returnGivesTheCallerTheValueWithoutARetry() throws Exception {
    actions.evaluate = (crash, expression) -> new Evaluation(true, 42, null);
    DebuggerTest.Run run = crash(false, "return", "return 6 * 7");
    assertTrue(
        afterPrompt(run.output(), 1).contains(
            "demo.Report.parse(String, int[]) returns int: type return EXPR"),
        run.output());
    assertTrue(
        afterPrompt(run.output(), 2).contains(
            "returning 42 from demo.Report.parse(String, int[]) to its caller"),
        run.output());
    assertEquals(List.of(Outcome.RETURN), run.outcomes());
    assertEquals(42, run.returned());
    assertEquals(null, run.thrown());
  }

  @Test
  void aRefusedReturnValueKeepsThePrompt() throws Exception {
    actions.evaluate =
        (crash, expression) -> new Evaluation(false, null, "incompatible types: String cannot be"
            + " converted to int");
    DebuggerTest.Run run = crash(false, "return \"x\"");
    assertTrue(afterPrompt(run.output(), 1).contains("*** incompatible types"), run.output());
    assertEquals(List.of(Outcome.RAISE), run.outcomes(), "end of input raises");
  }

  @Test
  void editRunsVisualElseEditorElseViAtTheLine() {
    Path file = Path.of("/src/demo/Report.java");
    assertEquals(
        List.of("emacs", "-nw", "+12", "/src/demo/Report.java"),
        Listing.editorCommand(Map.of("VISUAL", "emacs -nw", "EDITOR", "nano"), file, 12));
    assertEquals(
        List.of("nano", "+3", "/src/demo/Report.java"),
        Listing.editorCommand(Map.of("VISUAL", " ", "EDITOR", "nano"), file, 3));
    assertEquals(
        List.of("vi", "+1", "/src/demo/Report.java"), Listing.editorCommand(Map.of(), file, 1));
  }
}
