package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warning of {@code hotrestart:check-processor}, before the compiler runs. */
class ProcessorCheckBeforeCompileTest {

  @TempDir Path dir;

  private final List<String> warnings = new ArrayList<>();

  private final SystemStreamLog log =
      new SystemStreamLog() {
        @Override
        public void warn(CharSequence content) {
          warnings.add(content.toString());
        }

        @Override
        public void debug(CharSequence content) {
          // the reason for saying nothing; not what these tests check
        }
      };

  /** A project whose compiler is left at Maven 3's default, 3.1, with the processor path. */
  private MavenProject project() throws Exception {
    Model model = new Model();
    model.setBuild(new Build());
    Plugin compiler = new Plugin();
    compiler.setGroupId("org.apache.maven.plugins");
    compiler.setArtifactId("maven-compiler-plugin");
    compiler.setVersion("3.1");
    compiler.setConfiguration(
        Xpp3DomBuilder.build(
            new StringReader(
                "<configuration><annotationProcessorPaths><path><groupId>dev.hotrestart</groupId>"
                    + "<artifactId>hotrestart-processor</artifactId></path></annotationProcessorPaths></configuration>")));
    model.getBuild().addPlugin(compiler);
    MavenProject project = new MavenProject(model);
    project.setFile(dir.resolve("pom.xml").toFile());
    project.addCompileSourceRoot(Files.createDirectories(dir.resolve("src/main/java")).toString());
    project.addTestCompileSourceRoot(dir.resolve("src/test/java").toString());
    return project;
  }

  @Test
  void warnsWhenTheSourcesUseTheAnnotation() throws Exception {
    MavenProject project = project();
    Path app = Files.createDirectories(dir.resolve("src/main/java/app"));
    Files.writeString(app.resolve("Main.java"), "package app; class Main { Object p = HotRestart_Pipeline.create(); }");
    Files.writeString(app.resolve("Pipeline.java"), "package app; @dev.hotrestart.HotRestartable class Pipeline {}");

    ProcessorCheck.beforeCompile(project, "0.1.0-SNAPSHOT", log);

    assertEquals(1, warnings.size(), warnings.toString());
    assertEquals(
        "hotrestart:run: the annotation processor will not run, so no HotRestart_* class will be generated"
            + " and code calling HotRestart_<Class>.create(...) will not compile (cannot find symbol)."
            + System.lineSeparator()
            + ProcessorCheck.whyNotRun(CompilerSetup.of(project, 17), "0.1.0-SNAPSHOT").orElseThrow(),
        warnings.get(0));
    assertTrue(warnings.get(0).contains("maven-compiler-plugin 3.1 ignores <annotationProcessorPaths>"), warnings.get(0));
  }

  @Test
  void saysNothingForAModuleThatOnlyUsesProxiesOfAnother() throws Exception {
    MavenProject project = project();
    Path app = Files.createDirectories(dir.resolve("src/main/java/app"));
    Files.writeString(app.resolve("Main.java"), "package app; class Main { Object p = lib.HotRestart_Shouter.create(); }");
    ProcessorCheck.beforeCompile(project, "0.1.0-SNAPSHOT", log);
    assertEquals(List.of(), warnings);
  }

  @Test
  void theAnnotationIsFoundByEitherNameInAnySourceRoot() throws Exception {
    Path main = Files.createDirectories(dir.resolve("main/com/acme"));
    Path test = Files.createDirectories(dir.resolve("test/com/acme"));
    Files.writeString(main.resolve("Plain.java"), "package com.acme; class Plain { /* HotRestartable, unused */ }");
    assertFalse(ProcessorCheck.usesTheAnnotation(List.of(dir.resolve("main"), dir.resolve("test"))));

    Files.writeString(test.resolve("package-info.java"), "@HotRestartable package com.acme;\nimport dev.hotrestart.HotRestartable;");
    assertTrue(ProcessorCheck.usesTheAnnotation(List.of(dir.resolve("main"), dir.resolve("test"))));

    Files.delete(test.resolve("package-info.java"));
    Files.write(main.resolve("Latin.java"), "/* \u00e9t\u00e9 */ @dev.hotrestart.HotRestartable class Latin {}".getBytes(StandardCharsets.ISO_8859_1));
    assertTrue(ProcessorCheck.usesTheAnnotation(List.of(dir.resolve("main"))));
  }
}
