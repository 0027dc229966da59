package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the prompt says is what ran and what {@code c} did (issue "The prompt tells the truth"): a
 * {@code c} without an edit, a failed reload, the marker after a reload moved the lines of the
 * same file, {@code diff} of a private helper, edits {@code c} does not apply.
 */
class TrustIT {

  private static final String STEPS = "src/main/java/trust/Steps.java";
  private static final String CLASSIFIER = "src/main/java/trust/Classifier.java";
  private static final String UTIL = "src/main/java/trust/Util.java";
  private static final Duration RELOAD = Duration.ofSeconds(60);

  @Test
  void everyMarkerDiffAndMessageMatchesWhatRan() throws Exception {
    SampleProject project = SampleProject.copy("trust");
    // The per-method reload (c applies every saved file by default: ReachIT).
    try (Terminal terminal = project.run("-Dhotrestart.reloadAll=false")) {
      String crash = terminal.prompt();
      assertTrue(crash.contains("crashed in trust.Steps.first(String)\n"), crash);
      assertMarked(crash, line(project, STEPS, "FIRST_THROW"), "FIRST_THROW");

      // 13.3: c without an edit compiles nothing, swaps nothing and keeps the version.
      terminal.type("c");
      String again = terminal.prompt();
      assertTrue(
          again.contains(
              "hotrestart: no change to trust.Steps.first(String) since its running code (the"
                  + " original); nothing reloaded\ncalling trust.Steps.first(String) again\n"),
          again);
      assertFalse(again.contains(" ms (javac"), again);
      assertFalse(again.contains("reloaded code"), again);

      // 13.5: a failed reload is one message that ends with what to type.
      project.edit(STEPS, "return label + \" \" + input;", "return label + \" \" + input");
      terminal.type("c");
      String failed = terminal.prompt();
      assertTrue(failed.contains("Steps.java:17: error: ';' expected"), failed);
      assertTrue(
          failed.contains(
              "hotrestart: Steps.java does not compile.\nhotrestart: nothing was reloaded; the old"
                  + " code is still running. Fix it and type c again, or r to raise the"
                  + " exception.\n"),
          failed);
      assertEquals(1, count(failed, "old code is still running"), failed);

      // 13.1 and 14.6: a fix that adds lines above second(), and a constructor edit.
      project.edit(STEPS, "return label + \" \" + input", "return label + \" \" + input;");
      project.edit(
          STEPS,
          "      throw new IllegalStateException(\"first: empty input\"); // FIRST_THROW",
          "      // empty input\n      // is fine\n      return \"(empty)\";");
      project.edit(STEPS, "label = \"steps\";", "label = \"STEPS\";");
      terminal.type("c");
      String second = terminal.prompt();
      assertTrue(second.contains("hotrestart: reloaded trust.Steps.first(String) from Steps.java"), second);
      assertTrue(
          second.contains(
              "hotrestart: not applied: the change to the constructor Steps() in Steps.java (a"
                  + " reload swaps wrapped methods and the private methods and lambdas they call,"
                  + " not constructors; a restart applies it)"),
          second);
      assertTrue(second.contains("first: (empty)\n"), second);
      assertTrue(second.contains("crashed in trust.Steps.second(String)\n"), second);
      int call = line(project, STEPS, "SECOND_CALL");
      int cut = line(project, STEPS, "// CUT");
      // The running second() has the line numbers of the start-up text: two lines fewer.
      assertTrue(
          second.contains(
              "(Steps.java was edited since this code was compiled: the running code's line "
                  + (call - 2)
                  + " is line "
                  + call
                  + " now)"),
          second);
      assertMarked(second, call, "SECOND_CALL");

      terminal.type("w");
      String where = terminal.prompt();
      assertTrue(
          where.contains("Steps.cut(Steps.java:" + (cut - 2) + ")  [line " + cut + " in the file now]"),
          where);
      assertTrue(
          where.contains(
              "Steps.second(Steps.java:" + (call - 2) + ")  [line " + call + " in the file now]"),
          where);
      terminal.type("l");
      assertMarked(terminal.prompt(), call, "SECOND_CALL");
      terminal.type("d");
      assertMarked(terminal.prompt(), cut, "// CUT");
      terminal.type("ll");
      String longList = terminal.prompt();
      assertMarked(longList, cut, "// CUT");
      assertTrue(longList.contains("private String cut(String input) {"), longList);

      // 13.2: diff shows a fix in the private helper that moves with second().
      project.edit(STEPS, "return input.substring(10); // CUT", "return input.substring(1); // CUT");
      terminal.type("diff");
      String diff = terminal.prompt();
      assertTrue(
          diff.contains(
              "--- running version of private trust.Steps.cut (c reloads it with second)"),
          diff);
      assertTrue(diff.contains(" +     return input.substring(1); // CUT"), diff);
      assertTrue(diff.contains(" -     return input.substring(10); // CUT"), diff);
      assertFalse(diff.contains("no change since"), diff);

      // 13.4: crash in Classifier.kind, r to Pipeline.take, fix Classifier.java, c.
      terminal.type("c");
      String kind = terminal.prompt();
      assertTrue(kind.contains("second: steps b\n"), kind);
      assertTrue(kind.contains("crashed in trust.Classifier.kind(int)\n"), kind);
      terminal.type("r");
      String take = terminal.prompt();
      assertTrue(take.contains("crashed in trust.Pipeline.take(int)\n"), take);
      project.edit(CLASSIFIER, "throw new IllegalArgumentException(\"negative: \" + value); // KIND_THROW",
          "return \"negative\";");
      terminal.type("c");
      String notApplied = terminal.prompt();
      assertTrue(
          notApplied.contains(
              "hotrestart: not applied: Classifier.java was saved since its running code was"
                  + " compiled (c reloads only the class of the method that crashed;"
                  + " -Dhotrestart.reloadAll=true makes it reload every changed wrapped class)"),
          notApplied);
      assertTrue(notApplied.contains("crashed in trust.Classifier.kind(int)\n"), notApplied);

      // 14.6: a new method of a plain class, used by the fix: named, not a bare javac error.
      project.edit(
          UTIL,
          "  public static String one() {",
          "  public static String two() {\n    return \"two\";\n  }\n\n  public static String one() {");
      project.edit(CLASSIFIER, "return \"negative\";", "return \"negative \" + Util.two();");
      terminal.type("c");
      String plain = terminal.prompt();
      assertTrue(
          plain.contains(
              "hotrestart: cannot reload: the new code calls `trust.Util.two()`, which the running"
                  + " program does not have"),
          plain);
      assertTrue(
          plain.contains(
              "hotrestart: not applied: Util.java was saved since its running code was compiled"
                  + " (c reloads only the class of the method that crashed;"
                  + " -Dhotrestart.reloadAll=true makes it redefine Util too)"),
          plain);
      project.edit(CLASSIFIER, "return \"negative \" + Util.two();", "return \"negative\";");
      terminal.type("c");
      String done = terminal.expect("done\n", RELOAD);
      assertTrue(done.contains("hotrestart: reloaded trust.Classifier.kind(int)"), done);
      assertTrue(done.contains("take: value -3 is negative\n"), done);
      assertEquals(0, terminal.exitCode(Duration.ofSeconds(60)), terminal.text());
    }
  }

  /** Fails unless {@code output} marks line {@code line}, and that line holds {@code text}. */
  private static void assertMarked(String output, int line, String text) {
    assertTrue(
        Pattern.compile("(?m)^ *" + line + " -> .*" + Pattern.quote(text)).matcher(output).find(),
        () -> "line " + line + " (" + text + ") is not the marked line:\n" + output);
    assertEquals(1, count(output, " -> "), () -> "one marker only:\n" + output);
  }

  private static int line(SampleProject project, String file, String marker) throws IOException {
    List<String> lines = Files.readAllLines(project.file(file));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(marker)) {
        return i + 1;
      }
    }
    throw new AssertionError("no " + marker + " in " + file);
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }
}
