package dev.hotrestart.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.jar.JarFile;

/**
 * The class path of the forked JVM and how to pass it: {@code -cp <path>}, or, when the joined
 * path is long, a {@code @argfile} holding the {@code -cp} option. A deep dependency tree can
 * exceed what one argument may hold (about 8 KB for {@code cmd.exe}, 32 KB for a whole Windows
 * command line, 128 KB per argument on Linux); the {@code java} launcher reads argfiles since 9.
 */
final class ClassPath {

  /** Longest class path passed directly; longer ones go through an argfile. */
  static final int ARGFILE_THRESHOLD = 8000;

  private final List<String> elements;

  private ClassPath(List<String> elements) {
    this.elements = elements;
  }

  /** The given elements in order, the first of duplicates kept, blanks dropped. */
  static ClassPath of(List<String> elements) {
    LinkedHashSet<String> unique = new LinkedHashSet<>();
    for (String element : elements) {
      if (element != null && !element.isBlank()) {
        unique.add(element);
      }
    }
    return new ClassPath(List.copyOf(unique));
  }

  List<String> elements() {
    return elements;
  }

  /** The elements as paths. */
  List<Path> paths() {
    List<Path> paths = new ArrayList<>();
    for (String element : elements) {
      paths.add(Path.of(element));
    }
    return paths;
  }

  /** The elements joined with {@link File#pathSeparator}. */
  String joined() {
    return String.join(File.pathSeparator, elements);
  }

  /**
   * The launcher arguments for this class path: {@code -cp <path>} if it is at most
   * {@code threshold} characters long, else {@code @<argfile>} with the argfile written to
   * {@code argFile}.
   */
  List<String> launcherArguments(int threshold, Path argFile) throws IOException {
    Objects.requireNonNull(argFile, "argFile");
    String joined = joined();
    if (joined.length() <= threshold) {
      return List.of("-cp", joined);
    }
    Files.createDirectories(argFile.toAbsolutePath().getParent());
    Files.writeString(argFile, "-cp " + quoteForArgFile(joined) + System.lineSeparator(), StandardCharsets.UTF_8);
    List<String> arguments = new ArrayList<>();
    arguments.add("@" + argFile.toAbsolutePath());
    return arguments;
  }

  /**
   * Whether a class path element holds the class with the given binary name
   * ({@code com.acme.Outer$Inner}): a directory with its class file or a jar with its entry.
   * Elements that do not exist or are not jars are skipped.
   *
   * @throws IOException if a jar cannot be read
   */
  boolean containsClass(String binaryName) throws IOException {
    return elementHolding(binaryName) != null;
  }

  /**
   * The first element that holds the class with the given binary name, as {@link
   * #containsClass} finds it, or null.
   *
   * @throws IOException if a jar cannot be read
   */
  Path elementHolding(String binaryName) throws IOException {
    String entry = binaryName.replace('.', '/') + ".class";
    for (String element : elements) {
      Path path = Path.of(element);
      if (Files.isDirectory(path)) {
        if (Files.isRegularFile(path.resolve(entry))) {
          return path;
        }
      } else if (Files.isRegularFile(path) && element.endsWith(".jar")) {
        try (JarFile jar = new JarFile(path.toFile())) {
          if (jar.getEntry(entry) != null) {
            return path;
          }
        }
      }
    }
    return null;
  }

  /**
   * Quotes a value for a launcher argfile, where a backslash inside quotes is an escape: {@code
   * C:\lib} must be written {@code "C:\\lib"}.
   */
  static String quoteForArgFile(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
