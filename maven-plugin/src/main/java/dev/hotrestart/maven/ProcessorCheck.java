package dev.hotrestart.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Notices a build whose annotation processor did not run: without {@code HotRestart_*} classes
 * nothing in the program is wrapped and a crash is an ordinary crash, which a user would
 * otherwise only discover when the debugger fails to open.
 */
final class ProcessorCheck {

  private ProcessorCheck() {}

  /**
   * Whether any {@code HotRestart_*.class} exists below the given directories (missing ones are
   * skipped).
   */
  static boolean hasGeneratedClasses(List<Path> classDirectories) throws IOException {
    for (Path directory : classDirectories) {
      if (!Files.isDirectory(directory)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(directory)) {
        boolean found =
            files.anyMatch(
                file -> {
                  String name = file.getFileName().toString();
                  return name.startsWith("HotRestart_") && name.endsWith(".class");
                });
        if (found) {
          return true;
        }
      }
    }
    return false;
  }

  /** The warning, with the exact snippet for {@code maven-compiler-plugin} at {@code version}. */
  static String warning(String version) {
    String nl = System.lineSeparator();
    return "hotrestart:run: no generated HotRestart_* classes found, so no method will restart"
        + " after a crash."
        + nl
        + "Annotate classes with @dev.hotrestart.HotRestartable, create them with"
        + " HotRestart_<Class>.create(...), and add the annotation processor to the pom:"
        + nl
        + snippet(version)
        + "If <annotationProcessorPaths> already lists other processors (Lombok, MapStruct, ...),"
        + " add this <path> beside them.";
  }

  /** The {@code maven-compiler-plugin} configuration that runs the processor. */
  static String snippet(String version) {
    String nl = System.lineSeparator();
    return String.join(
            nl,
            "<plugin>",
            "  <groupId>org.apache.maven.plugins</groupId>",
            "  <artifactId>maven-compiler-plugin</artifactId>",
            "  <configuration>",
            "    <annotationProcessorPaths>",
            "      <path>",
            "        <groupId>dev.hotrestart</groupId>",
            "        <artifactId>hotrestart-processor</artifactId>",
            "        <version>" + version + "</version>",
            "      </path>",
            "    </annotationProcessorPaths>",
            "  </configuration>",
            "</plugin>")
        + nl;
  }
}
