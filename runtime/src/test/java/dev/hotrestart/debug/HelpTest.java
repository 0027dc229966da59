package dev.hotrestart.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code help} wrapped at word boundaries to the terminal's width. */
class HelpTest {

  private static String help(String argument, int width) {
    StringWriter text = new StringWriter();
    new Help(Commands.standard(), new Output(new PrintWriter(text), Style.PLAIN), () -> width)
        .help(argument);
    return text.toString();
  }

  private static String words(String text) {
    return String.join(" ", Arrays.asList(text.strip().split("\\s+")));
  }

  @Test
  void aCommandsLongHelpIsWrappedBetweenWordsToTheWidth() {
    for (String name : List.of("c", "q", "diff", "w")) {
      String help = help(name, 60);
      Commands.Command command =
          ((Commands.Found) Commands.standard().lookup(name)).command();
      List<String> lines = help.lines().toList();
      for (String line : lines) {
        assertTrue(line.length() <= 60, "longer than 60: " + line + "\n" + help);
      }
      for (String line : lines.subList(1, lines.size())) {
        assertTrue(line.startsWith("  ") && !line.startsWith("   "), "indented by 2: " + line);
      }
      assertEquals(words(command.help()), words(String.join(" ", lines.subList(1, lines.size()))),
          "every word whole, in order");
    }
  }

  @Test
  void theTableWrapsSummariesUnderTheirColumn() {
    String table = help("", 70);
    String unwrapped = Commands.standard().table();
    assertEquals(words(unwrapped), words(table));
    for (String line : table.lines().toList()) {
      assertTrue(line.length() <= 70, "longer than 70: " + line + "\n" + table);
    }
    assertTrue(
        table.contains(
            "\n  w, bt, where               show the stack: dead frames below the\n"
                + "                             wrapped method, live callers above\n"),
        table);
  }

  @Test
  void aWordLongerThanTheLineStaysWhole() {
    assertEquals(
        List.of("  -Dhotrestart.reloadOnContinue=false,", "  then"),
        Help.wrap("  -Dhotrestart.reloadOnContinue=false, then", 20, 2));
  }

  @Test
  void theWidthIsTheTerminalsElseColumnsElse80() {
    assertEquals(132, Help.columns(132, "100"));
    assertEquals(100, Help.columns(0, "100"));
    assertEquals(80, Help.columns(0, null));
    assertEquals(80, Help.columns(-1, "wide"));
  }
}
