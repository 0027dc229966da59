package dev.hotrestart.it;

import static dev.hotrestart.it.LocalsIT.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code edit} runs {@code $EDITOR +LINE FILE} in the terminal and comes back to the prompt when
 * it exits; Ctrl-C meanwhile is the editor's.
 */
class EditIT {

  @Test
  void editOpensTheEditorAtTheFailingLineThenCReloadsTheEdit() throws Exception {
    SampleProject project = SampleProject.copy("locals");
    Path log = project.file("editor.log");
    Path editor = project.file("editor.sh");
    Files.writeString(
        editor,
        String.join(
            "\n",
            "#!/bin/sh",
            "echo \"$@\" > '" + log + "'",
            "for last; do :; done",
            "sed -i 's/row.startsWith(\"row \")/row.startsWith(\"bad \")/' \"$last\"",
            "echo edited by the script",
            "sleep 30",
            ""));
    Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (Terminal terminal =
        Terminal.start(
            project.file("."),
            SampleProject.shell(project.maven("hotrestart:run")),
            Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "EDITOR", editor.toString(),
                "VISUAL", ""))) {
      terminal.prompt();
      ask(terminal, "f 0");
      terminal.type("edit");
      terminal.expect("edited by the script", Duration.ofSeconds(60));
      terminal.press("\u0003"); // Ctrl-C in the editor is the editor's: it ends the script
      String edit = terminal.prompt();
      assertTrue(edit.contains("back from " + editor + " (exit status 130)"), edit);
      assertFalse(edit.contains("Ctrl-C"), "the prompt did not count it: " + edit);
      String arguments = Files.readString(log).strip();
      assertTrue(
          arguments.startsWith("+33 ") && arguments.endsWith("src/main/java/locals/Grid.java"),
          "frame #0's file and line: " + arguments);

      String diff = ask(terminal, "diff");
      assertTrue(diff.contains("+     if (row.startsWith(\"bad \")) {"), diff);
      terminal.type("c");
      String out = terminal.expect("count field=\\d+", Duration.ofSeconds(60));
      assertTrue(out.contains("batch total=78"), out);
      assertEquals(0, terminal.exitCode(Duration.ofSeconds(60)), terminal.text());
    }
  }
}
