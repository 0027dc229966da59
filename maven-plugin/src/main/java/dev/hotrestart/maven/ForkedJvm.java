package dev.hotrestart.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;

/** What the goals' forked JVMs get from the plugin alike: the agent, and JLine for the prompt. */
final class ForkedJvm {

  private ForkedJvm() {}

  /** The runtime jar, started as a Java agent that ends the program if Maven is killed; or null. */
  static Path runtimeAgent(ClassPath classPath, Log log) throws MojoExecutionException {
    try {
      return JavaCommand.runtimeAgent(classPath, log::debug);
    } catch (IOException e) {
      throw new MojoExecutionException("hotrestart: cannot read the class path: " + e.getMessage(), e);
    }
  }

  /**
   * Writes the list of the class path's {@code @HotRestartable} classes for the agent to route
   * (beside the class path's argfile), or returns null with a debug line when there is no agent
   * or no proxy.
   */
  static Path instanceList(Path runtimeAgent, ClassPath classPath, Path argFile, Log log)
      throws MojoExecutionException {
    if (runtimeAgent == null) {
      log.debug("hotrestart: no agent, so only instances made by HotRestart_* factories restart");
      return null;
    }
    Path file = argFile.resolveSibling("instances.txt");
    try {
      Path written = InstanceList.write(classPath, file);
      if (written == null) {
        log.debug("hotrestart: no HotRestart_* proxy in the class path's directories");
      }
      return written;
    } catch (IOException e) {
      throw new MojoExecutionException(
          "hotrestart: cannot list the @HotRestartable classes in " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * JLine, for line editing at the prompt: a dependency of this plugin, handed to the program's
   * JVM by path, where the runtime loads it apart from the program's own class path.
   */
  static List<Path> consoleClassPath(PluginDescriptor plugin, Log log) {
    Artifact jline = plugin.getArtifactMap().get("org.jline:jline");
    if (jline == null || jline.getFile() == null) {
      log.debug("hotrestart: no JLine among the plugin's dependencies; no line editing");
      return List.of();
    }
    return List.of(jline.getFile().toPath());
  }
}
