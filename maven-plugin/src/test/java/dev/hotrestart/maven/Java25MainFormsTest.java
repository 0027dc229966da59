package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JEP 512's {@code main} forms, found in class files for Java 25. The fixtures in
 * {@code src/test/resources/java25-mains} were compiled from the sources beside them by javac 25
 * ({@code javac --release 25 -d . src/j25/*.java src/Hello.java}), so these tests run on Java 17;
 * each launchable one was started by Java 25's {@code java}, and each near miss refused by it.
 */
class Java25MainFormsTest {

  @TempDir Path temp;

  private static Path fixtures() throws URISyntaxException {
    return Path.of(Java25MainFormsTest.class.getResource("/java25-mains/Hello.class").toURI()).getParent();
  }

  @Test
  void everyFormTheLauncherOfJava25StartsIsFoundAndNoNearMiss() throws Exception {
    assertEquals(
        List.of(
            new MainClassFinder.MainClass("Hello", "void main()"),
            new MainClassFinder.MainClass("j25.Classic", "public static void main(String[])"),
            new MainClassFinder.MainClass("j25.InstanceMain", "void main()"),
            new MainClassFinder.MainClass("j25.InstanceWithArgs", "protected void main(String[])"),
            new MainClassFinder.MainClass("j25.StaticInInterface", "public static void main()"),
            new MainClassFinder.MainClass("j25.StaticNoArgsPrivateConstructor", "static void main()"),
            new MainClassFinder.MainClass("j25.StaticPackagePrivate", "static void main(String[])")),
        MainClassFinder.findMains(List.of(fixtures())));
  }

  /** The same bytes with another class file version in their header. */
  private Path withVersion(String fixture, int major, int minor) throws Exception {
    byte[] bytes = Files.readAllBytes(fixtures().resolve(fixture));
    bytes[4] = (byte) (minor >> 8);
    bytes[5] = (byte) minor;
    bytes[6] = (byte) (major >> 8);
    bytes[7] = (byte) major;
    Path copy = temp.resolve(major + "." + minor).resolve(fixture);
    Files.createDirectories(copy.getParent());
    return Files.write(copy, bytes);
  }

  @Test
  void theNewFormsCountInClassFilesFor25AndNewerOrPreviewOn21To24Only() throws Exception {
    for (String fixture : new String[] {"j25/InstanceMain.class", "j25/StaticPackagePrivate.class"}) {
      assertTrue(MainClassFinder.mainOf(withVersion(fixture, 69, 0)).isPresent(), fixture);
      assertTrue(MainClassFinder.mainOf(withVersion(fixture, 70, 0)).isPresent(), fixture);
      assertTrue(MainClassFinder.mainOf(withVersion(fixture, 65, 0xFFFF)).isPresent(), fixture);
      assertTrue(MainClassFinder.mainOf(withVersion(fixture, 68, 0xFFFF)).isPresent(), fixture);
      assertFalse(MainClassFinder.mainOf(withVersion(fixture, 68, 0)).isPresent(), fixture);
      assertFalse(MainClassFinder.mainOf(withVersion(fixture, 61, 0)).isPresent(), fixture);
      assertFalse(MainClassFinder.mainOf(withVersion(fixture, 64, 0xFFFF)).isPresent(), fixture);
    }
    assertTrue(MainClassFinder.mainOf(withVersion("j25/Classic.class", 61, 0)).isPresent());
  }

  @Test
  void aJava17ProjectKeepsOnlyTheClassicForm() throws Exception {
    Path classes =
        TestCompiler.compile(
            temp.resolve("classes"),
            Map.of(
                "app.Main", "package app; public class Main { public static void main(String[] a) {} }",
                "app.Helper", "package app; class Helper { static void main(String[] a) {} void main() {} }"));
    assertEquals(List.of("app.Main"), MainClassFinder.find(List.of(classes)));
  }

  @Test
  void severalCandidatesNameEachNonClassicMain() throws Exception {
    MojoExecutionException e =
        assertThrows(
            MojoExecutionException.class,
            () ->
                MainClassChoice.choose(
                    null, List.of(fixtures()), ClassPath.of(List.of()), false, "app"));
    String nl = System.lineSeparator();
    assertTrue(
        e.getMessage().startsWith(
            "hotrestart:run: several classes have a main method:" + nl
                + "  Hello (void main())" + nl
                + "  j25.Classic" + nl
                + "  j25.InstanceMain (void main())" + nl),
        e.getMessage());
    assertTrue(e.getMessage().contains("-Dhotrestart.mainClass="), e.getMessage());
  }

  @Test
  void theOnlyMainOfAJava25ProjectIsChosen() throws Exception {
    Path classes = temp.resolve("classes");
    Path instance = classes.resolve("j25/InstanceMain.class");
    Files.createDirectories(instance.getParent());
    Files.copy(fixtures().resolve("j25/InstanceMain.class"), instance);
    Files.copy(fixtures().resolve("j25/NearMisses$PrivateMain.class"), classes.resolve("j25/NearMisses$PrivateMain.class"));
    assertEquals(
        "j25.InstanceMain",
        MainClassChoice.choose(null, List.of(classes), ClassPath.of(List.of()), false, "app").mainClass());
  }

  @Test
  void theMessageForNoneMentionsTheNewForms() throws IOException {
    String none = MainClassFinder.noneFoundMessage(List.of(temp));
    assertTrue(
        none.contains(", nor, in class files for Java 25, another main method the java launcher accepts. Choose"),
        none);
  }
}
