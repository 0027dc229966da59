package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.monitor.logging.DefaultLog;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.logging.console.ConsoleLogger;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor path reloads run with, as {@link CompilePaths} reads it from the build. */
class CompilePathsTest {

  private static final List<String> COMPILE = List.of("/p/target/classes", "/m2/lombok.jar");

  private static MavenProject project(String compilerConfiguration) throws Exception {
    Model model = new Model();
    model.setBuild(new Build());
    if (compilerConfiguration != null) {
      Plugin plugin = new Plugin();
      plugin.setGroupId("org.apache.maven.plugins");
      plugin.setArtifactId("maven-compiler-plugin");
      plugin.setConfiguration(
          Xpp3DomBuilder.build(
              new StringReader("<configuration>" + compilerConfiguration + "</configuration>")));
      model.getBuild().addPlugin(plugin);
    }
    return new MavenProject(model);
  }

  @SuppressWarnings("deprecation") // the only MavenSession a test can build without a container
  private static MavenSession session() {
    return new MavenSession(null, new DefaultMavenExecutionRequest(), null, List.of());
  }

  private static final class Warnings {
    final List<String> lines = new ArrayList<>();
    final Log log =
        new DefaultLog(new ConsoleLogger()) {
          @Override
          public void warn(CharSequence content) {
            lines.add(content.toString());
          }
        };
  }

  @Test
  void withoutProcessorPathsJavacsDefaultTheCompileClassPathIsThePath() throws Exception {
    Warnings warnings = new Warnings();
    assertEquals(
        COMPILE, CompilePaths.processorPath(project(null), session(), COMPILE, warnings.log));
    assertEquals(List.of(), warnings.lines);
  }

  @Test
  void procNoneRunsNoProcessor() throws Exception {
    assertEquals(
        List.of(),
        CompilePaths.processorPath(
            project("<proc>none</proc>"), session(), COMPILE, new Warnings().log));
  }

  @Test
  void annotationProcessorPathsAreFoundAmongTheProjectsArtifacts(@TempDir Path dir)
      throws Exception {
    MavenProject project =
        project(
            "<annotationProcessorPaths>"
                + "<path><groupId>org.projectlombok</groupId><artifactId>lombok</artifactId>"
                + "<version>1.18.42</version></path>"
                + "<path><groupId>example</groupId><artifactId>missing</artifactId>"
                + "<version>1</version></path>"
                + "</annotationProcessorPaths>");
    Path lombok = Files.createFile(dir.resolve("lombok-1.18.42.jar"));
    Artifact artifact =
        new DefaultArtifact(
            "org.projectlombok", "lombok", "1.18.42", "provided", "jar", null,
            new DefaultArtifactHandler("jar"));
    artifact.setFile(lombok.toFile());
    Set<Artifact> artifacts = new LinkedHashSet<>();
    artifacts.add(artifact);
    project.setArtifacts(artifacts);
    Warnings warnings = new Warnings();

    List<String> path = CompilePaths.processorPath(project, session(), COMPILE, warnings.log);

    assertEquals(List.of(lombok.toString()), path);
    assertEquals(1, warnings.lines.size());
    assertTrue(
        warnings.lines.get(0).contains("example:missing:1")
            && warnings.lines.get(0).contains("reloads will compile without it"),
        warnings.lines.get(0));
  }
}
