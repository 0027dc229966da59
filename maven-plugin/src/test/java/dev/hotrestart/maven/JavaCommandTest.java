package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
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
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
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
        List.of(
            JAVA.toString(),
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "-Dhotrestart.enabled=true",
            "-cp",
            "/p/target/classes",
            "App"),
        command);
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

  @Test
  void theRuntimeAgentComesAfterTheJvmArgumentsAndWatchesThisJvm() throws IOException {
    Path jar = Path.of("/repo/hotrestart-runtime.jar");
    List<String> command =
        sample().runtimeAgent(jar).build().toList(ClassPath.ARGFILE_THRESHOLD, temp.resolve("cp.argfile"));
    assertEquals(List.of(JAVA.toString(), "-Xmx256m", "-ea"), command.subList(0, 3));
    assertEquals("-javaagent:" + jar + "=watchParent=" + ProcessHandle.current().pid(), command.get(3));
    assertEquals("--add-opens=java.base/java.lang=ALL-UNNAMED", command.get(4));
    assertEquals("-Dhotrestart.enabled=true", command.get(5));

    List<String> without = sample().build().toList(ClassPath.ARGFILE_THRESHOLD, temp.resolve("cp2.argfile"));
    assertTrue(without.stream().noneMatch(a -> a.startsWith("-javaagent")), without.toString());
  }

  /** The list of routed classes is the agent's last option: its path may hold a comma. */
  @Test
  void theInstanceListFollowsTheWatchOnTheAgentsLine() throws IOException {
    Path jar = Path.of("/repo/hotrestart-runtime.jar");
    Path list = temp.resolve("a,b").resolve("instances.txt");
    List<String> command =
        sample().runtimeAgent(jar).instanceList(list).build()
            .toList(ClassPath.ARGFILE_THRESHOLD, temp.resolve("cp.argfile"));
    assertEquals(
        "-javaagent:" + jar + "=watchParent=" + ProcessHandle.current().pid() + ",instances=" + list,
        command.get(3));
  }

  @Test
  void theRuntimeJarOfTheClassPathIsTheAgent() throws IOException {
    Path runtime = jar("hotrestart-runtime-0.1.0.jar", RuntimeContract.AGENT_CLASS, true);
    Path other = jar("lib.jar", null, false);
    List<String> debug = new ArrayList<>();
    ClassPath classPath = ClassPath.of(List.of(temp.resolve("classes").toString(), other.toString(), runtime.toString()));
    assertEquals(runtime, JavaCommand.runtimeAgent(classPath, debug::add));
    assertEquals(List.of(), debug);
  }

  @Test
  void aRuntimeInADirectoryCannotBeAnAgentAndTheDebugLogSaysWhy() throws IOException {
    Path classes = temp.resolve("runtime/target/classes");
    Path agentClass = classes.resolve(RuntimeContract.AGENT_CLASS.replace('.', '/') + ".class");
    Files.createDirectories(agentClass.getParent());
    Files.write(agentClass, new byte[] {(byte) 0xCA, (byte) 0xFE});
    List<String> debug = new ArrayList<>();
    assertNull(JavaCommand.runtimeAgent(ClassPath.of(List.of(classes.toString())), debug::add));
    assertEquals(1, debug.size(), debug.toString());
    assertTrue(debug.get(0).contains("is the directory " + classes + ", which cannot be a Java agent"), debug.get(0));
    assertTrue(debug.get(0).endsWith("the program will not end by itself if Maven is killed"), debug.get(0));
  }

  @Test
  void noRuntimeOrAJarWithoutThePremainClassGivesNoAgent() throws IOException {
    List<String> debug = new ArrayList<>();
    assertNull(JavaCommand.runtimeAgent(ClassPath.of(List.of(jar("lib.jar", null, false).toString())), debug::add));
    // the program's own jar with the runtime inside: -javaagent would end the JVM before main
    Path fat = jar("app-all.jar", RuntimeContract.AGENT_CLASS, false);
    assertNull(JavaCommand.runtimeAgent(ClassPath.of(List.of(fat.toString())), debug::add));
    assertEquals(2, debug.size(), debug.toString());
    assertTrue(debug.get(0).contains("no hotrestart-runtime with its agent on the class path"), debug.get(0));
    assertTrue(debug.get(1).contains(fat + " holds the runtime but its Premain-Class is null"), debug.get(1));
  }

  /** A jar holding the class {@code binaryName} (if not null), with a Premain-Class naming it if asked. */
  private Path jar(String name, String binaryName, boolean premain) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
    if (premain) {
      manifest.getMainAttributes().putValue("Premain-Class", binaryName);
    }
    Path jar = temp.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      out.putNextEntry(new JarEntry(binaryName == null ? "lib/Lib.class" : binaryName.replace('.', '/') + ".class"));
      out.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
      out.closeEntry();
    }
    return jar;
  }
}
