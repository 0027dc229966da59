package dev.hotrestart.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.testing.LogCapture;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a usable JLine the prompt falls back to the plain reader and the log says why. */
class LineEditorTest {

  @Test
  void aClassPathWithoutJLineGivesNoEditorAndAWarning(@TempDir Path empty) {
    Optional<Input> editor;
    List<LogRecord> logged;
    try (LogCapture log = LogCapture.of("dev.hotrestart.debug")) {
      editor = LineEditor.load(empty.toString(), Optional.empty());
      logged = log.records();
    }
    assertEquals(Optional.empty(), editor);
    assertEquals(1, logged.size(), logged::toString);
    assertEquals(Level.WARNING, logged.get(0).getLevel());
    assertTrue(logged.get(0).getMessage().startsWith("cannot load JLine from " + empty));
  }
}
