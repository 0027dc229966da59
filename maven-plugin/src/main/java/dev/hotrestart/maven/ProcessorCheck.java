package dev.hotrestart.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Notices a build whose annotation processor did not run: without {@code HotRestart_*} classes
 * nothing in the program is wrapped and a crash is an ordinary crash, which a user would
 * otherwise only discover when the debugger fails to open.
 *
 * <p>The whole class path is searched, not only the module's own classes: in a reactor
 * ({@code mvn -pl app -am hotrestart:run}) the wrapped classes often live in a library module
 * or jar that {@code app} depends on, and then nothing is missing.
 */
final class ProcessorCheck {

  private ProcessorCheck() {}

  /**
   * Whether any {@code HotRestart_*.class} exists below the given class path elements:
   * directories are walked, jars are read; missing elements and other files are skipped.
   *
   * @throws IOException if a directory cannot be walked or a jar cannot be read
   */
  static boolean hasGeneratedClasses(List<Path> classPathElements) throws IOException {
    for (Path element : classPathElements) {
      if (Files.isDirectory(element) ? directoryHasGenerated(element) : jarHasGenerated(element)) {
        return true;
      }
    }
    return false;
  }

  private static boolean directoryHasGenerated(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.anyMatch(file -> isGenerated(file.getFileName().toString()));
    }
  }

  private static boolean jarHasGenerated(Path file) throws IOException {
    if (!Files.isRegularFile(file) || !file.getFileName().toString().endsWith(".jar")) {
      return false;
    }
    try (JarFile jar = new JarFile(file.toFile())) {
      return jar.stream()
          .anyMatch(entry -> isGenerated(entry.getName().substring(entry.getName().lastIndexOf('/') + 1)));
    }
  }

  private static boolean isGenerated(String fileName) {
    return fileName.startsWith(RuntimeContract.PROXY_PREFIX) && fileName.endsWith(".class");
  }

  /** The warning, with the exact snippet for {@code maven-compiler-plugin} at {@code version}. */
  static String warning(String version) {
    String nl = System.lineSeparator();
    String proxy = RuntimeContract.PROXY_PREFIX;
    return "hotrestart:run: no generated " + proxy + "* classes found, so no method will restart"
        + " after a crash."
        + nl
        + "Annotate classes with @" + RuntimeContract.ANNOTATION + ", create them with "
        + proxy + "<Class>.create(...), and add the annotation processor to the pom:"
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
            "        <groupId>" + RuntimeContract.PROCESSOR_GROUP_ID + "</groupId>",
            "        <artifactId>" + RuntimeContract.PROCESSOR_ARTIFACT_ID + "</artifactId>",
            "        <version>" + version + "</version>",
            "      </path>",
            "    </annotationProcessorPaths>",
            "  </configuration>",
            "</plugin>")
        + nl;
  }
}
