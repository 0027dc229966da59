package dev.hotrestart.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hotrestart.HotRestart;
import dev.hotrestart.config.Settings;
import dev.hotrestart.reload.Evaluation;
import dev.hotrestart.source.SourceLocator;
import dev.hotrestart.testing.Await;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What sessions share: the commands file, the prompt lock across threads, the notices. */
class HostTest {

  private final Fixture fixture = new Fixture();
  private final DebuggerTest.FakeActions actions = new DebuggerTest.FakeActions();
  private final StringWriter outText = new StringWriter();
  private final StringWriter errText = new StringWriter();

  private Host host(Input terminal, Optional<Path> commandsFile) {
    return new Host(
        () -> terminal,
        new PrintWriter(outText, true),
        new PrintWriter(errText, true),
        actions,
        () -> new SourceLocator(List.of(Fixture.root())),
        () -> commandsFile);
  }

  /** Runs the fixture on this thread with crashes going to {@code host}; returns what it threw. */
  private Throwable crashInto(Host host) throws Exception {
    Object report = fixture.newReport();
    Harness.SESSION.set(host::open);
    try {
      fixture.run(report, "a,b");
      return null;
    } catch (Throwable e) {
      return e;
    } finally {
      Harness.SESSION.remove();
    }
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  @Test
  void commandsFileIsEchoedAndSpansSessionsThenTheTerminalTakesOver(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("commands.txt");
    Files.writeString(file, "r\n\n# a comment\n  a  \n");
    Host host = host(Input.of("r"), Optional.of(file));

    crashInto(host);
    crashInto(host);

    String out = outText.toString();
    assertTrue(out.contains(Debugger.PROMPT + "r\nraising java.lang.IllegalArgumentException"), out);
    assertTrue(out.contains(Debugger.PROMPT + "a\nline = \"a,b\"\n"), out);
    // The terminal's r is not echoed: the terminal shows what the user typed already.
    assertTrue(out.endsWith(Debugger.PROMPT + "raising java.lang.IllegalArgumentException to the"
        + " caller\n"), out);
    assertEquals(2, count(out, "crashed in demo.Report.parse"));
    assertEquals(1, count(out, "h lists the commands."), "the hint is shown once");
  }

  @Test
  void unreadableCommandsFileFallsBackToTheTerminal(@TempDir Path dir) throws Exception {
    Host host = host(Input.of("r"), Optional.of(dir.resolve("missing.txt")));
    crashInto(host);
    assertTrue(outText.toString().contains("hotrestart: cannot read the commands file"));
    assertTrue(outText.toString().contains("raising"));
  }

  @Test
  void oneThreadAtAPromptOthersWaitWithANoticeAndPromptsGetLabelled() throws Exception {
    BlockingQueue<String> typed = new LinkedBlockingQueue<>();
    Input terminal = typedInto(typed);
    Host host = host(terminal, Optional.empty());
    List<Throwable> thrown = Collections.synchronizedList(new ArrayList<>());
    Thread first = worker("worker-A", host, thrown);
    Thread second = worker("worker-B", host, thrown);

    first.start();
    Await.until(host::isWaitingForInput);
    second.start();
    String notice =
        "hotrestart: thread \"worker-B\" crashed in demo.Report.parse(String, int[]); waiting for"
            + " the prompt on thread \"worker-A\"";
    Await.until(() -> outText.toString().contains(notice));
    typed.add("a");
    typed.add("r");
    first.join(20_000);
    String secondReport = "hotrestart: thread \"worker-B\" crashed in demo.Report.parse(String, int[])\n";
    Await.until(() -> outText.toString().contains(secondReport));
    typed.add("r");
    second.join(20_000);

    String out = outText.toString();
    // The notice does not glue itself to the open prompt, and the prompt is shown again.
    assertTrue(
        out.contains(
            Debugger.PROMPT + "\n" + notice + "\n[thread \"worker-A\"]\n" + Debugger.PROMPT
                + "line = "),
        out);
    assertTrue(out.contains("[thread \"worker-A\"]\n" + Debugger.PROMPT + "raising"), out);
    assertTrue(out.indexOf(secondReport) > out.indexOf("line = "), "B waited for A to finish");
    assertEquals(1, count(out, "[thread \"worker-B\"]\n" + Debugger.PROMPT), out);
    assertEquals(2, thrown.size());
    thrown.forEach(e -> assertInstanceOf(IllegalArgumentException.class, e));
  }

  @Test
  void threadsThatDoNotCrashKeepRunningWhileAPromptIsOpen() throws Exception {
    BlockingQueue<String> typed = new LinkedBlockingQueue<>();
    Input terminal = typedInto(typed);
    Host host = host(terminal, Optional.empty());
    AtomicLong ticks = new AtomicLong();
    Thread ticker =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                ticks.incrementAndGet();
                Thread.onSpinWait();
              }
            },
            "ticker");
    ticker.setDaemon(true);
    ticker.start();
    List<Throwable> thrown = Collections.synchronizedList(new ArrayList<>());
    Thread crashing = worker("worker-A", host, thrown);
    crashing.start();
    Await.until(host::isWaitingForInput);
    long atPrompt = ticks.get();
    Await.until(() -> ticks.get() > atPrompt + 1_000);
    assertTrue(host.isWaitingForInput(), "the prompt is still open while the ticker runs");
    typed.add("r");
    crashing.join(20_000);
    ticker.interrupt();
    ticker.join(5_000);
    assertEquals(1, thrown.size());
  }

  /** A terminal whose lines the test types from another thread; end of input after 20 s. */
  /**
   * A thread that crashes while the prompt's session is printing (here: running a command) is
   * announced at the session's next prompt, after what the session printed, never before it.
   */
  @Test
  void aNoticeWaitsUntilTheSessionHasPrintedWhatItWasPrinting() throws Exception {
    BlockingQueue<String> typed = new LinkedBlockingQueue<>();
    Host host = host(typedInto(typed), Optional.empty());
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    actions.evaluate =
        (crash, expression) -> {
          try {
            release.await(20, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new dev.hotrestart.reload.Evaluation(true, "evaluated", null);
        };
    List<Throwable> thrown = Collections.synchronizedList(new ArrayList<>());
    Thread first = worker("worker-A", host, thrown);
    Thread second = worker("worker-B", host, thrown);
    first.start();
    Await.until(host::isWaitingForInput);
    typed.add("p 1");
    Await.until(() -> !actions.evaluated.isEmpty());
    second.start();
    Await.until(
        () -> second.getState() == Thread.State.WAITING
            || second.getState() == Thread.State.TIMED_WAITING);
    String notice = "hotrestart: thread \"worker-B\" crashed in demo.Report.parse(String, int[])"
        + "; waiting for the prompt on thread \"worker-A\"";
    assertFalse(outText.toString().contains(notice), outText::toString);

    release.countDown();
    Await.until(() -> outText.toString().contains(notice));
    typed.add("r");
    first.join(20_000);
    typed.add("r");
    second.join(20_000);

    String out = outText.toString();
    assertTrue(out.indexOf(notice) > out.indexOf("evaluated"), out);
    assertTrue(
        out.indexOf(notice)
            < out.indexOf("hotrestart: thread \"worker-B\" crashed in demo.Report.parse(String, int[])\n"),
        out);
    assertEquals(2, thrown.size());
  }

  private static Input typedInto(BlockingQueue<String> typed) {
    return prompt -> {
      try {
        String line = typed.poll(20, TimeUnit.SECONDS);
        return line == null ? null : new Input.Line(line, false);
      } catch (InterruptedException e) {
        throw new InterruptedIOException();
      }
    };
  }

  private Thread worker(String name, Host host, List<Throwable> thrown) {
    Thread thread =
        new Thread(
            () -> {
              try {
                Throwable e = crashInto(host);
                if (e != null) {
                  thrown.add(e);
                }
              } catch (Exception e) {
                thrown.add(e);
              }
            },
            name);
    thread.setDaemon(true);
    return thread;
  }

  @Test
  void notInteractiveNoticeIsPrintedOnce() throws Exception {
    Host host = host(Input.of(), Optional.empty());
    host.noticeNotInteractive(fixture.slot(), new IllegalStateException("first"));
    host.noticeNotInteractive(fixture.slot(), new IllegalStateException("second"));
    assertEquals(
        "hotrestart: demo.Report.parse(String, int[]) threw java.lang.IllegalStateException: first;"
            + " not stopping because no terminal is attached (run in a terminal, or pass"
            + " -Dhotrestart.interactive=true)\n",
        errText.toString());
  }

  @Test
  void brokenInputRaises() throws Exception {
    Host host =
        host(
            prompt -> {
              throw new IOException("stdin closed");
            },
            Optional.empty());
    assertInstanceOf(IllegalArgumentException.class, crashInto(host));
    assertTrue(outText.toString().contains("cannot read commands (java.io.IOException: stdin"
        + " closed); raising the exception"));
  }

  /**
   * The real path: the proxy calls {@code MethodSlot.failed}, which opens {@link PostMortem}; a
   * crash inside {@code p} goes straight back to the evaluator instead of prompting again.
   */
  @Test
  void realSlotOpensThePostMortemAndACrashInsidePDoesNotPromptAgain() throws Exception {
    String enabled = System.getProperty(Settings.ENABLED);
    String interactive = System.getProperty(Settings.INTERACTIVE);
    Object report = fixture.newReport();
    actions.evaluate =
        (crash, expression) -> {
          try {
            return new Evaluation(true, fixture.run(report, "x,y"), null);
          } catch (Throwable e) {
            return new Evaluation(false, null, "threw " + e);
          }
        };
    Host before = PostMortem.swapHost(host(Input.of("a", "p report.parse(\"x,y\")", "r"),
        Optional.empty()));
    try {
      System.setProperty(Settings.ENABLED, "true");
      System.setProperty(Settings.INTERACTIVE, "true");
      assumeTrue(HotRestart.isEnabled(), "another test called HotRestart.exit()");
      Throwable thrown;
      try {
        fixture.run(report, "a,b");
        thrown = null;
      } catch (Throwable e) {
        thrown = e;
      }
      assertInstanceOf(IllegalArgumentException.class, thrown);
      assertEquals("bad amount b", thrown.getMessage());
    } finally {
      restore(Settings.ENABLED, enabled);
      restore(Settings.INTERACTIVE, interactive);
      PostMortem.swapHost(before);
    }
    String out = outText.toString();
    assertEquals(1, count(out, "crashed in demo.Report.parse"), out);
    assertTrue(out.contains("line = \"a,b\""), out);
    assertTrue(out.contains("*** threw java.lang.IllegalArgumentException: bad amount y"), out);
    assertTrue(out.contains("raising java.lang.IllegalArgumentException"), out);
  }

  private static void restore(String property, String value) {
    if (value == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, value);
    }
  }
}
