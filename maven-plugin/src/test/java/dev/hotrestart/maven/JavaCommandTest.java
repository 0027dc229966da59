package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaCommandTest {

  @TempDir Path temp;

  private static final Path JAVA = Path.of("/jdk/bin/java");

  private static JavaCommand.Builder sample() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("greeting", "hello world");
    properties.put("empty", null);
    properties.put("hotrestart.interactive", "true");
    return JavaCommand.builder()
        .javaExecutable(JAVA)
        .jvmArguments(List.of("-Xmx256m", "-ea"))
        .sourceRoots(List.of(Path.of("/p/src/main/java"), Path.of("/p/target/generated-sources/annotations")))
        .consoleClassPath(List.of(Path.of("/m2/jline.jar")))
        .systemProperties(properties)
        .classPath(ClassPath.of(List.of("/p/target/classes", "/repo/hotrestart-runtime.jar")))
        .mainClass("com.acme.App")
        .arguments(List.of("--in", "my data.csv"));
  }

  @Test
  void everyPartInItsPlace() throws IOException {
    List<String> command = sample().build().toList(ClassPath.ARGFILE_THRESHOLD, temp.resolve("cp.argfile"));

    String separator = File.pathSeparator;
    assertEquals(
        List.of(
            JAVA.toString(),
            "-Xmx256m",
            "-ea",
            "-Dhotrestart.enabled=true",
            "-Dhotrestart.sourceRoots=" + Path.of("/p/src/main/java") + separator
                + Path.of("/p/target/generated-sources/annotations"),
            "-Dhotrestart.consoleClassPath=" + Path.of("/m2/jline.jar"),
            "-Dgreeting=hello world",
            "-Dempty",
            "-Dhotrestart.interactive=true",
            "-cp",
            "/p/target/classes" + separator + "/repo/hotrestart-runtime.jar",
            "com.acme.App",
            "--in",
            "my data.csv"),
        command);
    assertFalse(Files.exists(temp.resolve("cp.argfile")), "a short class path needs no argfile");
  }

  @Test
  void theSourceEncodingIsPassedToTheReloaderAmongTheJvmOptions() throws IOException {
    List<String> command =
        sample().sourceEncoding("ISO-8859-1").build().toList(ClassPath.ARGFILE_THRESHOLD, temp.resolve("cp.argfile"));
    int encoding = command.indexOf("-Dhotrestart.encoding=ISO-8859-1");
    assertTrue(encoding > 0, command.toString());
    assertTrue(encoding < command.indexOf("com.acme.App"), "a JVM option, before the main class: " + command);
    List<String> without = sample().build().toList(ClassPath.ARGFILE_THRESHOLD, temp.resolve("cp2.argfile"));
    assertTrue(without.stream().noneMatch(a -> a.startsWith("-Dhotrestart.encoding")), without.toString());
  }

  @Test
  void theCommandLinesSettingsComeLastSoTheyWinOverThePomAndThePlugin() throws IOException {
    Map<String, String> user = new LinkedHashMap<>();
    user.put("hotrestart.interactive", "false");
    user.put("hotrestart.sourceRoots", "/typed");
    List<String> command =
        sample().userProperties(user).build().toList(ClassPath.ARGFILE_THRESHOLD, temp.resolve("cp.argfile"));
    int pom = command.indexOf("-Dhotrestart.interactive=true");
    int typed = command.indexOf("-Dhotrestart.interactive=false");
    assertTrue(pom > 0 && typed > pom, command.toString());
    assertTrue(command.indexOf("-Dhotrestart.sourceRoots=/typed") > command.indexOf("-Dempty"), command.toString());
    assertEquals(typed + 2, command.indexOf("-cp"), command.toString());
  }

  @Test
  void noSourceRootsMeansNoSourceRootsProperty() throws IOException {
    List<String> command =
        JavaCommand.builder()
            .javaExecutable(JAVA)
            .classPath(ClassPath.of(List.of("/p/target/classes")))
            .mainClass("App")
            .build()
            .toList(ClassPath.ARGFILE_THRESHOLD, temp.resolve("cp.argfile"));
    assertEquals(
        List.of(JAVA.toString(), "-Dhotrestart.enabled=true", "-cp", "/p/target/classes", "App"), command);
  }

  @Test
  void duplicateSourceRootsAndClassPathElementsArePassedOnce() throws IOException {
    List<String> command =
        JavaCommand.builder()
            .javaExecutable(JAVA)
            .sourceRoots(List.of(Path.of("/a"), Path.of("/b")))
            .sourceRoots(List.of(Path.of("/a")))
            .classPath(ClassPath.of(List.of("/x", "", "/y", "/x")))
            .mainClass("App")
            .build()
            .toList(ClassPath.ARGFILE_THRESHOLD, temp.resolve("cp.argfile"));
    assertTrue(command.contains("-Dhotrestart.sourceRoots=" + Path.of("/a") + File.pathSeparator + Path.of("/b")), command.toString());
    assertEquals("/x" + File.pathSeparator + "/y", command.get(command.indexOf("-cp") + 1));
  }

  @Test
  void longClassPathGoesThroughAnArgFile() throws IOException {
    Path argFile = temp.resolve("hotrestart").resolve("classpath.argfile");
    List<String> command = sample().build().toList(10, argFile);

    int at = command.indexOf("@" + argFile.toAbsolutePath());
    assertTrue(at > 0, command.toString());
    assertFalse(command.contains("-cp"));
    assertEquals("com.acme.App", command.get(at + 1));
    assertEquals(
        "-cp \"/p/target/classes" + File.pathSeparator + "/repo/hotrestart-runtime.jar\"",
        Files.readString(argFile, StandardCharsets.UTF_8).strip());
  }

  @Test
  void argFileQuotingEscapesBackslashesAndQuotes() {
    assertEquals("\"C:\\\\lib\\\\a.jar;D:\\\\b\\\"c\"", ClassPath.quoteForArgFile("C:\\lib\\a.jar;D:\\b\"c"));
  }

  @Test
  void javaExecutableIsBinJavaOfTheJavaHome() {
    Path java = JavaCommand.javaExecutable(Path.of("/opt/jdk"));
    assertEquals(Path.of("/opt/jdk", "bin"), java.getParent());
    assertTrue(java.getFileName().toString().matches("java(\\.exe)?"), java.toString());
  }

  /**
   * The command really runs: a program in a directory with spaces in its name, reached through an
   * argfile, sees the switches, the properties and the arguments.
   */
  @Test
  void theCommandRunsWithTheArgFileAndTheSwitches() throws Exception {
    Path classes =
        TestCompiler.compile(
            temp.resolve("my classes"),
            Map.of(
                "demo.Echo",
                "package demo; public class Echo { public static void main(String[] args) {"
                    + " System.out.println(System.getProperty(\"hotrestart.enabled\"));"
                    + " System.out.println(System.getProperty(\"hotrestart.sourceRoots\"));"
                    + " System.out.println(System.getProperty(\"greeting\"));"
                    + " System.out.println(String.join(\"|\", args)); } }"));
    Path sources = Files.createDirectories(temp.resolve("src dir"));
    List<String> command =
        JavaCommand.builder()
            .javaExecutable(JavaCommand.javaExecutable(Path.of(System.getProperty("java.home"))))
            .sourceRoots(List.of(sources))
            .systemProperties(Map.of("greeting", "hello world"))
            .classPath(ClassPath.of(List.of(classes.toString(), temp.resolve("missing.jar").toString())))
            .mainClass("demo.Echo")
            .arguments(List.of("a b", "", "c"))
            .build()
            .toList(0, temp.resolve("cp.argfile"));
    assertTrue(command.stream().anyMatch(part -> part.startsWith("@")), command.toString());

    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    assertEquals(
        List.of("true", sources.toString(), "hello world", "a b||c"),
        new ArrayList<>(output.lines().toList()));
  }

  /** The JVM keeps the last definition of a name: a setting typed for this run wins. */
  @Test
  void aSettingFromTheCommandLineReachesTheProgramOverThePluginsAndThePoms() throws Exception {
    Path classes =
        TestCompiler.compile(
            temp.resolve("classes"),
            Map.of(
                "Show",
                "public class Show { public static void main(String[] args) {"
                    + " System.out.println(System.getProperty(\"hotrestart.sourceRoots\"));"
                    + " System.out.println(System.getProperty(\"hotrestart.interactive\")); } }"));
    List<String> command =
        JavaCommand.builder()
            .javaExecutable(JavaCommand.javaExecutable(Path.of(System.getProperty("java.home"))))
            .sourceRoots(List.of(temp.resolve("from-plugin")))
            .systemProperties(Map.of("hotrestart.interactive", "from-pom"))
            .userProperties(Map.of("hotrestart.sourceRoots", "typed", "hotrestart.interactive", "typed too"))
            .classPath(ClassPath.of(List.of(classes.toString())))
            .mainClass("Show")
            .build()
            .toList(ClassPath.ARGFILE_THRESHOLD, temp.resolve("cp.argfile"));

    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(List.of("typed", "typed too"), output.lines().toList(), output);
  }
}
