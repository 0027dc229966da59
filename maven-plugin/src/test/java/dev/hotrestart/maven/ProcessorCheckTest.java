package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessorCheckTest {

  @TempDir Path temp;

  @Test
  void noGeneratedClassesWhenOnlyUserClassesOrSources() throws IOException {
    Path classes = Files.createDirectories(temp.resolve("classes/com/acme"));
    Files.createFile(classes.resolve("Pipeline.class"));
    Files.createFile(classes.resolve("HotRestart_Pipeline.java")); // a source, not a class
    Files.createFile(classes.resolve("MyHotRestart_Thing.class")); // prefix must start the name
    assertFalse(ProcessorCheck.hasGeneratedClasses(List.of(temp.resolve("classes"))));
  }

  @Test
  void missingDirectoriesHaveNoGeneratedClasses() throws IOException {
    assertFalse(ProcessorCheck.hasGeneratedClasses(List.of(temp.resolve("absent"))));
  }

  @Test
  void aGeneratedClassInAnyDirectoryCounts() throws IOException {
    Files.createDirectories(temp.resolve("classes/com/acme"));
    Path test = Files.createDirectories(temp.resolve("test-classes/com/acme/deep"));
    Files.createFile(test.resolve("HotRestart_Outer_Inner.class"));
    assertTrue(
        ProcessorCheck.hasGeneratedClasses(List.of(temp.resolve("classes"), temp.resolve("test-classes"))));
    assertFalse(ProcessorCheck.hasGeneratedClasses(List.of(temp.resolve("classes"))));
  }

  @Test
  void aGeneratedClassInAJarOnTheClassPathCounts() throws IOException {
    // mvn -pl app -am: the proxies are in a library the application depends on
    Path library = temp.resolve("lib.jar");
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(library))) {
      jar.putNextEntry(new JarEntry("com/acme/lib/HotRestart_Shouter.class"));
      jar.closeEntry();
    }
    Path plain = temp.resolve("plain.jar");
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plain))) {
      jar.putNextEntry(new JarEntry("com/acme/HotRestart_Notes.txt"));
      jar.closeEntry();
      jar.putNextEntry(new JarEntry("HotRestart_/Thing.class")); // a directory of that name
      jar.closeEntry();
    }
    Path classes = Files.createDirectories(temp.resolve("classes"));
    assertTrue(ProcessorCheck.hasGeneratedClasses(List.of(classes, library)));
    assertFalse(ProcessorCheck.hasGeneratedClasses(List.of(classes, plain, temp.resolve("absent.jar"))));
  }

  @Test
  void warningCarriesTheExactSnippetWithThePluginVersion() {
    String nl = System.lineSeparator();
    String expectedSnippet =
        "<plugin>" + nl
            + "  <groupId>org.apache.maven.plugins</groupId>" + nl
            + "  <artifactId>maven-compiler-plugin</artifactId>" + nl
            + "  <configuration>" + nl
            + "    <annotationProcessorPaths>" + nl
            + "      <path>" + nl
            + "        <groupId>dev.hotrestart</groupId>" + nl
            + "        <artifactId>hotrestart-processor</artifactId>" + nl
            + "        <version>0.1.0-SNAPSHOT</version>" + nl
            + "      </path>" + nl
            + "    </annotationProcessorPaths>" + nl
            + "  </configuration>" + nl
            + "</plugin>" + nl;
    assertEquals(expectedSnippet, ProcessorCheck.snippet("0.1.0-SNAPSHOT"));

    String warning = ProcessorCheck.warning("0.1.0-SNAPSHOT");
    assertTrue(warning.startsWith("hotrestart:run: no generated HotRestart_* classes found"), warning);
    assertTrue(warning.contains(expectedSnippet), warning);
    assertTrue(warning.contains("@dev.hotrestart.HotRestartable"), warning);
  }
}
