package dev.hotrestart.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;

/**
 * What reloads and {@code p} in the forked JVM compile with besides the running class path, as the
 * build compiled: the {@code provided} (compile-only) dependencies, and the annotation processor
 * path, so that Lombok and other processors run on a reloaded file as they ran in the build.
 */
final class CompilePaths {

  private CompilePaths() {}

  /**
   * The runtime's {@code hotrestart.compileClassPath} and {@code hotrestart.processorPath}, each
   * only when not empty.
   *
   * @param running the class path the program runs with
   */
  static Map<String, String> properties(
      MavenProject project, MavenSession session, ClasspathScope scope, ClassPath running, Log log)
      throws MojoExecutionException {
    List<String> compile;
    try {
      compile =
          scope == ClasspathScope.TEST
              ? project.getTestClasspathElements()
              : project.getCompileClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("hotrestart:run: dependencies are not resolved", e);
    }
    Set<String> extra = new LinkedHashSet<>(compile);
    extra.removeAll(running.elements());
    List<String> processors = processorPath(project, session, compile, log);
    Map<String, String> properties = new LinkedHashMap<>();
    if (!extra.isEmpty()) {
      properties.put(RuntimeContract.COMPILE_CLASS_PATH, String.join(File.pathSeparator, extra));
    }
    if (!processors.isEmpty()) {
      properties.put(RuntimeContract.PROCESSOR_PATH, String.join(File.pathSeparator, processors));
    }
    return properties;
  }

  /**
   * The processor path javac had in the build: none with {@code proc} {@code none}; the jars of
   * {@code annotationProcessorPaths} when it is set (found among the project's artifacts or in
   * the local repository, where the build's compile put them; their own dependencies are not
   * followed); else the compile class path, where javac looks for processors by default.
   */
  static List<String> processorPath(
      MavenProject project, MavenSession session, List<String> compileClassPath, Log log) {
    Xpp3Dom configuration = CompilerSetup.configuration(project);
    String proc =
        CompilerSetup.text(configuration == null ? null : configuration.getChild("proc"));
    if (proc.isEmpty()) {
      proc = project.getProperties().getProperty("maven.compiler.proc", "").trim();
    }
    if ("none".equals(proc)) {
      return List.of();
    }
    List<Xpp3Dom> paths = CompilerSetup.children(configuration, "annotationProcessorPaths");
    if (paths.isEmpty()) {
      return List.copyOf(compileClassPath);
    }
    List<String> entries = new ArrayList<>();
    for (Xpp3Dom path : paths) {
      String groupId = CompilerSetup.text(path.getChild("groupId"));
      String artifactId = CompilerSetup.text(path.getChild("artifactId"));
      String version = CompilerSetup.text(path.getChild("version"));
      Path jar = find(project, session, groupId, artifactId, version, path);
      if (jar == null) {
        log.warn(
            "hotrestart: the annotation processor " + groupId + ":" + artifactId + ":" + version
                + " of annotationProcessorPaths is not in the local repository; reloads will"
                + " compile without it (run mvn compile once, then hotrestart:run)");
      } else {
        entries.add(jar.toString());
      }
    }
    return entries;
  }

  private static Path find(
      MavenProject project, MavenSession session, String groupId, String artifactId,
      String version, Xpp3Dom path) {
    for (Artifact artifact : project.getArtifacts()) {
      if (artifact.getGroupId().equals(groupId)
          && artifact.getArtifactId().equals(artifactId)
          && (version.isEmpty() || version.equals(artifact.getVersion()))
          && artifact.getFile() != null) {
        return artifact.getFile().toPath();
      }
    }
    RepositorySystemSession repository = session.getRepositorySession();
    if (version.isEmpty() || repository == null || repository.getLocalRepositoryManager() == null) {
      return null;
    }
    String type = CompilerSetup.text(path.getChild("type"));
    DefaultArtifact wanted =
        new DefaultArtifact(
            groupId,
            artifactId,
            CompilerSetup.text(path.getChild("classifier")),
            type.isEmpty() ? "jar" : type,
            version);
    Path jar =
        repository
            .getLocalRepository()
            .getBasedir()
            .toPath()
            .resolve(repository.getLocalRepositoryManager().getPathForLocalArtifact(wanted));
    return Files.isRegularFile(jar) ? jar : null;
  }
}
