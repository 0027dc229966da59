package dev.hotrestart.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Run by {@code hotrestart:run} before it compiles the project, not meant to be called on its
 * own: when the module's sources use {@code @HotRestartable} and the annotation processor will
 * not run with the compiler's configuration (an old maven-compiler-plugin, processor paths that
 * leave it out, a JDK 23 or newer that ignores processors on the class path), it says which and
 * how to fix it, before the compiler reports a bare {@code cannot find symbol}.
 *
 * @since 0.1.0
 */
// hotrestart:run's forked lifecycle runs this goal (META-INF/maven/lifecycle.xml): it reaches
// the compiler's configuration before the compiler runs, which the run goal itself cannot.
// Compiled for Java 8 like RunMojo, for the same reason: on an older JVM it does nothing and
// hotrestart:run reports that Java 17 is needed.
@Mojo(name = "check-processor", threadSafe = true)
public class CheckProcessorMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  private PluginDescriptor plugin;

  @Override
  public void execute() throws MojoExecutionException {
    String javaProblem =
        JavaRequirement.problem(
            System.getProperty("java.specification.version"), System.getProperty("java.home"));
    if (javaProblem != null || "pom".equals(project.getPackaging())) {
      return;
    }
    ProcessorCheck.beforeCompile(project, plugin.getVersion(), getLog());
  }
}
