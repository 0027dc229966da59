package dev.hotrestart.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The list of {@code @HotRestartable} classes the runtime's agent routes as they load, so that
 * instances made by {@code new}, reflection or a framework restart like factory-made ones: one line
 * per generated proxy found in the class path's directories ({@code target/classes}, {@code
 * target/test-classes}, reactor modules' classes), the annotated class's internal name, a space,
 * the proxy's ({@code demo/Work demo/HotRestart_Work}). The agent's option {@code instances=FILE}
 * names the file. Classes in jars are not listed: they are not the project's own sources, which a
 * reload could recompile.
 */
final class InstanceList {

  private InstanceList() {}

  /**
   * The lines of the list, sorted: each proxy ({@code HotRestart_*.class}) of the directories
   * and the class it extends.
   *
   * @param directories class path elements; those that are not directories are skipped
   * @return one line per proxy
   * @throws IOException if a directory cannot be walked or a proxy's class file read
   */
  static List<String> lines(List<Path> directories) throws IOException {
    TreeMap<String, String> proxies = new TreeMap<>();
    for (Path directory : directories) {
      if (!Files.isDirectory(directory)) {
        continue;
      }
      List<Path> files;
      try (Stream<Path> walk = Files.walk(directory)) {
        files = walk.filter(InstanceList::isProxyFile).toList();
      }
      for (Path file : files) {
        List<String> names = MainClassFinder.classAndSuperclass(file);
        proxies.putIfAbsent(names.get(1), names.get(0));
      }
    }
    List<String> lines = new ArrayList<>();
    proxies.forEach((annotated, proxy) -> lines.add(annotated + " " + proxy));
    return lines;
  }

  /**
   * Writes the list for {@code classPath} to {@code file}.
   *
   * @return {@code file}, or null when the class path's directories hold no proxy (then no file
   *     is written and the agent gets no option)
   * @throws IOException if the list cannot be made or written
   */
  static Path write(ClassPath classPath, Path file) throws IOException {
    List<String> lines = lines(classPath.paths());
    if (lines.isEmpty()) {
      return null;
    }
    Files.createDirectories(file.getParent());
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  private static boolean isProxyFile(Path file) {
    return RuntimeContract.isProxyClassFile(file.getFileName().toString())
        && Files.isRegularFile(file);
  }
}
