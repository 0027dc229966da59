package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list of classes the agent routes: every proxy of the class path's directories. */
class InstanceListTest {

  @TempDir Path temp;

  @Test
  void eachProxyOfEachDirectoryNamesTheClassItExtends() throws IOException {
    Path classes =
        TestCompiler.compile(
            temp.resolve("classes"),
            Map.of(
                "demo.Work", "package demo; public class Work { public void run() {} }",
                "demo.HotRestart_Work", "package demo; public final class HotRestart_Work extends Work {}",
                "demo.Outer",
                "package demo; public class Outer { public static class Inner {} }",
                "demo.HotRestart_Outer_Inner",
                "package demo; public final class HotRestart_Outer_Inner extends Outer.Inner {}",
                "demo.Main", "package demo; public class Main {}"));
    Path testClasses =
        TestCompiler.compile(
            temp.resolve("test-classes"),
            Map.of(
                "demo.Fixture", "package demo; public class Fixture {}",
                "demo.HotRestart_Fixture", "package demo; public final class HotRestart_Fixture extends Fixture {}"));
    Path jar = Files.writeString(temp.resolve("lib.jar"), "not read");

    assertEquals(
        List.of(
            "demo/Fixture demo/HotRestart_Fixture",
            "demo/Outer$Inner demo/HotRestart_Outer_Inner",
            "demo/Work demo/HotRestart_Work"),
        InstanceList.lines(List.of(classes, jar, testClasses, temp.resolve("missing"))));

    Path file = temp.resolve("target/hotrestart/instances.txt");
    ClassPath classPath = ClassPath.of(List.of(classes.toString(), testClasses.toString()));
    assertEquals(file, InstanceList.write(classPath, file));
    assertEquals(InstanceList.lines(classPath.paths()), Files.readAllLines(file));
  }

  @Test
  void withoutProxiesNoFileIsWritten() throws IOException {
    Path classes =
        TestCompiler.compile(
            temp.resolve("classes"), Map.of("demo.Main", "package demo; public class Main {}"));
    Path file = temp.resolve("target/hotrestart/instances.txt");
    assertNull(InstanceList.write(ClassPath.of(List.of(classes.toString())), file));
    assertFalse(Files.exists(file));
  }

  @Test
  void aBrokenProxyFileIsNamed() throws IOException {
    Path classes = Files.createDirectories(temp.resolve("classes/demo"));
    Files.writeString(classes.resolve("HotRestart_Work.class"), "not a class");
    IOException broken =
        assertThrows(IOException.class, () -> InstanceList.lines(List.of(temp.resolve("classes"))));
    assertTrue(broken.getMessage().contains("HotRestart_Work.class"), broken.getMessage());
  }
}
