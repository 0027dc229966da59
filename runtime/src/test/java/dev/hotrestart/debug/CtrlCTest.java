package dev.hotrestart.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.reload.Evaluation;
import dev.hotrestart.testing.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C at the prompt: it raises, a second one ends the program, and Ctrl-C gets its usual
 * meaning back when the prompt closes. The keyboard is simulated: {@link #press()} calls the
 * handler the session armed, on another thread, as the JVM's signal thread would.
 */
class CtrlCTest {

  private final Fixture fixture = new Fixture();
  private final DebuggerTest.FakeActions actions = new DebuggerTest.FakeActions();
  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text, true);
  private final List<Integer> exits = new ArrayList<>();
  private final AtomicReference<Runnable> armed = new AtomicReference<>();
  private final List<String> events = new ArrayList<>();

  private final Interrupts keyboard =
      onCtrlC -> {
        armed.set(onCtrlC);
        events.add("armed");
        return () -> {
          armed.set(null);
          events.add("restored");
        };
      };

  /** Where the sessions get Ctrl-C from. */
  private Interrupts interrupts = keyboard;

  /** Ctrl-C, from another thread. */
  private void press() throws InterruptedException {
    Runnable handler = armed.get();
    assertTrue(handler != null, "no prompt is open");
    Thread signal = new Thread(handler, "SIGINT handler");
    signal.start();
    signal.join(10_000);
  }

  /** Makes {@code p} a command that says it started, then waits for {@code release}; gives 42. */
  private void evaluateSlowly(CountDownLatch evaluating, CountDownLatch release) {
    actions.evaluate =
        (crash, expression) -> {
          evaluating.countDown();
          try {
            release.await(20, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new Evaluation(true, 42, null);
        };
  }

  /** Runs the crashing fixture with a session reading {@code input}; returns what it threw. */
  private Throwable crash(Input input) throws Exception {
    return crash(input, out);
  }

  private Throwable crash(Input input, PrintWriter out) throws Exception {
    Object report = fixture.newReport();
    Debugger.Options options =
        Debugger.Options.defaults().withInterrupts(interrupts, status -> exits.add(status));
    Harness.debugWith(input, out, actions, Fixture.root(), options);
    try {
      fixture.run(report, "a,b");
      return null;
    } catch (Throwable e) {
      return e;
    } finally {
      Harness.SESSION.remove();
    }
  }

  /** Crashes on another thread, so that the test can press keys while the prompt is open. */
  private Thread crashInBackground(Input input, AtomicReference<Throwable> thrown) {
    return crashInBackground(input, out, thrown);
  }

  private Thread crashInBackground(
      Input input, PrintWriter out, AtomicReference<Throwable> thrown) {
    Thread thread =
        new Thread(
            () -> {
              try {
                thrown.set(crash(input, out));
              } catch (Exception e) {
                thrown.set(e);
              }
            },
            "crashing");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /**
   * The race a slow machine showed: the SIGINT came after the prompt was printed and before the
   * session waited for a line. It was taken for a Ctrl-C during a command ("raising when this
   * command ends"), and the read it did not interrupt waited for a line that never came.
   */
  @Test
  void ctrlCAsThePromptAppearsInterruptsTheReadThatFollows() throws Exception {
    PipedWriter keys = new PipedWriter();
    StdinLines stdin = new StdinLines(new BufferedReader(new PipedReader(keys)));
    PrintWriter pressingAtThePrompt =
        new PrintWriter(text, true) {
          private boolean pressed;

          @Override
          public void write(String s, int off, int len) {
            super.write(s, off, len);
            if (!pressed && s.contains(Debugger.PROMPT)) {
              pressed = true;
              // Ctrl-C, handled before the session goes on to read. The handler interrupts this
              // very thread (the session's), so waiting for it must not stop at that interrupt,
              // and must leave it set for the read.
              Thread signal = new Thread(armed.get(), "SIGINT handler");
              signal.start();
              boolean interrupted = false;
              while (signal.isAlive()) {
                try {
                  signal.join();
                } catch (InterruptedException e) {
                  interrupted = true;
                }
              }
              if (interrupted) {
                Thread.currentThread().interrupt();
              }
            }
          }
        };
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread session = crashInBackground(stdin, pressingAtThePrompt, thrown);
    session.join(10_000);

    assertFalse(session.isAlive(), "the read was not interrupted: " + text);
    assertInstanceOf(IllegalArgumentException.class, thrown.get());
    assertFalse(text.toString().contains("when this command ends"), text.toString());
    assertEndsRaisingAtThePrompt();
    assertEquals(List.of(), exits);
  }

  /** The session's output ends with the prompt that Ctrl-C interrupted, and the raise. */
  private void assertEndsRaisingAtThePrompt() {
    assertTrue(
        text.toString()
            .endsWith(
                Debugger.PROMPT
                    + "\nCtrl-C: raising java.lang.IllegalArgumentException to the caller\n"),
        text.toString());
  }

  @Test
  void ctrlCWhileWaitingForALineRaisesAndRestoresTheHandler() throws Exception {
    PipedWriter keys = new PipedWriter();
    StdinLines stdin = new StdinLines(new BufferedReader(new PipedReader(keys)));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread session = crashInBackground(stdin, thrown);
    Await.until(() -> text.toString().endsWith(Debugger.PROMPT));
    Thread.sleep(50); // let the session block in the read
    press();
    session.join(10_000);

    assertFalse(session.isAlive());
    assertInstanceOf(IllegalArgumentException.class, thrown.get());
    assertEndsRaisingAtThePrompt();
    assertEquals(List.of("armed", "restored"), events);
    assertEquals(List.of(), exits);
  }

  @Test
  void aLineTypedAfterAnInterruptedReadGoesToTheNextPrompt() throws Exception {
    PipedWriter keys = new PipedWriter();
    StdinLines stdin = new StdinLines(new BufferedReader(new PipedReader(keys)));
    Thread.currentThread().interrupt();
    InterruptedIOException interrupted = null;
    try {
      stdin.read(Debugger.PROMPT);
    } catch (InterruptedIOException e) {
      interrupted = e;
    }
    assertTrue(interrupted != null, "an interrupted read throws");
    keys.write("a\n");
    keys.flush();
    assertEquals("a", stdin.read(Debugger.PROMPT).text());
    keys.close();
    assertNull(stdin.read(Debugger.PROMPT), "end of input");
  }

  @Test
  void aLineEditorsCtrlCRaisesWithoutAnySignal() throws Exception {
    Throwable thrown =
        crash(
            prompt -> {
              throw new Input.CtrlC();
            });
    assertInstanceOf(IllegalArgumentException.class, thrown);
    assertTrue(text.toString().contains("Ctrl-C: raising java.lang.IllegalArgumentException"));
    assertEquals(List.of(), exits);
  }

  @Test
  void ctrlCDuringACommandRaisesWhenItEndsAndASecondOneEndsTheProgram() throws Exception {
    CountDownLatch evaluating = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    evaluateSlowly(evaluating, release);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread session = crashInBackground(Input.of("p slow()", "a"), thrown);
    assertTrue(evaluating.await(20, TimeUnit.SECONDS));

    press();
    assertTrue(
        text.toString()
            .contains(
                "hotrestart: Ctrl-C: raising the exception when this command ends (Ctrl-C again"
                    + " ends the program)"),
        text.toString());
    press();
    assertEquals(List.of(CtrlCWatch.CTRL_C_STATUS), exits);
    assertTrue(text.toString().contains("hotrestart: Ctrl-C again: ending the program"));

    release.countDown(); // the fake exit did not end the JVM: the session raises
    session.join(10_000);
    assertInstanceOf(IllegalArgumentException.class, thrown.get());
    assertFalse(text.toString().contains("line = "), "a runs no more: " + text);
    assertTrue(text.toString().contains("42\n\nCtrl-C: raising"), text.toString());
  }

  /**
   * JLine's {@code readLine} leaves the default SIGINT handler behind, so the first Ctrl-C during
   * the command that followed ended the program. The session installs its handler again after
   * each read.
   */
  @Test
  void aHandlerReplacedWhileReadingIsInstalledAgainBeforeTheCommandRuns() throws Exception {
    CountDownLatch evaluating = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    evaluateSlowly(evaluating, release);
    AtomicReference<Runnable> ours = new AtomicReference<>();
    Interrupts replacedByEachRead =
        onCtrlC -> {
          ours.set(onCtrlC);
          armed.set(onCtrlC);
          return new Interrupts.Armed() {
            @Override
            public void close() {
              armed.set(null);
            }

            @Override
            public void reinstall() {
              armed.set(ours.get());
            }
          };
        };
    Input lineEditor =
        prompt -> {
          armed.set(null); // what JLine leaves behind: nothing of ours
          return new Input.Line("p slow()", false);
        };
    interrupts = replacedByEachRead;
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread session = crashInBackground(lineEditor, thrown);
    assertTrue(evaluating.await(20, TimeUnit.SECONDS));

    press(); // fails if the handler is gone
    release.countDown();
    session.join(10_000);
    assertInstanceOf(IllegalArgumentException.class, thrown.get());
    assertEquals(List.of(), exits);
    assertTrue(text.toString().contains("42\n\nCtrl-C: raising"), text.toString());
  }

  @Test
  void anInterruptFromTheProgramIsKeptAndDoesNotCountAsCtrlC() throws Exception {
    Thread.currentThread().interrupt();
    Throwable thrown = crash(Input.of("a", "r"));
    assertTrue(Thread.interrupted(), "the program's interrupt is still set after the session");
    assertInstanceOf(IllegalArgumentException.class, thrown);
    assertTrue(text.toString().contains("line = \"a,b\""), "the session could read: " + text);
    assertFalse(text.toString().contains("Ctrl-C"));
  }

  /** The terminal sends Ctrl-C to the editor of {@code edit} and to the JVM: it is the editor's. */
  @Test
  void ctrlCWhileTheEditorHasTheTerminalIsTheEditors() {
    StringWriter notices = new StringWriter();
    List<Integer> ended = new ArrayList<>();
    CtrlCWatch watch = new CtrlCWatch(new PrintWriter(notices), ended::add);
    AtomicReference<Runnable> handler = new AtomicReference<>();
    watch.arm(onCtrlC -> {
      handler.set(onCtrlC);
      return () -> {};
    });
    watch.childOwnsTerminal(true);
    handler.get().run();
    handler.get().run();
    watch.childOwnsTerminal(false);
    assertFalse(watch.pressed());
    assertEquals(List.of(), ended, "two Ctrl-Cs in the editor do not end the program");
    handler.get().run();
    assertTrue(watch.pressed(), "after the editor, Ctrl-C is the prompt's again");
  }

  /** The Ctrl-C that ended the editor reaches the JVM after the editor's end was seen. */
  @Test
  void theCtrlCThatEndedTheEditorIsWaitedForAndIsTheEditors() throws Exception {
    CtrlCWatch watch = new CtrlCWatch(new PrintWriter(new StringWriter()), status -> {});
    AtomicReference<Runnable> handler = new AtomicReference<>();
    watch.arm(onCtrlC -> {
      handler.set(onCtrlC);
      return () -> {};
    });
    watch.childOwnsTerminal(true);
    Thread late = new Thread(() -> {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      handler.get().run();
    });
    late.start();
    watch.childEndedByCtrlC();
    late.join(5_000);
    assertFalse(watch.pressed(), "the signal thread's late Ctrl-C was the editor's");
  }
}
