package dev.hotrestart.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Which class a module runs, or why the module is skipped.
 *
 * <p>A configured name wins; otherwise the only class with a {@code main} found by
 * {@link MainClassFinder}. In a reactor ({@code mvn -pl app -am hotrestart:run}) every module
 * reaches the goal, the libraries first: a module with no main class, or without the configured
 * one on its class path, is skipped rather than failing the build. A single project always runs
 * its configured class, and a wrong name is reported by the JVM itself.
 *
 * <p>A class, not a record: the Mojo, compiled for Java 8, uses it.
 */
final class MainClassChoice {

  private final String mainClass;
  private final String skipReason;

  private MainClassChoice(String mainClass, String skipReason) {
    this.mainClass = mainClass;
    this.skipReason = skipReason;
  }

  /** The binary name of the class to run, or {@code null} when skipped. */
  String mainClass() {
    return mainClass;
  }

  /** The line saying why this module is skipped, or {@code null} when it runs. */
  String skipReason() {
    return skipReason;
  }

  /**
   * Chooses the class to run.
   *
   * @param configured the {@code mainClass} parameter, or {@code null}/blank for the search
   * @param classDirectories where the module's own classes are, searched when none is configured
   * @param classPath the program's class path, which must hold a configured class in a reactor
   * @param inReactor whether the build has more than one module
   * @param module the module's name, for the skip line
   * @throws MojoExecutionException if the search fails, finds several classes, or finds none in a
   *     single-module build
   */
  static MainClassChoice choose(
      String configured, List<Path> classDirectories, ClassPath classPath, boolean inReactor, String module)
      throws MojoExecutionException {
    if (configured != null && !configured.isBlank()) {
      String name = configured.trim();
      if (!inReactor || containsClass(classPath, name)) {
        return new MainClassChoice(name, null);
      }
      return skipped("hotrestart:run: " + name + " is not on the class path of " + module + ", skipped");
    }
    List<MainClassFinder.MainClass> candidates;
    try {
      candidates = MainClassFinder.findMains(classDirectories);
    } catch (IOException e) {
      throw new MojoExecutionException("hotrestart:run: cannot search for a main class: " + e.getMessage(), e);
    }
    if (candidates.size() == 1) {
      return new MainClassChoice(candidates.get(0).className(), null);
    }
    if (!candidates.isEmpty()) {
      throw new MojoExecutionException(MainClassFinder.severalMainsMessage(candidates));
    }
    if (inReactor) {
      return skipped("hotrestart:run: no main class in " + module + ", skipped");
    }
    throw new MojoExecutionException(MainClassFinder.noneFoundMessage(classDirectories));
  }

  private static MainClassChoice skipped(String reason) {
    return new MainClassChoice(null, reason);
  }

  private static boolean containsClass(ClassPath classPath, String name) throws MojoExecutionException {
    try {
      return classPath.containsClass(name);
    } catch (IOException e) {
      throw new MojoExecutionException("hotrestart:run: cannot read the class path: " + e.getMessage(), e);
    }
  }
}
