package dev.hotrestart.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Folder trees of the benchmarks' scratch work: sources, class files, sample projects. */
final class Trees {

  private Trees() {}

  /** Copies {@code from} into {@code to}, leaving out any {@code target} folder at its top. */
  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        Path relative = from.relativize(path);
        if (relative.startsWith("target")) {
          continue;
        }
        Path copy = to.resolve(relative.toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** Deletes a tree, if it exists. */
  static void delete(Path tree) {
    if (!Files.exists(tree)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(tree)) {
      List<Path> deepestFirst =
          walk.sorted(Comparator.comparingInt(Path::getNameCount).reversed()).collect(Collectors.toList());
      for (Path p : deepestFirst) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
