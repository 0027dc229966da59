package dev.hotrestart.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Splits one string into arguments the way a POSIX shell would, minus expansion, so that
 * {@code -Dhotrestart.args="--in 'my file.csv' --limit 10"} means what a user expects.
 *
 * <ul>
 *   <li>Whitespace separates arguments.
 *   <li>{@code '...'} is taken literally, backslashes included.
 *   <li>{@code "..."} keeps whitespace; inside it a backslash escapes only {@code "} and
 *       {@code \}.
 *   <li>Outside quotes a backslash escapes whitespace, a quote or a backslash. Before any other
 *       character it is kept, so Windows paths such as {@code C:\data\in.csv} survive unquoted.
 *   <li>Quoted and unquoted parts that touch form one argument ({@code --name="a b"}); {@code ""}
 *       and {@code ''} give an empty argument.
 * </ul>
 */
final class ArgumentSplitter {

  private ArgumentSplitter() {}

  /**
   * The program's arguments: the {@code arguments} parameter as it is (a {@code null} element,
   * from an empty one, gives the empty string), then {@code hotrestart.args} split.
   *
   * @throws MojoExecutionException if a quote in {@code commandLine} is not closed
   */
  static List<String> programArguments(List<String> arguments, String commandLine) throws MojoExecutionException {
    List<String> all = new ArrayList<>();
    if (arguments != null) {
      arguments.forEach(argument -> all.add(argument == null ? "" : argument));
    }
    all.addAll(splitParameter("hotrestart.args", commandLine));
    return all;
  }

  /**
   * The arguments of a parameter's value, or a build error naming the parameter's property.
   *
   * @throws MojoExecutionException if a quote is not closed
   */
  static List<String> splitParameter(String property, String line) throws MojoExecutionException {
    try {
      return split(line);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("hotrestart:run: cannot split " + property + ": " + e.getMessage(), e);
    }
  }

  /**
   * The arguments in {@code line}, none for {@code null} or blank.
   *
   * @throws IllegalArgumentException if a quote is not closed
   */
  static List<String> split(String line) {
    List<String> arguments = new ArrayList<>();
    if (line == null) {
      return arguments;
    }
    StringBuilder current = new StringBuilder();
    // true once the current argument has started, even if it is still empty (after "")
    boolean inArgument = false;
    int i = 0;
    int length = line.length();
    while (i < length) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        if (inArgument) {
          arguments.add(current.toString());
          current.setLength(0);
          inArgument = false;
        }
        i++;
      } else if (c == '\'') {
        int close = line.indexOf('\'', i + 1);
        if (close < 0) {
          throw unterminated('\'', i, line);
        }
        current.append(line, i + 1, close);
        inArgument = true;
        i = close + 1;
      } else if (c == '"') {
        i = readDoubleQuoted(line, i, current);
        inArgument = true;
      } else if (c == '\\' && i + 1 < length && escapableOutsideQuotes(line.charAt(i + 1))) {
        current.append(line.charAt(i + 1));
        inArgument = true;
        i += 2;
      } else {
        current.append(c);
        inArgument = true;
        i++;
      }
    }
    if (inArgument) {
      arguments.add(current.toString());
    }
    return arguments;
  }

  /** Appends the content of the double-quoted part opening at {@code open}; returns the index after it. */
  private static int readDoubleQuoted(String line, int open, StringBuilder current) {
    int i = open + 1;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
        current.append(line.charAt(i + 1));
        i += 2;
      } else {
        current.append(c);
        i++;
      }
    }
    throw unterminated('"', open, line);
  }

  private static boolean escapableOutsideQuotes(char next) {
    return Character.isWhitespace(next) || next == '"' || next == '\'' || next == '\\';
  }

  private static IllegalArgumentException unterminated(char quote, int index, String line) {
    return new IllegalArgumentException(
        "unterminated " + quote + " at position " + (index + 1) + " in: " + line);
  }
}
