package dev.hotrestart.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The program's lines while a line editor reads go above its prompt, whole, and only then. */
class AbovePromptTest {

  private PrintStream savedOut;
  private PrintStream savedErr;
  private final ByteArrayOutputStream realOut = new ByteArrayOutputStream();
  private final ByteArrayOutputStream realErr = new ByteArrayOutputStream();

  @BeforeEach
  void realStreams() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(realOut, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(realErr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  @Test
  void completeLinesGoAboveThePromptAndTheRestToTheRealStreamWhenTheReadEnds() {
    List<String> above = new ArrayList<>();
    PrintStream out = System.out;
    PrintStream err = System.err;
    AbovePrompt during = AbovePrompt.during(editor(above, true));
    System.out.println("tick 1 é");
    System.err.print("warn");
    System.err.println("ing\r");
    System.out.print("half a line");
    PrintStream kept = System.out;
    assertEquals(List.of("tick 1 é", "warning"), above);
    assertEquals("", realOut.toString(StandardCharsets.UTF_8));
    during.close();

    assertSame(out, System.out);
    assertSame(err, System.err);
    assertEquals("half a line", realOut.toString(StandardCharsets.UTF_8));
    kept.println(" and the rest"); // a thread that held the stream across the end of the read
    assertEquals("half a line and the rest\n", realOut.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    assertEquals(List.of("tick 1 é", "warning"), above);
    assertEquals("", realErr.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anEditorThatCannotPrintAboveLeavesTheLineOnTheRealStream() {
    AbovePrompt during = AbovePrompt.during(editor(new ArrayList<>(), false));
    System.err.println("lost?");
    during.close();
    assertEquals("lost?\n", realErr.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
  }

  private static Input editor(List<String> above, boolean printsAbove) {
    return new Input() {
      @Override
      public Line read(String prompt) {
        throw new AssertionError("not read");
      }

      @Override
      public boolean drawsPrompt() {
        return true;
      }

      @Override
      public boolean printAbove(String text) {
        if (printsAbove) {
          above.add(text);
        }
        return printsAbove;
      }
    };
  }
}
