package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

/** The compiler's configuration as {@link CompilerSetup} reads it from Maven's model. */
class CompilerSetupTest {

  private static Xpp3Dom configuration(String xml) throws Exception {
    return Xpp3DomBuilder.build(new StringReader("<configuration>" + xml + "</configuration>"));
  }

  private static MavenProject project(Plugin... plugins) {
    Model model = new Model();
    model.setBuild(new Build());
    for (Plugin plugin : plugins) {
      model.getBuild().addPlugin(plugin);
    }
    return new MavenProject(model);
  }

  private static Plugin compiler(String version, Xpp3Dom configuration) {
    Plugin plugin = new Plugin();
    plugin.setGroupId("org.apache.maven.plugins");
    plugin.setArtifactId("maven-compiler-plugin");
    plugin.setVersion(version);
    plugin.setConfiguration(configuration);
    return plugin;
  }

  private static Dependency dependency(String groupId, String artifactId, String scope) {
    Dependency dependency = new Dependency();
    dependency.setGroupId(groupId);
    dependency.setArtifactId(artifactId);
    dependency.setScope(scope);
    return dependency;
  }

  @Test
  void readsPathsProcAndArgumentsOfThePlugin() throws Exception {
    MavenProject project =
        project(
            compiler(
                "3.13.0",
                configuration(
                    "<annotationProcessorPaths>"
                        + "<path><groupId>org.projectlombok</groupId><artifactId>lombok</artifactId><version>1</version></path>"
                        + "<path><groupId> dev.hotrestart </groupId><artifactId>hotrestart-processor</artifactId></path>"
                        + "</annotationProcessorPaths>"
                        + "<proc>full</proc>"
                        + "<compilerArgs><arg>-Xlint:all</arg><arg>-Werror</arg></compilerArgs>"
                        + "<compilerArgument>-parameters -g</compilerArgument>")));
    CompilerSetup setup = CompilerSetup.of(project, 21);
    assertEquals("3.13.0", setup.pluginVersion());
    assertEquals(List.of("org.projectlombok:lombok", "dev.hotrestart:hotrestart-processor"), setup.processorPaths());
    assertEquals("full", setup.proc());
    assertEquals(List.of("-Xlint:all", "-Werror", "-parameters", "-g"), setup.compilerArgs());
    assertFalse(setup.explicitProcessors());
    assertFalse(setup.processorIsDependency());
    assertEquals(21, setup.javaFeature());
  }

  @Test
  void theDefaultCompileExecutionOverridesThePlugin() throws Exception {
    Plugin plugin = compiler("3.11.0", configuration("<proc>full</proc><annotationProcessors><p>x.P</p></annotationProcessors>"));
    PluginExecution execution = new PluginExecution();
    execution.setId("default-compile");
    execution.setConfiguration(configuration("<proc>none</proc>"));
    plugin.addExecution(execution);
    PluginExecution other = new PluginExecution();
    other.setId("default-testCompile");
    other.setConfiguration(configuration("<proc>only</proc>"));
    plugin.addExecution(other);

    CompilerSetup setup = CompilerSetup.of(project(plugin), 17);
    assertEquals("none", setup.proc());
    assertTrue(setup.explicitProcessors(), "kept from the plugin's configuration");
  }

  @Test
  void aNonTestDependencyOnTheProcessorPutsItOnTheClassPath() {
    MavenProject project = project(compiler("3.1", null));
    project.getModel().addDependency(dependency("dev.hotrestart", "hotrestart-processor", "test"));
    assertFalse(CompilerSetup.of(project, 17).processorIsDependency());
    project.getModel().addDependency(dependency("dev.hotrestart", "hotrestart-processor", null));
    CompilerSetup setup = CompilerSetup.of(project, 17);
    assertTrue(setup.processorIsDependency());
    assertEquals("3.1", setup.pluginVersion());
    assertEquals(List.of(), setup.processorPaths());
    assertNull(setup.proc());
  }

  @Test
  void procFromThePropertyWhenThePluginSetsNone() {
    MavenProject project = project(compiler("3.13.0", null));
    project.getProperties().setProperty("maven.compiler.proc", "none");
    assertEquals("none", CompilerSetup.of(project, 17).proc());
  }

  @Test
  void theJdkIsUnknownWhenTheCompilerForksOrAToolchainChoosesIt() throws Exception {
    assertEquals(0, CompilerSetup.of(project(compiler("3.13.0", configuration("<fork>true</fork>"))), 25).javaFeature());
    assertEquals(
        0,
        CompilerSetup.of(project(compiler("3.13.0", configuration("<jdkToolchain><version>21</version></jdkToolchain>"))), 25)
            .javaFeature());
    Plugin toolchains = new Plugin();
    toolchains.setGroupId("org.apache.maven.plugins");
    toolchains.setArtifactId("maven-toolchains-plugin");
    assertEquals(0, CompilerSetup.of(project(compiler("3.13.0", null), toolchains), 25).javaFeature());
  }

  @Test
  void withoutACompilerPluginInTheModelNothingIsKnown() {
    CompilerSetup setup = CompilerSetup.of(project(), 25);
    assertNull(setup.pluginVersion());
    assertEquals(List.of(), setup.processorPaths());
    assertEquals(25, setup.javaFeature());
  }
}
