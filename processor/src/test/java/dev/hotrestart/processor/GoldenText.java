package dev.hotrestart.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generated text checked character for character against a checked-in file, or written into it
 * when the build runs with {@code -Dhotrestart.golden.update=true}. A run that rewrites fails,
 * so that it can never pass unnoticed: review the diff, then run again without the property.
 */
final class GoldenText {

  /** The command that rewrites every golden text of the processor's tests. */
  static final String REGENERATE =
      "mvn -pl processor -am verify -Dtest='GoldenOutputTest,SharedTemplateTest'"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dhotrestart.golden.update=true";

  private GoldenText() {}

  /**
   * Asserts that {@code file} holds exactly {@code actual}, or rewrites it.
   *
   * @param file relative to the processor module, Surefire's working directory
   * @param mismatch what it means that they differ, for the failure message
   */
  static void assertMatches(Path file, String actual, String mismatch) throws IOException {
    Path shown = file.toAbsolutePath().normalize();
    if (Boolean.getBoolean("hotrestart.golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      fail("rewrote " + shown + ": review its diff, then run without the property");
    }
    if (!Files.exists(file)) {
      fail("no " + shown + "; write it with: " + REGENERATE);
    }
    assertEquals(
        Files.readString(file, StandardCharsets.UTF_8),
        actual,
        () ->
            shown
                + " differs from the generated text: "
                + mismatch
                + ". If the change is intended, regenerate it with "
                + REGENERATE
                + " and review the diff");
  }
}
