package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Why the processor will not run, one case per way a build gets it wrong. */
class ProcessorDiagnosisTest {

  static final String VERSION = "0.1.0-SNAPSHOT";
  static final String OURS = "dev.hotrestart:hotrestart-processor";
  static final String NL = System.lineSeparator();

  /** A compiler set up as the README says, on JDK 17; each test changes what it is about. */
  private static CompilerSetup setup(
      String pluginVersion, List<String> paths, String proc, List<String> args, boolean dependency, int java) {
    return new CompilerSetup(pluginVersion, paths, false, proc, args, dependency, java);
  }

  private static Optional<String> why(CompilerSetup setup) {
    return ProcessorCheck.whyNotRun(setup, VERSION);
  }

  @Test
  void theReadmesSetupRunsTheProcessorOnEveryJdk() {
    for (int java : new int[] {17, 21, 25}) {
      assertEquals(Optional.empty(), why(setup("3.13.0", List.of(OURS), null, List.of(), false, java)));
    }
    assertEquals(
        Optional.empty(),
        why(setup("3.13.0", List.of("org.projectlombok:lombok", OURS), null, List.of(), false, 25)));
  }

  @Test
  void processingTurnedOff() {
    assertEquals(
        Optional.of("maven-compiler-plugin's configuration turns annotation processing off (<proc>none</proc>): remove that."),
        why(setup("3.13.0", List.of(OURS), "none", List.of(), false, 17)));
    assertEquals(
        Optional.of("maven-compiler-plugin's configuration turns annotation processing off (-proc:none): remove that."),
        why(setup("3.13.0", List.of(OURS), null, List.of("-Xlint:all", "-proc:none"), false, 17)));
  }

  @Test
  void processorPathsThatLeaveItOut() {
    String expected =
        "maven-compiler-plugin's <annotationProcessorPaths> lists org.projectlombok:lombok,"
            + " org.mapstruct:mapstruct-processor but not " + OURS + ", and javac looks for processors"
            + " only there: add this <path> beside them:" + NL
            + "<path>" + NL
            + "  <groupId>dev.hotrestart</groupId>" + NL
            + "  <artifactId>hotrestart-processor</artifactId>" + NL
            + "  <version>" + VERSION + "</version>" + NL
            + "</path>" + NL;
    List<String> others = List.of("org.projectlombok:lombok", "org.mapstruct:mapstruct-processor");
    assertEquals(Optional.of(expected), why(setup("3.13.0", others, null, List.of(), false, 17)));
    // being a dependency does not help: with processor paths javac does not search the class path
    assertEquals(Optional.of(expected), why(setup("3.13.0", others, null, List.of(), true, 17)));
  }

  @Test
  void anOldCompilerPluginIgnoresProcessorPaths() {
    String expected =
        "maven-compiler-plugin 3.1 ignores <annotationProcessorPaths>, which it reads from version 3.5 on"
            + " (Maven 3 uses 3.1 when the pom gives the plugin no <version>): give it <version>3.13.0</version>.";
    assertEquals(Optional.of(expected), why(setup("3.1", List.of(OURS), null, List.of(), false, 17)));
    assertEquals(
        Optional.of(expected.replace("3.1 ignores", "3.3 ignores")),
        why(setup("3.3", List.of(OURS), null, List.of(), false, 17)));
    // the old plugin then searches the class path, where a dependency is found before JDK 23
    assertEquals(Optional.empty(), why(setup("3.1", List.of(OURS), null, List.of(), true, 17)));
    assertEquals(Optional.of(expected), why(setup("3.1", List.of(OURS), null, List.of(), true, 25)));
    assertEquals(Optional.empty(), why(setup("3.5", List.of(OURS), null, List.of(), false, 17)));
  }

  @Test
  void jdk23AndNewerIgnoreAProcessorFoundOnTheClassPath() {
    Optional<String> reason = why(setup("3.13.0", List.of(), null, List.of(), true, 25));
    assertTrue(reason.isPresent());
    assertTrue(
        reason.get().startsWith(
            OURS + " is a dependency, so javac finds it on the class path, but javac of JDK 25 (the JDK"
                + " Maven runs on) does not run processors found there unless asked, since JDK 23: list it"
                + " in maven-compiler-plugin's <annotationProcessorPaths> instead:" + NL + "<plugin>"),
        reason.get());
    assertTrue(reason.get().endsWith("</plugin>" + NL + "or add <proc>full</proc> to that plugin's <configuration>."), reason.get());
    assertTrue(why(setup("3.13.0", List.of(), null, List.of(), true, 23)).isPresent());

    // asked: by proc, by an argument, by naming the processors to run
    assertEquals(Optional.empty(), why(setup("3.13.0", List.of(), "full", List.of(), true, 25)));
    assertEquals(Optional.empty(), why(setup("3.13.0", List.of(), "only", List.of(), true, 25)));
    assertEquals(Optional.empty(), why(setup("3.13.0", List.of(), null, List.of("-proc:full"), true, 25)));
    assertEquals(Optional.empty(), why(setup("3.13.0", List.of(), null, List.of("-processor", "x.P"), true, 25)));
    assertEquals(Optional.empty(), why(new CompilerSetup("3.13.0", List.of(), true, null, List.of(), true, 25)));
    // older JDKs run it; an unknown JDK (a toolchain, a forked javac) is not judged
    assertEquals(Optional.empty(), why(setup("3.13.0", List.of(), null, List.of(), true, 22)));
    assertEquals(Optional.empty(), why(setup("3.13.0", List.of(), null, List.of(), true, 0)));
  }

  @Test
  void notConfiguredAtAll() {
    String reason = why(setup("3.13.0", List.of(), null, List.of(), false, 17)).orElseThrow();
    assertEquals(
        OURS + " is neither in maven-compiler-plugin's <annotationProcessorPaths> nor a dependency of the"
            + " project: add it to the pom:" + NL + ProcessorCheck.snippet(VERSION),
        reason);
    String old = why(setup("3.1", List.of(), null, List.of(), false, 17)).orElseThrow();
    assertEquals(
        reason + "Give maven-compiler-plugin <version>3.13.0</version> too: 3.1 ignores"
            + " <annotationProcessorPaths> (Maven 3 uses 3.1 when the pom gives the plugin no <version>)." + NL,
        old);
  }

  @Test
  void theWarningBeforeRunningSaysWhyWhenTheProcessorIsConfiguredButDidNotRun() {
    CompilerSetup old = setup("3.1", List.of(OURS), null, List.of(), false, 17);
    String warning = ProcessorCheck.warning(VERSION, old);
    assertEquals(
        "hotrestart:run: no generated HotRestart_* classes found, so no method will restart after a crash:"
            + " the annotation processor did not run. " + why(old).orElseThrow(),
        warning);
  }

  @Test
  void theWarningBeforeRunningIsTheGeneralOneWhenNothingIsConfiguredOrAllIsRight() {
    String general = ProcessorCheck.warning(VERSION);
    assertEquals(general, ProcessorCheck.warning(VERSION, setup("3.13.0", List.of(), null, List.of(), false, 17)));
    // configured and running, yet no proxy: no class is annotated, which the general text covers
    assertEquals(general, ProcessorCheck.warning(VERSION, setup("3.13.0", List.of(OURS), null, List.of(), false, 17)));
    assertEquals(
        general + NL + "Give maven-compiler-plugin <version>3.13.0</version> too: 3.1 ignores"
            + " <annotationProcessorPaths> (Maven 3 uses 3.1 when the pom gives the plugin no <version>).",
        ProcessorCheck.warning(VERSION, setup("3.1", List.of(), null, List.of(), false, 17)));
  }

  @Test
  void versionsAreComparedByTheirFirstTwoNumbers() {
    assertTrue(ProcessorCheck.olderThan("3.1", 3, 5));
    assertTrue(ProcessorCheck.olderThan("2.0.2", 3, 5));
    assertTrue(ProcessorCheck.olderThan("3", 3, 5));
    assertFalse(ProcessorCheck.olderThan("3.5", 3, 5));
    assertFalse(ProcessorCheck.olderThan("3.13.0", 3, 5));
    assertFalse(ProcessorCheck.olderThan("4.0.0-beta-2", 3, 5));
    assertFalse(ProcessorCheck.olderThan("RELEASE", 3, 5));
    assertFalse(ProcessorCheck.olderThan("${compiler.version}", 3, 5));
    assertFalse(ProcessorCheck.olderThan(null, 3, 5));
  }
}
