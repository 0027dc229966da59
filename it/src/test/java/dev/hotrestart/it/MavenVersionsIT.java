package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The demo under each Maven the plugin supports: the oldest 3.x ({@code prerequisites}), the
 * newest 3.9 and Maven 4. The it pom unpacks them ({@code org.apache.maven:apache-maven:V:tar.gz:bin})
 * into {@code target/maven-dists} and lists them in {@code hotrestart.it.mavenVersions}.
 */
class MavenVersionsIT {

  static Stream<String> versions() {
    return Arrays.stream(System.getProperty("hotrestart.it.mavenVersions").split(","));
  }

  static Path home(String version) {
    return SampleProject.MAVEN_DISTS.resolve("apache-maven-" + version);
  }

  /** {@code -V}: Maven prints its version, so the output shows which Maven ran. */
  static List<String> demoRun(SampleProject demo, String version) throws Exception {
    return demo.mavenOf(home(version), "-V", "hotrestart:run", "-Dhotrestart.args=data/sales.csv 0");
  }

  @ParameterizedTest(name = "Maven {0}")
  @MethodSource("versions")
  void withoutATerminalTheCrashFailsTheBuildWithOneLine(String version) throws Exception {
    SampleProject demo = SampleProject.copy("demo");
    try (Terminal pipe = Terminal.startWithoutTerminal(demo.dir, demoRun(demo, version))) {
      int exit = pipe.exitCode(DemoIT.PROGRAM_END);
      String output = pipe.text();
      assertTrue(output.contains("Apache Maven " + version), output);
      assertEquals(1, exit, output);
      assertTrue(output.contains("no terminal"), output);
      assertTrue(output.contains("Exception in thread \"main\" java.lang.NumberFormatException"), output);
      assertTrue(output.contains("hotrestart:run: demo.SalesReport exited with code 1"), output);
    }
  }

  @ParameterizedTest(name = "Maven {0}")
  @MethodSource("versions")
  void onATerminalTheDemoIsFixedAndContinued(String version) throws Exception {
    SampleProject demo = SampleProject.copy("demo");
    try (Terminal terminal = Terminal.start(demo.dir, SampleProject.shell(demoRun(demo, version)))) {
      String crash = terminal.prompt();
      assertTrue(crash.contains("Apache Maven " + version), crash);
      assertTrue(crash.contains("demo.Report.add(String)"), crash);
      demo.edit(DemoIT.REPORT, DemoIT.FAILING_LINE, DemoIT.FIX);
      terminal.type("c");
      String end = terminal.expect("total\\s+3341\\.51", DemoIT.PROGRAM_END);
      assertTrue(end.contains("(sales.csv, 39 rows, 1 skipped)"), end);
      assertEquals(0, terminal.exitCode(DemoIT.PROGRAM_END), terminal.text());
      assertFalse(terminal.rest().contains("[ERROR]"), terminal.text());
    }
  }
}
