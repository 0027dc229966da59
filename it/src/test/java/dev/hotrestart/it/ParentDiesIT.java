package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of Maven while the program waits at the prompt: the program, which Maven's
 * shutdown hook can no longer stop, notices through the runtime's Java agent, says so, and ends
 * within seconds, leaving no file in its temporary directory (JLine's native library included).
 * Without the agent it lived on with PPID 1, holding the terminal.
 */
class ParentDiesIT {

  static final Duration END = Duration.ofSeconds(60);
  /** How soon the program must end once Maven is gone: the watch looks 4x a second. */
  static final Duration SOON = Duration.ofSeconds(5);

  @Test
  void whenMavenIsKilledTheProgramEndsAndLeavesNoFiles() throws Exception {
    SampleProject project = SampleProject.copy("nested");
    // fresh for each run: a copy of a sample is reused by the next build, leftovers included
    Path tmp = Files.createTempDirectory(SampleProject.WORK, "parent-dies-tmp");
    // after Maven the shell keeps the terminal open, for the test to read its modes once the
    // program has ended (the shell's own stty -a would run as soon as Maven is gone)
    String line =
        "tty > terminal-device.txt; "
            + SampleProject.shell(
                project.maven(
                    "hotrestart:run", "-Dhotrestart.jvmArgs=-Dhotrestart.history=none -Djava.io.tmpdir=" + tmp))
            + "; echo \"exit status $?\"; sleep 60";
    try (Terminal terminal = Terminal.start(project.dir, line, "xterm", true)) {
      terminal.prompt();
      ProcessHandle program = program(terminal);
      ProcessHandle maven = program.parent().orElseThrow();
      String programLine = program.info().commandLine().orElse("");
      // the line editor is on and left its native library here; it must go with the program
      List<String> during = files(tmp);
      Path perfData = Path.of("/tmp/hsperfdata_" + System.getProperty("user.name"), "" + program.pid());
      boolean hadPerfData = Files.exists(perfData);

      assertTrue(maven.destroyForcibly(), "SIGKILL to Maven " + maven.pid());
      long start = System.nanoTime();
      while (program.isAlive()) {
        if (System.nanoTime() - start > SOON.toNanos()) {
          program.destroyForcibly();
          fail("the program still runs " + SOON.toSeconds() + " s after Maven was killed, with PPID "
              + program.parent().map(ProcessHandle::pid).orElse(-1L) + "; output:\n" + terminal.rest());
        }
        Thread.sleep(20);
      }
      terminal.expect("hotrestart: Maven \\(pid " + maven.pid() + "\\) ended; stopping the program", END);
      assertEquals(List.of(), files(tmp),
          "left in the program's java.io.tmpdir (during the run: " + during + "); output:\n" + terminal.rest());
      if (hadPerfData) {
        assertTrue(!Files.exists(perfData), "the JVM's own " + perfData + " was left behind");
      }
      assertTrue(programLine.contains("-javaagent:") && programLine.contains("=watchParent=" + maven.pid()),
          programLine);
      // the line editor's shutdown hook gave the terminal back in the modes it had
      // Maven's end, which the shell reports at once, came before the program's line
      assertTrue(terminal.text().contains("exit status 137"), terminal.text());
      String modes = stty(project.file("terminal-device.txt"));
      assertTrue(modes.contains(" icanon") && !modes.contains("-icanon") && !modes.contains("-echo "), modes);
    }
  }

  /** The runtime jar Maven installs is an agent and keeps its module name, shading notwithstanding. */
  @Test
  void theRuntimeJarIsAJavaAgentWithItsModuleName() throws Exception {
    Path jar =
        SampleProject.REPO.resolve("dev/hotrestart/hotrestart-runtime/" + SampleProject.VERSION
            + "/hotrestart-runtime-" + SampleProject.VERSION + ".jar");
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      assertEquals("dev.hotrestart.agent.Agent", manifest.getMainAttributes().getValue("Premain-Class"));
      assertEquals("dev.hotrestart.runtime", manifest.getMainAttributes().getValue("Automatic-Module-Name"));
      assertTrue(file.getEntry("dev/hotrestart/internal/asm/ClassReader.class") != null, "ASM is shaded in");
    }
  }

  /** The program's JVM: the descendant of the terminal running {@code nested.Main}. */
  private static ProcessHandle program(Terminal terminal) {
    List<ProcessHandle> programs =
        terminal.descendants()
            .filter(p -> p.info().arguments().map(a -> List.of(a).contains("nested.Main")).orElse(false))
            .toList();
    assertEquals(1, programs.size(), "the program's JVM among " + programs);
    return programs.get(0);
  }

  /** The modes of the terminal whose device name {@code deviceFile} holds. */
  private static String stty(Path deviceFile) throws Exception {
    String device = Files.readString(deviceFile).strip();
    Process stty = new ProcessBuilder("stty", "-a", "-F", device).redirectErrorStream(true).start();
    String modes = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, stty.waitFor(), "stty -a -F " + device + ": " + modes);
    return modes;
  }

  private static List<String> files(Path dir) throws Exception {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }
}
