package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceRootsTest {

  @TempDir Path basedir;

  @Test
  void configuredRootsResolveAgainstTheModuleAndNeedNotExistYet() {
    Path absolute = basedir.resolveSibling("elsewhere/src");
    assertEquals(
        List.of(basedir.resolve("src/app"), absolute, basedir.resolve("gen")),
        SourceRoots.configured(
            basedir, List.of(Path.of("src/app"), absolute, Path.of("src/../gen"), Path.of("src/app/"))));
  }

  @Test
  void onlyExistingDirectoriesCountEachOnce() throws Exception {
    Files.createDirectories(basedir.resolve("src/main/java"));
    Files.createDirectories(basedir.resolve("target/generated-sources/annotations"));
    Files.createFile(basedir.resolve("notes.txt"));
    assertEquals(
        List.of(basedir.resolve("src/main/java"), basedir.resolve("target/generated-sources/annotations")),
        SourceRoots.existing(
            basedir,
            List.of(
                "src/main/java",
                "src/test/java", // Maven lists it whether or not it exists
                "notes.txt",
                basedir.resolve("target/generated-sources/annotations").toString(),
                "src/main/../main/java")));
  }

  @Test
  void unionKeepsTheFirstListsOrderAndAddsOnlyNewRoots() {
    Path a = Path.of("/a");
    Path b = Path.of("/b");
    Path c = Path.of("/c");
    assertEquals(List.of(a, b, c), SourceRoots.union(List.of(a, b), List.of(b, c, a)));
  }
}
