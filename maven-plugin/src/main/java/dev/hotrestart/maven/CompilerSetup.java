package dev.hotrestart.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * How a module's {@code maven-compiler-plugin} is set up to run annotation processors, read from
 * Maven's model of the project (interpolated, with the versions Maven's default lifecycle
 * brings), for {@link ProcessorCheck} to tell why the processor would not run.
 *
 * @param pluginVersion the compiler plugin's version, or {@code null} when unknown
 * @param processorPaths the {@code groupId:artifactId} of each {@code annotationProcessorPaths}
 *     entry, in order
 * @param explicitProcessors whether {@code annotationProcessors} names processors to run
 * @param proc the {@code proc} setting ({@code none}, {@code only}, {@code full}), or {@code null}
 * @param compilerArgs the {@code compilerArgs} and {@code compilerArgument} words
 * @param processorIsDependency whether the processor is a (non-test) dependency, and so on the
 *     compile class path
 * @param javaFeature the feature version of the JDK that compiles (17, 25), 0 when unknown
 */
record CompilerSetup(
    String pluginVersion,
    List<String> processorPaths,
    boolean explicitProcessors,
    String proc,
    List<String> compilerArgs,
    boolean processorIsDependency,
    int javaFeature) {

  /** The compiler plugin's key in the model. */
  static final String COMPILER_PLUGIN = "org.apache.maven.plugins:maven-compiler-plugin";

  CompilerSetup {
    processorPaths = List.copyOf(processorPaths);
    compilerArgs = List.copyOf(compilerArgs);
  }

  /**
   * Reads {@code project}'s compiler configuration: the plugin's, overridden by its
   * {@code default-compile} execution's.
   *
   * @param mavenJavaFeature the feature version of Maven's JDK, which compiles unless the plugin
   *     forks another javac or a toolchain chooses the JDK
   */
  static CompilerSetup of(MavenProject project, int mavenJavaFeature) {
    Plugin compiler = project.getPlugin(COMPILER_PLUGIN);
    Xpp3Dom configuration = configuration(project);
    List<String> paths = new ArrayList<>();
    for (Xpp3Dom path : children(configuration, "annotationProcessorPaths")) {
      paths.add(text(path.getChild("groupId")) + ":" + text(path.getChild("artifactId")));
    }
    List<String> arguments = new ArrayList<>();
    children(configuration, "compilerArgs").forEach(argument -> arguments.add(text(argument)));
    String single = text(configuration == null ? null : configuration.getChild("compilerArgument"));
    if (!single.isEmpty()) {
      arguments.addAll(ArgumentSplitter.split(single));
    }
    String proc = text(configuration == null ? null : configuration.getChild("proc"));
    if (proc.isEmpty()) {
      proc = project.getProperties().getProperty("maven.compiler.proc", "").trim();
    }
    boolean forked =
        "true".equals(text(configuration == null ? null : configuration.getChild("fork")))
            || configuration != null && configuration.getChild("jdkToolchain") != null
            || project.getPlugin("org.apache.maven.plugins:maven-toolchains-plugin") != null;
    return new CompilerSetup(
        compiler == null ? null : compiler.getVersion(),
        paths,
        !children(configuration, "annotationProcessors").isEmpty(),
        proc.isEmpty() ? null : proc,
        arguments,
        isProcessor(project.getDependencies()),
        forked ? 0 : mavenJavaFeature);
  }

  /**
   * The compiler plugin's configuration for the main sources: the plugin's, overridden by its
   * {@code default-compile} execution's; {@code null} when there is none.
   */
  static Xpp3Dom configuration(MavenProject project) {
    Plugin compiler = project.getPlugin(COMPILER_PLUGIN);
    Xpp3Dom configuration = compiler == null ? null : (Xpp3Dom) compiler.getConfiguration();
    if (compiler != null) {
      for (PluginExecution execution : compiler.getExecutions()) {
        if (execution.getId().equals("default-compile") && execution.getConfiguration() != null) {
          configuration = Xpp3Dom.mergeXpp3Dom(
              new Xpp3Dom((Xpp3Dom) execution.getConfiguration()),
              configuration == null ? null : new Xpp3Dom(configuration));
        }
      }
    }
    return configuration;
  }

  private static boolean isProcessor(List<Dependency> dependencies) {
    for (Dependency dependency : dependencies) {
      if (ProcessorCheck.PROCESSOR.equals(dependency.getGroupId() + ":" + dependency.getArtifactId())
          && !"test".equals(dependency.getScope())) {
        return true;
      }
    }
    return false;
  }

  static List<Xpp3Dom> children(Xpp3Dom configuration, String name) {
    Xpp3Dom parent = configuration == null ? null : configuration.getChild(name);
    return parent == null ? List.of() : List.of(parent.getChildren());
  }

  static String text(Xpp3Dom element) {
    return element == null || element.getValue() == null ? "" : element.getValue().trim();
  }
}
