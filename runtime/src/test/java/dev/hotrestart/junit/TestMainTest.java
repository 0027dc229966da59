package dev.hotrestart.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.config.Settings;
import dev.hotrestart.junit.fixtures.MixedResults;
import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.slot.SlotRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.jupiter.api.Test;

/**
 * TestMain on a fixture class, in this JVM, without a terminal: the run a build without one
 * gets. The prompt itself is driven through a terminal by the end-to-end tests (FailingTestIT).
 */
class TestMainTest {

  private static final String FIXTURE = MixedResults.class.getName();

  private static String run(List<String> arguments, int expectedStatus) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status = TestMain.run(arguments, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(expectedStatus, status, out);
    return out;
  }

  @Test
  void countsLikeSurefireAndFailsWhenATestFailed() {
    int beforeAll = MixedResults.BEFORE_ALL.get();
    String out = run(List.of(FIXTURE), TestMain.FAILED);
    assertTrue(
        out.contains("Tests run: 6, Failures: 2, Errors: 1, Skipped: 1, Passed after a restart: 0"),
        out);
    assertTrue(out.contains("  MixedResults.failsAnAssertion » AssertionFailedError sum ==> expected: <3> but was: <2>"), out);
    assertTrue(out.contains("  MixedResults.positive [2] 2 » AssertionFailedError"), out);
    assertTrue(out.contains("Errors:\n  MixedResults.throwsAnError » IllegalStateException broken fixture"), out);
    assertEquals(beforeAll + 1, MixedResults.BEFORE_ALL.get());
    assertFalse(
        MixedResults.contextLoader instanceof ExtensionServiceLoader,
        "tests run with the usual context class loader");
    assertSame(ClassLoader.getSystemClassLoader(), MixedResults.contextLoader);
  }

  @Test
  void methodPatternsSelectTests() {
    String out = run(List.of(FIXTURE + "#pass*+disabled"), 0);
    assertTrue(
        out.contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 1, Passed after a restart: 0"),
        out);
  }

  @Test
  void aPatternMatchingNothingSaysSo() {
    String out = run(List.of(FIXTURE + "#nothingLikeThis"), 0);
    assertTrue(out.contains("Tests run: 0,"), out);
    assertTrue(out.contains("hotrestart:test: no test matched " + FIXTURE + "#nothingLikeThis"), out);
  }

  /**
   * Outside the goal (say {@code mvn test} in a project that turned Jupiter's extension
   * auto-detection on) nothing registers the extension, even with restarting on: the failed
   * test gets no slot.
   */
  @Test
  void aPlainJupiterRunWithAutoDetectionNeverLoadsTheExtension() {
    String before = System.getProperty(Settings.ENABLED);
    System.setProperty(Settings.ENABLED, "true");
    try {
      LauncherDiscoveryRequest request =
          LauncherDiscoveryRequestBuilder.request()
              .selectors(DiscoverySelectors.selectMethod(MixedResults.class, "throwsAnError"))
              .configurationParameter(ExtensionServiceLoader.AUTODETECTION, "true")
              .build();
      SummaryGeneratingListener listener = new SummaryGeneratingListener();
      LauncherFactory.create().execute(request, listener);
      assertEquals(1, listener.getSummary().getTotalFailureCount());
    } finally {
      if (before == null) {
        System.clearProperty(Settings.ENABLED);
      } else {
        System.setProperty(Settings.ENABLED, before);
      }
    }
    assertFalse(
        SlotRegistry.all().stream().anyMatch(slot -> slot.methodName().equals("throwsAnError")),
        SlotRegistry.all()::toString);
  }

  /** JUnit reads its configuration from system properties too: a project's parallel switch. */
  @Test
  void parallelExecutionIsTurnedOffWithALineSayingSo() {
    System.setProperty(TestMain.PARALLEL, "true");
    try {
      String out = run(List.of(FIXTURE + "#passes"), 0);
      assertTrue(
          out.contains("hotrestart:test: tests run one at a time (the project's "
              + "junit.jupiter.execution.parallel.enabled=true is ignored)"),
          out);
      assertTrue(out.contains("Tests run: 1, Failures: 0"), out);
    } finally {
      System.clearProperty(TestMain.PARALLEL);
    }
  }

  /**
   * With restarting on (and no terminal, so no prompt), the extension gives the failed test
   * method a slot, and the failure is still reported.
   */
  @Test
  void theExtensionTakesAFailedTestMethodWithRestartingOn() {
    String before = System.getProperty(Settings.ENABLED);
    System.setProperty(Settings.ENABLED, "true");
    try {
      String out = run(List.of(FIXTURE + "#failsAnAssertion"), TestMain.FAILED);
      assertTrue(out.contains("Tests run: 1, Failures: 1, Errors: 0"), out);
    } finally {
      if (before == null) {
        System.clearProperty(Settings.ENABLED);
      } else {
        System.setProperty(Settings.ENABLED, before);
      }
    }
    List<MethodSlot> slots = SlotRegistry.all();
    assertTrue(
        slots.stream().anyMatch(slot -> slot.declaringClass() == MixedResults.class
            && slot.methodName().equals("failsAnAssertion") && !slot.proxied()),
        slots::toString);
  }
}
