package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class ArgumentSplitterTest {

  @Test
  void nullAndBlankGiveNoArguments() {
    assertEquals(List.of(), ArgumentSplitter.split(null));
    assertEquals(List.of(), ArgumentSplitter.split(""));
    assertEquals(List.of(), ArgumentSplitter.split("  \t\n "));
  }

  @Test
  void whitespaceSeparatesAndRunsOfItCountOnce() {
    assertEquals(List.of("-Xmx1g", "-ea", "--x"), ArgumentSplitter.split("  -Xmx1g \t -ea\n--x  "));
  }

  @Test
  void doubleQuotesKeepSpacesAndJoinTheirNeighbours() {
    assertEquals(
        List.of("--in", "my data.csv", "--name=a b", "-Dgreeting=hello world"),
        ArgumentSplitter.split("--in \"my data.csv\" --name=\"a b\" \"-Dgreeting=hello world\""));
  }

  @Test
  void singleQuotesAreLiteral() {
    assertEquals(
        List.of("a \"b\" \\n $HOME", "x"), ArgumentSplitter.split("'a \"b\" \\n $HOME' x"));
  }

  @Test
  void insideDoubleQuotesBackslashEscapesOnlyQuoteAndBackslash() {
    assertEquals(
        List.of("say \"hi\"", "a\\b", "c\\d"),
        ArgumentSplitter.split("\"say \\\"hi\\\"\" \"a\\\\b\" \"c\\d\""));
  }

  @Test
  void outsideQuotesBackslashEscapesSpaceQuotesAndBackslash() {
    assertEquals(
        List.of("my file", "'", "\"", "\\"),
        ArgumentSplitter.split("my\\ file \\' \\\" \\\\"));
  }

  @Test
  void windowsPathsSurviveUnquoted() {
    assertEquals(
        List.of("C:\\data\\in.csv", "-Dlog=D:\\logs"),
        ArgumentSplitter.split("C:\\data\\in.csv -Dlog=D:\\logs"));
  }

  @Test
  void trailingBackslashIsKept() {
    assertEquals(List.of("end\\"), ArgumentSplitter.split("end\\"));
  }

  @Test
  void emptyQuotesGiveEmptyArguments() {
    assertEquals(List.of("", "x", ""), ArgumentSplitter.split("\"\" x ''"));
    assertEquals(List.of("--sep="), ArgumentSplitter.split("--sep=''"));
  }

  @Test
  void unterminatedQuotesAreRejectedWithThePosition() {
    IllegalArgumentException doubleQuote =
        assertThrows(IllegalArgumentException.class, () -> ArgumentSplitter.split("a \"b c"));
    assertTrue(doubleQuote.getMessage().contains("unterminated \" at position 3"), doubleQuote.getMessage());
    IllegalArgumentException singleQuote =
        assertThrows(IllegalArgumentException.class, () -> ArgumentSplitter.split("it's"));
    assertTrue(singleQuote.getMessage().contains("unterminated ' at position 3"), singleQuote.getMessage());
  }

  @Test
  void programArgumentsAreThePomsAsTheyAreThenTheSplitProperty() throws Exception {
    assertEquals(
        List.of("pom one", "", "cli", "two words"),
        ArgumentSplitter.programArguments(Arrays.asList("pom one", null), "cli 'two words'"));
    assertEquals(List.of("x"), ArgumentSplitter.programArguments(null, "x"));
    assertEquals(List.of(), ArgumentSplitter.programArguments(null, null));
  }

  @Test
  void anUnclosedQuoteInAParameterFailsTheBuildNamingItsProperty() {
    MojoExecutionException e =
        assertThrows(
            MojoExecutionException.class, () -> ArgumentSplitter.splitParameter("hotrestart.jvmArgs", "-Da='b"));
    assertTrue(e.getMessage().startsWith("hotrestart:run: cannot split hotrestart.jvmArgs: "), e.getMessage());
    e = assertThrows(MojoExecutionException.class, () -> ArgumentSplitter.programArguments(List.of(), "\"a"));
    assertTrue(e.getMessage().startsWith("hotrestart:run: cannot split hotrestart.args: "), e.getMessage());
  }
}
