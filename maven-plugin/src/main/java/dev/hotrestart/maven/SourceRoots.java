package dev.hotrestart.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the debugger finds the sources of the running classes ({@code -Dhotrestart.sourceRoots}):
 * the configured roots, else the module's existing source roots followed by those of the
 * reactor modules it runs with ({@link ReactorSourceRoots}). Each root is absolute, normalised and
 * given once, in that order.
 */
final class SourceRoots {

  private SourceRoots() {}

  /** The {@code sourceRoots} parameter, relative entries resolved against the module's directory. */
  static List<Path> configured(Path basedir, List<Path> configured) {
    List<Path> roots = new ArrayList<>();
    for (Path root : configured) {
      add(roots, basedir.resolve(root).normalize());
    }
    return roots;
  }

  /**
   * The candidates that exist as directories, resolved against {@code basedir}: Maven lists a
   * conventional root such as {@code src/test/java} whether or not the project has one.
   */
  static List<Path> existing(Path basedir, List<String> candidates) {
    List<Path> roots = new ArrayList<>();
    for (String candidate : candidates) {
      Path root = basedir.resolve(candidate).normalize();
      if (Files.isDirectory(root)) {
        add(roots, root);
      }
    }
    return roots;
  }

  /** {@code first}, then the roots of {@code more} not already in it. */
  static List<Path> union(List<Path> first, List<Path> more) {
    List<Path> roots = new ArrayList<>();
    first.forEach(root -> add(roots, root));
    more.forEach(root -> add(roots, root));
    return roots;
  }

  private static void add(List<Path> roots, Path root) {
    if (!roots.contains(root)) {
      roots.add(root);
    }
  }
}
