package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainClassChoiceTest {

  @TempDir Path temp;

  private Path compile(String directory, Map<String, String> sources) throws IOException {
    return TestCompiler.compile(temp.resolve(directory), sources);
  }

  private Path oneMain() throws IOException {
    return compile(
        "classes", Map.of("app.Main", "package app; public class Main { public static void main(String[] a) {} }"));
  }

  private Path twoMains() throws IOException {
    return compile(
        "classes",
        Map.of(
            "app.One", "package app; public class One { public static void main(String[] a) {} }",
            "app.Two", "package app; public class Two { public static void main(String[] a) {} }"));
  }

  private static void assertRuns(String expected, MainClassChoice choice) {
    assertEquals(expected, choice.mainClass());
    assertNull(choice.skipReason());
  }

  private static void assertSkipped(String reason, MainClassChoice choice) {
    assertNull(choice.mainClass());
    assertEquals(reason, choice.skipReason());
  }

  @Test
  void theConfiguredClassWinsOverTheSearchTrimmed() throws Exception {
    Path classes = twoMains();
    ClassPath classPath = ClassPath.of(List.of(classes.toString()));
    assertRuns("app.Two", MainClassChoice.choose(" app.Two\n", List.of(classes), classPath, false, "app"));
    assertRuns("app.Two", MainClassChoice.choose("app.Two", List.of(classes), classPath, true, "app"));
  }

  @Test
  void aConfiguredClassThatIsNowhereRunsInASingleProjectForTheJvmToReport() throws Exception {
    Path classes = oneMain();
    ClassPath classPath = ClassPath.of(List.of(classes.toString()));
    assertRuns("app.Missing", MainClassChoice.choose("app.Missing", List.of(classes), classPath, false, "app"));
  }

  @Test
  void inAReactorAModuleWithoutTheConfiguredClassIsSkipped() throws Exception {
    Path classes = oneMain();
    ClassPath classPath = ClassPath.of(List.of(classes.toString()));
    assertSkipped(
        "hotrestart:run: app.Other is not on the class path of lib, skipped",
        MainClassChoice.choose("app.Other", List.of(classes), classPath, true, "lib"));
  }

  @Test
  void blankMeansSearchAndTheOnlyCandidateRuns() throws Exception {
    Path classes = oneMain();
    ClassPath classPath = ClassPath.of(List.of(classes.toString()));
    assertRuns("app.Main", MainClassChoice.choose(null, List.of(classes), classPath, false, "app"));
    assertRuns("app.Main", MainClassChoice.choose("  ", List.of(classes), classPath, true, "app"));
  }

  @Test
  void severalCandidatesFailTheBuildEvenInAReactor() throws Exception {
    Path classes = twoMains();
    ClassPath classPath = ClassPath.of(List.of(classes.toString()));
    for (boolean inReactor : new boolean[] {false, true}) {
      MojoExecutionException e =
          assertThrows(
              MojoExecutionException.class,
              () -> MainClassChoice.choose(null, List.of(classes), classPath, inReactor, "app"));
      assertEquals(MainClassFinder.severalFoundMessage(List.of("app.One", "app.Two")), e.getMessage());
    }
  }

  @Test
  void noCandidateSkipsAReactorModuleButFailsASingleProject() throws Exception {
    Path classes = Files.createDirectories(temp.resolve("classes"));
    ClassPath classPath = ClassPath.of(List.of(classes.toString()));
    assertSkipped(
        "hotrestart:run: no main class in lib, skipped",
        MainClassChoice.choose(null, List.of(classes), classPath, true, "lib"));
    MojoExecutionException e =
        assertThrows(
            MojoExecutionException.class,
            () -> MainClassChoice.choose(null, List.of(classes), classPath, false, "lib"));
    assertEquals(MainClassFinder.noneFoundMessage(List.of(classes)), e.getMessage());
  }

  @Test
  void anUnreadableClassFileFailsWithItsName() throws Exception {
    Path classes = Files.createDirectories(temp.resolve("classes"));
    Files.writeString(classes.resolve("Broken.class"), "not a class");
    MojoExecutionException e =
        assertThrows(
            MojoExecutionException.class,
            () -> MainClassChoice.choose(null, List.of(classes), ClassPath.of(List.of()), false, "app"));
    assertTrue(e.getMessage().startsWith("hotrestart:run: cannot search for a main class: "), e.getMessage());
    assertTrue(e.getMessage().contains("Broken.class"), e.getMessage());
  }
}
