package dev.hotrestart.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

/**
 * What {@code hotrestart:run} needs to know about the module it runs and its reactor, read from
 * Maven's model into plain values for the classes that decide ({@link MainClassChoice},
 * {@link SourceRoots}, {@link ReactorSourceRoots}).
 */
final class MavenModule {

  private final MavenProject project;
  private final boolean inReactor;
  private final List<MavenProject> reactor;

  /**
   * @param project the module that runs
   * @param inReactor whether this session builds more than one module
   * @param reactor every project of the reactor, even those {@code -pl} leaves out of the build
   */
  MavenModule(MavenProject project, boolean inReactor, List<MavenProject> reactor) {
    this.project = project;
    this.inReactor = inReactor;
    this.reactor = List.copyOf(reactor);
  }

  /**
   * The session's module. {@code getProjects()} holds only the modules built in this session
   * ({@code app} alone for {@code -pl app}); the libraries it depends on may still be modules of
   * the whole reactor, {@code getAllProjects()}.
   */
  static MavenModule of(MavenProject project, MavenSession session) {
    List<MavenProject> all = session.getAllProjects();
    return new MavenModule(project, session.getProjects().size() > 1, all == null ? session.getProjects() : all);
  }

  String name() {
    return project.getArtifactId();
  }

  boolean inReactor() {
    return inReactor;
  }

  /** The directories of the module's own classes: its main classes, and its test classes for {@code test}. */
  List<Path> classDirectories(ClasspathScope scope) {
    List<Path> directories = new ArrayList<>();
    directories.add(Path.of(project.getBuild().getOutputDirectory()));
    if (scope == ClasspathScope.TEST) {
      directories.add(Path.of(project.getBuild().getTestOutputDirectory()));
    }
    return directories;
  }

  /** The program's class path for the scope, as Maven resolved it. */
  ClassPath classPath(ClasspathScope scope) throws MojoExecutionException {
    try {
      return ClassPath.of(
          scope == ClasspathScope.TEST ? project.getTestClasspathElements() : project.getRuntimeClasspathElements());
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("hotrestart:run: dependencies are not resolved", e);
    }
  }

  /**
   * The source roots for the debugger: the configured ones if any, else those of this module (its
   * test roots too for {@code test}) and of the reactor modules whose classes are on the class
   * path, so that a crash in a wrapped class of a library module finds that module's source, with
   * {@code -am} or without.
   */
  List<Path> sourceRoots(ClasspathScope scope, List<File> configured, ClassPath classPath) {
    Path basedir = project.getBasedir().toPath();
    if (configured != null && !configured.isEmpty()) {
      return SourceRoots.configured(basedir, configured.stream().map(File::toPath).toList());
    }
    List<ReactorSourceRoots.Module> modules = new ArrayList<>();
    for (MavenProject module : reactor) {
      if (module != project) {
        modules.add(reactorModule(module));
      }
    }
    List<ReactorSourceRoots.Dependency> dependencies = new ArrayList<>();
    for (Artifact artifact : project.getArtifacts()) {
      dependencies.add(
          new ReactorSourceRoots.Dependency(
              artifact.getGroupId(),
              artifact.getArtifactId(),
              artifact.getBaseVersion(),
              artifact.getFile() == null ? null : artifact.getFile().toPath()));
    }
    List<Path> elements = classPath.elements().stream().map(Path::of).toList();
    return SourceRoots.union(
        ownSourceRoots(project, scope), ReactorSourceRoots.of(modules, dependencies, elements));
  }

  private static ReactorSourceRoots.Module reactorModule(MavenProject module) {
    List<Path> classLocations = new ArrayList<>();
    classLocations.add(Path.of(module.getBuild().getOutputDirectory()));
    File jar = module.getArtifact() == null ? null : module.getArtifact().getFile();
    if (jar != null) {
      classLocations.add(jar.toPath());
    }
    return new ReactorSourceRoots.Module(
        module.getGroupId(),
        module.getArtifactId(),
        module.getVersion(),
        classLocations,
        ownSourceRoots(module, ClasspathScope.RUNTIME));
  }

  /**
   * The module's existing compile source roots, then its test roots for {@code test}. The forked
   * {@code test-compile} runs on a copy of the project (the execution project): roots added
   * during it, such as the annotation processor's output, are recorded there.
   */
  static List<Path> ownSourceRoots(MavenProject module, ClasspathScope scope) {
    List<MavenProject> copies = new ArrayList<>(List.of(module));
    if (module.getExecutionProject() != null) {
      copies.add(module.getExecutionProject());
    }
    List<String> candidates = new ArrayList<>();
    copies.forEach(copy -> candidates.addAll(copy.getCompileSourceRoots()));
    if (scope == ClasspathScope.TEST) {
      copies.forEach(copy -> candidates.addAll(copy.getTestCompileSourceRoots()));
    }
    return SourceRoots.existing(module.getBasedir().toPath(), candidates);
  }

  /** {@code project.build.sourceEncoding}, or {@code null}. */
  String sourceEncoding() {
    return project.getProperties().getProperty("project.build.sourceEncoding");
  }

  /** Where a class path too long for the command line is written. */
  Path argFile() {
    return Path.of(project.getBuild().getDirectory(), "hotrestart", "classpath.argfile");
  }
}
