package dev.hotrestart.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The source roots of the other reactor modules whose classes the program runs with, so that
 * a crash in a wrapped class of a library module finds that module's source.
 *
 * <p>A module counts when one of its resolved dependencies has the module's {@code
 * groupId:artifactId:version} and that dependency's file is on the program's class path (which
 * leaves out, say, a test-scoped dependency under the runtime class path), or when the module's
 * output directory or jar is itself on the class path. The dependencies are the project's
 * resolved artifacts, so transitive ones count too.
 *
 * <p>Matching by coordinates is what makes {@code mvn -pl app hotrestart:run} work without
 * {@code -am}: the library is then not built in this session, its classes come from the local
 * repository's jar, yet Maven still knows the whole reactor and where the library's sources are.
 * The reloader only needs the source file and the running class, so that jar is fine.
 *
 * <p>Only main source roots are given (not test roots), and only those that exist. Roots a
 * plugin adds while building (such as {@code target/generated-sources/annotations}) are known
 * only for modules built in this session, which is enough: the reloader needs the sources of the
 * wrapped classes, and those are never generated.
 */
final class ReactorSourceRoots {

  private ReactorSourceRoots() {}

  /** A project of the reactor, other than the one that runs. */
  static final class Module {
    final String coordinates;
    final List<Path> classLocations;
    final List<Path> sourceRoots;

    /**
     * @param groupId the module's group
     * @param artifactId the module's artifact
     * @param version the module's version ({@code 1.0-SNAPSHOT}, not a timestamped one)
     * @param classLocations where this session built its classes: the output directory, and the
     *     jar when it was packaged; absolute
     * @param sourceRoots its compile source roots, absolute
     */
    Module(
        String groupId,
        String artifactId,
        String version,
        List<Path> classLocations,
        List<Path> sourceRoots) {
      this.coordinates = coordinates(groupId, artifactId, version);
      this.classLocations = List.copyOf(classLocations);
      this.sourceRoots = List.copyOf(sourceRoots);
    }
  }

  /** A resolved dependency of the project that runs, direct or transitive. */
  static final class Dependency {
    final String coordinates;
    final Path file;

    /**
     * @param groupId the dependency's group
     * @param artifactId the dependency's artifact
     * @param baseVersion its version as declared: {@code 1.0-SNAPSHOT} even when a timestamped
     *     snapshot was resolved
     * @param file the resolved file, or {@code null} if there is none
     */
    Dependency(String groupId, String artifactId, String baseVersion, Path file) {
      this.coordinates = coordinates(groupId, artifactId, baseVersion);
      this.file = file;
    }
  }

  /**
   * The existing source roots of the modules of {@code reactor} that reach {@code classPath},
   * in reactor order, each once.
   *
   * @param reactor every project of the reactor except the one that runs, even those not built
   *     in this session ({@code -pl} without {@code -am})
   * @param dependencies the resolved dependencies of the project that runs
   * @param classPath the program's class path
   */
  static List<Path> of(List<Module> reactor, List<Dependency> dependencies, List<Path> classPath) {
    Set<Path> onClassPath = new HashSet<>();
    for (Path element : classPath) {
      onClassPath.add(element.toAbsolutePath().normalize());
    }
    Set<String> used = new HashSet<>();
    for (Dependency dependency : dependencies) {
      if (dependency.file != null
          && onClassPath.contains(dependency.file.toAbsolutePath().normalize())) {
        used.add(dependency.coordinates);
      }
    }
    List<Path> roots = new ArrayList<>();
    for (Module module : reactor) {
      if (used.contains(module.coordinates) || anyOn(module.classLocations, onClassPath)) {
        for (Path root : module.sourceRoots) {
          Path normalized = root.toAbsolutePath().normalize();
          if (Files.isDirectory(normalized) && !roots.contains(normalized)) {
            roots.add(normalized);
          }
        }
      }
    }
    return roots;
  }

  private static boolean anyOn(List<Path> locations, Set<Path> onClassPath) {
    for (Path location : locations) {
      if (onClassPath.contains(location.toAbsolutePath().normalize())) {
        return true;
      }
    }
    return false;
  }

  private static String coordinates(String groupId, String artifactId, String version) {
    return Objects.requireNonNull(groupId, "groupId")
        + ':'
        + Objects.requireNonNull(artifactId, "artifactId")
        + ':'
        + Objects.requireNonNull(version, "version");
  }
}
