package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code mvn hotrestart:run} in a project that does not declare the plugin, with {@code
 * <pluginGroups>} naming {@code dev.hotrestart} in the settings, as the README says.
 *
 * <p>Maven finds the prefix in the group's metadata, which the plugin's install must write. The
 * shared {@code it-repo} cannot show that: {@code invoker:install} writes no group metadata on
 * Maven before 3.9 (nor does maven-install-plugin 3.x), whatever the plugin's build does. So this
 * test installs the plugin the way a user does, {@code mvn install} of its sources, with the Maven
 * that runs this build, into a repository of its own.
 */
class PluginPrefixIT {

  @Test
  void theInstallWritesTheGroupMetadataAndThePrefixResolvesWithPluginGroups() throws Exception {
    Path repo = Files.createTempDirectory(Files.createDirectories(SampleProject.WORK), "prefix-repo-");
    for (String artifact : new String[] {"hotrestart-runtime", "hotrestart-processor"}) {
      SampleProject.copyTree(
          SampleProject.REPO.resolve("dev/hotrestart").resolve(artifact), repo.resolve("dev/hotrestart").resolve(artifact));
    }
    Path sources = Files.createTempDirectory(SampleProject.WORK, "plugin-sources-");
    Files.copy(SampleProject.ROOT.resolve("pom.xml"), sources.resolve("pom.xml"));
    SampleProject.copyTree(SampleProject.ROOT.resolve("maven-plugin"), sources.resolve("maven-plugin"));
    SampleProject build = SampleProject.at(sources);
    Path settings = SampleProject.settings();
    build.buildWith(settings, repo, "-N", "install").succeeded();
    build.buildWith(settings, repo, "-f", "maven-plugin/pom.xml", "install", "-Dmaven.test.skip=true").succeeded();

    String metadata = Files.readString(repo.resolve("dev/hotrestart/maven-metadata-local.xml"));
    assertTrue(metadata.contains("<prefix>hotrestart</prefix>"), metadata);
    assertTrue(metadata.contains("<artifactId>hotrestart-maven-plugin</artifactId>"), metadata);

    SampleProject project = SampleProject.copy("prefix-only");
    String unknown = project.buildWith(settings, repo, "hotrestart:run").failed().output();
    assertTrue(unknown.contains("No plugin found for prefix 'hotrestart'"), "the settings matter: " + unknown);

    Path withGroup = SampleProject.settingsWithPluginGroup(repo.resolveSibling(repo.getFileName() + "-settings.xml"), "dev.hotrestart");
    String output = project.buildWith(withGroup, repo, "hotrestart:run").succeeded().output();
    assertTrue(output.contains("counted to 2 under hotrestart:run"), output);
    assertTrue(output.contains(":" + SampleProject.VERSION + ":run (default-cli) @ prefix-only"), output);
  }
}
