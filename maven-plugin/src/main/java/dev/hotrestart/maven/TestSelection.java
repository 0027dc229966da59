package dev.hotrestart.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Which test classes and methods {@code hotrestart:test} runs: {@code -Dtest} read as Surefire
 * reads it, else Surefire's default includes, applied to the compiled test classes. The result is
 * the runtime's {@code TestMain} arguments: one per class, {@code shop.CartTest} or {@code
 * shop.CartTest#total*+discount}.
 *
 * <p>{@code -Dtest} is a comma-separated list of {@code class[#method[+method...]]}: a class is a
 * simple name ({@code CartTest}, any package), a qualified one ({@code shop.CartTest}) or a path
 * ({@code shop/**}{@code /Cart*}); {@code *} and {@code ?} match within a name or a package,
 * {@code **} any packages; a method is a name with {@code *}; a leading {@code !} excludes
 * classes. {@code %regex[...]} is refused with a line saying so.
 */
final class TestSelection {

  /** Surefire's default includes, without {@code -Dtest}. */
  static final List<String> DEFAULT_INCLUDES = List.of("**/Test*", "**/*Test", "**/*Tests", "**/*TestCase");

  private record Entry(Pattern classPattern, List<String> methods, boolean exclude) {}

  private final List<Entry> entries;
  private final boolean specified;

  private TestSelection(List<Entry> entries, boolean specified) {
    this.entries = entries;
    this.specified = specified;
  }

  /**
   * Reads {@code -Dtest}; {@code null} or blank selects with the default includes.
   *
   * @throws MojoExecutionException for a {@code %regex[...]} entry or an entry without a class
   */
  static TestSelection parse(String test) throws MojoExecutionException {
    List<Entry> entries = new ArrayList<>();
    if (test == null || test.isBlank()) {
      for (String include : DEFAULT_INCLUDES) {
        entries.add(new Entry(classPattern(include), List.of(), false));
      }
      return new TestSelection(entries, false);
    }
    for (String raw : test.split(",")) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.startsWith("%regex[")) {
        throw new MojoExecutionException("hotrestart:test: -Dtest=" + test + ": %regex[...] is not"
            + " supported; use class names with * (CartTest, shop.Cart*, shop/**/Cart*Test#total*)");
      }
      boolean exclude = entry.startsWith("!");
      String body = exclude ? entry.substring(1).strip() : entry;
      int hash = body.indexOf('#');
      String classPart = hash < 0 ? body : body.substring(0, hash);
      List<String> methods = new ArrayList<>();
      if (hash >= 0) {
        for (String method : body.substring(hash + 1).split("\\+")) {
          if (!method.isBlank()) {
            methods.add(method.strip());
          }
        }
      }
      entries.add(new Entry(classPattern(classPart.isBlank() ? "*" : classPart), methods, exclude));
    }
    return new TestSelection(entries, true);
  }

  /** Whether {@code -Dtest} was given (then selecting nothing fails the build, as in Surefire). */
  boolean specified() {
    return specified;
  }

  /**
   * The {@code TestMain} arguments for the candidate classes, in their order.
   *
   * @param classes binary names of top-level test classes ({@code shop.CartTest})
   */
  List<String> arguments(List<String> classes) {
    List<String> arguments = new ArrayList<>();
    for (String className : classes) {
      String path = className.replace('.', '/');
      Set<String> methods = new LinkedHashSet<>();
      boolean included = false;
      boolean allMethods = false;
      boolean excluded = false;
      for (Entry entry : entries) {
        if (!entry.classPattern().matcher(path).matches()) {
          continue;
        }
        if (entry.exclude()) {
          excluded |= entry.methods().isEmpty();
        } else {
          included = true;
          allMethods |= entry.methods().isEmpty();
          methods.addAll(entry.methods());
        }
      }
      if (included && !excluded) {
        arguments.add(allMethods || methods.isEmpty() ? className : className + "#" + String.join("+", methods));
      }
    }
    return arguments;
  }

  /**
   * The top-level classes under a test classes directory, as binary names, sorted; none if it
   * does not exist.
   *
   * @throws IOException if the directory cannot be read
   */
  static List<String> testClasses(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> directory.relativize(file).toString().replace('\\', '/'))
          .filter(name -> name.endsWith(".class") && !name.contains("$"))
          .filter(name -> !name.endsWith("package-info.class") && !name.endsWith("module-info.class"))
          .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
          .sorted()
          .toList();
    }
  }

  /**
   * A class pattern as a regular expression over {@code shop/CartTest}: a name without {@code /}
   * is qualified by dots ({@code shop.CartTest}) or, alone, in any package.
   */
  static Pattern classPattern(String pattern) {
    String path = pattern.strip();
    for (String suffix : List.of(".java", ".class")) {
      if (path.endsWith(suffix)) {
        path = path.substring(0, path.length() - suffix.length());
      }
    }
    if (!path.contains("/")) {
      path = path.replace('.', '/');
    }
    if (!path.contains("/")) {
      path = "**/" + path;
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (path.startsWith("**/", i)) {
        regex.append("(?:.*/)?");
        i += 2;
      } else if (path.startsWith("**", i)) {
        regex.append(".*");
        i += 1;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
