package dev.hotrestart.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the prompt edits lines, and where its history goes. */
class ConsoleSettingsTest {

  @Test
  void lineEditingNeedsATerminalThatCanMoveTheCursor() {
    assertTrue(Settings.cursorAddressable("xterm-256color"));
    assertFalse(Settings.cursorAddressable("dumb"), "Emacs's shell edits lines itself");
    assertFalse(Settings.cursorAddressable(null));
    assertFalse(Settings.cursorAddressable(""));
  }

  @Test
  void coloursOnlyOnATerminalAndNeverWithNoColorSet() {
    assertTrue(Settings.colours(null, true, "xterm"));
    assertFalse(Settings.colours("1", true, "xterm"));
    assertFalse(Settings.colours("", true, "xterm"), "NO_COLOR set to anything, even empty");
    assertFalse(Settings.colours(null, false, "xterm"), "output is not a terminal");
    assertFalse(Settings.colours(null, true, "dumb"));
  }

  @Test
  void noLineEditingWithoutJLinesPathOrWhenTurnedOff() {
    String before = System.getProperty(Settings.CONSOLE_CLASS_PATH);
    try {
      System.clearProperty(Settings.CONSOLE_CLASS_PATH);
      assertEquals(Optional.empty(), Settings.lineEditorClassPath());
      System.setProperty(Settings.CONSOLE_CLASS_PATH, "/m2/jline.jar");
      System.setProperty(Settings.LINE_EDITING, "false");
      assertEquals(Optional.empty(), Settings.lineEditorClassPath());
    } finally {
      System.clearProperty(Settings.LINE_EDITING);
      if (before == null) {
        System.clearProperty(Settings.CONSOLE_CLASS_PATH);
      } else {
        System.setProperty(Settings.CONSOLE_CLASS_PATH, before);
      }
    }
  }

  @Test
  void historyGoesToTheHomeDirectoryUnlessConfiguredOrNone() {
    try {
      System.clearProperty(Settings.HISTORY);
      assertEquals(
          Optional.of(Path.of(System.getProperty("user.home"), ".hotrestart_history")),
          Settings.historyFile());
      System.setProperty(Settings.HISTORY, "none");
      assertEquals(Optional.empty(), Settings.historyFile());
      System.setProperty(Settings.HISTORY, "/tmp/h.txt");
      assertEquals(Optional.of(Path.of("/tmp/h.txt")), Settings.historyFile());
    } finally {
      System.clearProperty(Settings.HISTORY);
    }
  }
}
