package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathTest {

  @TempDir Path temp;

  @Test
  void keepsOrderDropsDuplicatesAndBlanks() {
    ClassPath classPath = ClassPath.of(java.util.Arrays.asList("/b", null, "/a", " ", "/b"));
    assertEquals(List.of("/b", "/a"), classPath.elements());
    assertEquals("/b" + File.pathSeparator + "/a", classPath.joined());
  }

  @Test
  void findsClassesInDirectoriesAndJars() throws IOException {
    Path classes = Files.createDirectories(temp.resolve("classes/com/acme"));
    Files.createFile(classes.resolve("App.class"));
    Files.createFile(classes.resolve("App$Cli.class"));
    Path jar = temp.resolve("lib.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out)) {
      jarOut.putNextEntry(new JarEntry("org/lib/Tool.class"));
      jarOut.closeEntry();
    }
    ClassPath classPath =
        ClassPath.of(
            List.of(
                temp.resolve("missing-dir").toString(),
                temp.resolve("classes").toString(),
                temp.resolve("missing.jar").toString(),
                jar.toString()));

    assertTrue(classPath.containsClass("com.acme.App"));
    assertTrue(classPath.containsClass("com.acme.App$Cli"));
    assertTrue(classPath.containsClass("org.lib.Tool"));
    assertFalse(classPath.containsClass("com.acme.Other"));
    assertFalse(classPath.containsClass("org.lib.tool"));
  }
}
