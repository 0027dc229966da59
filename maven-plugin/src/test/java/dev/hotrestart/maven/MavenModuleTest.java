package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads Maven's model of a project as the goal sees it after the forked {@code test-compile}. */
class MavenModuleTest {

  @TempDir Path root;

  private MavenProject project(String name) throws IOException {
    Path dir = Files.createDirectories(root.resolve(name));
    Model model = new Model();
    model.setGroupId("com.acme");
    model.setArtifactId(name);
    model.setVersion("1.0");
    model.setBuild(new Build());
    MavenProject project = new MavenProject(model);
    project.setFile(dir.resolve("pom.xml").toFile());
    project.getBuild().setDirectory(dir.resolve("target").toString());
    project.getBuild().setOutputDirectory(dir.resolve("target/classes").toString());
    project.getBuild().setTestOutputDirectory(dir.resolve("target/test-classes").toString());
    project.addCompileSourceRoot(Files.createDirectories(dir.resolve("src/main/java")).toString());
    project.addTestCompileSourceRoot(dir.resolve("src/test/java").toString());
    return project;
  }

  private static Artifact jar(String artifactId, File file) {
    DefaultArtifactHandler handler = new DefaultArtifactHandler("jar");
    handler.setAddedToClasspath(true);
    Artifact artifact = new DefaultArtifact("com.acme", artifactId, "1.0", "compile", "jar", null, handler);
    artifact.setFile(file);
    return artifact;
  }

  @Test
  void classDirectoriesAddTheTestClassesForTheTestScope() throws Exception {
    MavenModule module = new MavenModule(project("app"), false, List.of());
    Path target = root.resolve("app/target");
    assertEquals(List.of(target.resolve("classes")), module.classDirectories(ClasspathScope.RUNTIME));
    assertEquals(
        List.of(target.resolve("classes"), target.resolve("test-classes")),
        module.classDirectories(ClasspathScope.TEST));
    assertEquals(target.resolve("hotrestart/classpath.argfile"), module.argFile());
    assertEquals("app", module.name());
  }

  @Test
  void ownSourceRootsIncludeThoseTheForkedBuildAddedAndExist() throws Exception {
    MavenProject app = project("app");
    Path generated = Files.createDirectories(root.resolve("app/target/generated-sources/annotations"));
    // the forked test-compile runs on a copy, where the compiler plugin records its output
    MavenProject copy = app.clone();
    copy.addCompileSourceRoot(generated.toString());
    app.setExecutionProject(copy);
    Path main = root.resolve("app/src/main/java");

    assertEquals(List.of(main, generated), MavenModule.ownSourceRoots(app, ClasspathScope.RUNTIME));
    // src/test/java is listed by Maven but does not exist
    assertEquals(List.of(main, generated), MavenModule.ownSourceRoots(app, ClasspathScope.TEST));
    Path test = Files.createDirectories(root.resolve("app/src/test/java"));
    assertEquals(List.of(main, generated, test), MavenModule.ownSourceRoots(app, ClasspathScope.TEST));
  }

  @Test
  void configuredSourceRootsReplaceTheDefault() throws Exception {
    MavenProject app = project("app");
    MavenModule module = new MavenModule(app, false, List.of(app));
    assertEquals(
        List.of(root.resolve("app/src/app"), root.resolve("shared")),
        module.sourceRoots(
            ClasspathScope.RUNTIME,
            List.of(new File("src/app"), root.resolve("shared").toFile()),
            ClassPath.of(List.of())));
  }

  @Test
  void theDefaultSourceRootsAreThisModulesThenThoseOfReactorModulesOnTheClassPath() throws Exception {
    MavenProject app = project("app");
    MavenProject lib = project("lib"); // built in this session: its target/classes is on the class path
    MavenProject core = project("core"); // not built (-pl without -am): its installed jar is a dependency
    MavenProject tools = project("tools"); // unrelated
    Path coreJar = root.resolve("repo/core-1.0.jar");
    Set<Artifact> artifacts = new LinkedHashSet<>(List.of(jar("core", coreJar.toFile())));
    app.setArtifacts(artifacts);
    ClassPath classPath =
        ClassPath.of(
            List.of(
                root.resolve("app/target/classes").toString(),
                root.resolve("lib/target/classes").toString(),
                coreJar.toString()));
    MavenModule module = new MavenModule(app, true, List.of(core, lib, tools, app));

    assertEquals(
        List.of(
            root.resolve("app/src/main/java"),
            root.resolve("core/src/main/java"),
            root.resolve("lib/src/main/java")),
        module.sourceRoots(ClasspathScope.RUNTIME, null, classPath));
    assertTrue(module.inReactor());
  }

  @Test
  void theClassPathIsMavensForTheScope() throws Exception {
    MavenProject app = project("app");
    Path library = root.resolve("repo/lib-1.0.jar");
    app.setArtifacts(new LinkedHashSet<>(List.of(jar("lib", library.toFile()))));
    MavenModule module = new MavenModule(app, false, List.of(app));

    assertEquals(
        List.of(root.resolve("app/target/classes").toString(), library.toString()),
        module.classPath(ClasspathScope.RUNTIME).elements());
    assertEquals(
        List.of(
            root.resolve("app/target/test-classes").toString(),
            root.resolve("app/target/classes").toString(),
            library.toString()),
        module.classPath(ClasspathScope.TEST).elements());
    assertFalse(module.inReactor());
  }

  @Test
  void theSourceEncodingIsTheProjectProperty() throws Exception {
    MavenProject app = project("app");
    MavenModule module = new MavenModule(app, false, List.of(app));
    assertEquals(null, module.sourceEncoding());
    app.getProperties().setProperty("project.build.sourceEncoding", "ISO-8859-1");
    assertEquals("ISO-8859-1", module.sourceEncoding());
  }
}
