package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.it.SampleProject.Reader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A thread that did not crash prints while the prompt waits: with the line editor its lines go
 * above the prompt, which is drawn again below them with the half-typed line, so the prompt
 * never scrolls away and nothing typed is lost.
 */
class OutputAbovePromptIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void theProgramsLinesGoAboveThePromptAndTheTypedLineStays() throws Exception {
    SampleProject project = SampleProject.copy("chatty");
    try (Terminal terminal = project.run(Reader.LINE_EDITOR)) {
      String crash = terminal.prompt();
      assertTrue(crash.contains("crashed in chatty.Main.parse(String)"), crash);
      terminal.press("p 40 +");
      // Each tick printed while the prompt waits is followed by the prompt drawn again with the
      // typed text. (The terminal's text drops carriage returns, so the line editor's return to
      // the start of the prompt line shows the next tick glued to it; without the line editor's
      // redraw, ticks would follow one another with no prompt between them.)
      terminal.expect("(tick \\d+\\n\\(hotrestart\\) p 40 \\+){3}", WAIT);
      terminal.type(" 2");
      terminal.expect("\\n42\\n", WAIT);
      terminal.type("q");
      terminal.expect("chatty.Main exited with code 1", WAIT);
    }
  }
}
