package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two threads crash in the same method at once; the first prompt's {@code c} reloads it. The
 * second prompt says its thread crashed in the original code, and a {@code c} there calls the
 * reloaded version without reloading again. The waiting thread's notice follows the report it
 * waits behind.
 */
class TrustThreadsIT {

  private static final String WORKER = "src/main/java/trust/Worker.java";

  @Test
  void theSecondThreadsPromptNamesTheCodeItCrashedIn() throws Exception {
    SampleProject project = SampleProject.copy("trust-threads");
    try (Terminal terminal = project.run()) {
      String first = terminal.prompt();
      Matcher crashed =
          Pattern.compile("hotrestart: thread \"(worker-\\d)\" crashed in trust.Worker.work\\(String\\)\n")
              .matcher(first);
      assertTrue(crashed.find(), first);
      String firstThread = crashed.group(1);
      String secondThread = firstThread.equals("worker-1") ? "worker-2" : "worker-1";
      String notice =
          "hotrestart: thread \"" + secondThread + "\" crashed in trust.Worker.work(String);"
              + " waiting for the prompt on thread \"" + firstThread + "\"";

      project.edit(WORKER, "throw new IllegalStateException(\"broken for \" + name); // WORK_THROW",
          "return \"fixed \" + name;");
      terminal.type("c");
      String second = terminal.prompt();
      assertTrue(second.contains("hotrestart: reloaded trust.Worker.work(String)"), second);
      assertTrue(
          second.contains(
              "hotrestart: thread \"" + secondThread + "\" crashed in trust.Worker.work(String)"
                  + " (the original code; version 1 was reloaded since, which c calls)\n"),
          second);
      assertFalse(second.contains("(reloaded code, version 1)"), second);
      String text = terminal.text();
      assertTrue(text.contains(notice), text);
      assertTrue(
          text.indexOf(notice) > text.indexOf(crashed.group()),
          "the notice comes after the report it waits behind: " + text);

      terminal.type("c");
      String done = terminal.expect("done\n", Duration.ofSeconds(60));
      assertTrue(
          done.contains(
              "hotrestart: no change to trust.Worker.work(String) since its running code (version"
                  + " 1); nothing reloaded\ncalling trust.Worker.work(String) again\n"),
          done);
      assertTrue(done.contains(secondThread + ": fixed " + secondThread + "\n"), done);
      // The first thread prints its result after its c, racing with the second prompt: it may
      // come before or after it, so it is looked for in the whole run.
      assertTrue(
          terminal.text().contains(firstThread + ": fixed " + firstThread + "\n"), terminal.text());
      assertEquals(0, terminal.exitCode(Duration.ofSeconds(60)), terminal.text());
    }
  }
}
