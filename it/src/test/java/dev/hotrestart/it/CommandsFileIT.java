package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.it.SampleProject.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code -Dhotrestart.commands=FILE}: the file's commands first, echoed, then the terminal, read
 * by the plain reader or the line editor.
 */
class CommandsFileIT {

  @ParameterizedTest
  @EnumSource(Reader.class)
  void commandsFromTheFileThenFromTheTerminal(Reader reader) throws Exception {
    SampleProject project = SampleProject.copy("nested");
    Path commands = project.file("commands.txt");
    Files.writeString(commands, "# inner prompt\na\nr\n");
    try (Terminal terminal =
        project.run(reader, "-Dhotrestart.jvmArgs=-Dhotrestart.commands=" + commands)) {
      String inner = terminal.prompt();
      assertTrue(inner.contains("crashed in nested.Stage.process(String)"), inner);
      String args = terminal.prompt();
      assertTrue(args.startsWith("a\nitem = \"x\""), "echoed, then run: " + args);
      String outer = terminal.prompt();
      assertTrue(outer.startsWith("r\nraising java.lang.NumberFormatException"), outer);
      assertTrue(outer.contains("crashed in nested.Pipeline.run(Stage, List)"), outer);

      terminal.type("q"); // the file has run out: the terminal is read
      int exit = terminal.exitCode(Duration.ofSeconds(60));
      assertNotEquals(0, exit, terminal.text());
      assertTrue(terminal.rest().contains("restarting is now off"), terminal.rest());
      assertFalse(terminal.rest().contains("(hotrestart)"), terminal.rest());
    }
  }
}
