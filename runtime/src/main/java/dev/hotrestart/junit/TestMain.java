package dev.hotrestart.junit;

import dev.hotrestart.HotRestart;
import java.io.PrintStream;
import java.util.List;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of the JVM that {@code mvn hotrestart:test} forks: runs the JUnit Jupiter tests
 * its arguments name ({@link Selection}) through the JUnit Platform Launcher of the project's
 * version, with {@link RestartingExtension} registered, prints a summary like Surefire's, and
 * exits with 0 when no test failed for good, else 1.
 *
 * <p>Tests run one at a time: Jupiter's parallel execution is turned off (with a line saying so),
 * because one prompt serves the JVM and a test waiting at it would hold up the others anyway.
 */
public final class TestMain {

  /** Jupiter's switch for parallel execution. */
  static final String PARALLEL = "junit.jupiter.execution.parallel.enabled";
  /** The exit status when a test failed for good. */
  static final int FAILED = 1;

  private TestMain() {}

  /**
   * Runs the tests.
   *
   * @param args the test classes, with method patterns: {@code com.acme.CartTest#total*+discount}
   */
  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out));
  }

  /** Runs the tests and prints the summary; returns the exit status. */
  static int run(List<String> arguments, PrintStream out) {
    Selection selection = Selection.parse(arguments);
    if (selection.isEmpty()) {
      out.println("hotrestart:test: no test classes to run");
      return 0;
    }
    RestartingExtension.output(out);
    LauncherDiscoveryRequest projects = request(selection, false);
    boolean projectAutodetects =
        projects.getConfigurationParameters().getBoolean(ExtensionServiceLoader.AUTODETECTION).orElse(false);
    if (projects.getConfigurationParameters().getBoolean(PARALLEL).orElse(false)) {
      out.println("hotrestart:test: tests run one at a time (the project's " + PARALLEL
          + "=true is ignored): one prompt serves the whole run");
    }
    LauncherDiscoveryRequest request = request(selection, true);

    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    Runnable restore = () -> thread.setContextClassLoader(original);
    Summary summary = new Summary(RestartingExtension::restarted, restore);
    thread.setContextClassLoader(new ExtensionServiceLoader(original, projectAutodetects));
    try {
      Launcher launcher = LauncherFactory.create();
      TestPlan plan = launcher.discover(request);
      launcher.execute(plan, summary);
    } finally {
      restore.run();
    }
    summary.print(out);
    if (summary.testsRun() == 0 && summary.succeeded()) {
      out.println("hotrestart:test: no test matched " + String.join(", ", arguments));
    }
    if (!HotRestart.isEnabled()) {
      out.println("hotrestart:test: restarting was stopped (q) during the run");
    }
    return summary.succeeded() ? 0 : FAILED;
  }

  /**
   * The discovery request; with {@code ours}, Jupiter's auto-detection on (to find the extension
   * through {@link ExtensionServiceLoader}) and parallel execution off.
   */
  private static LauncherDiscoveryRequest request(Selection selection, boolean ours) {
    LauncherDiscoveryRequestBuilder builder =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selection.selectors())
            .filters(selection.methodFilter());
    if (ours) {
      builder.configurationParameter(ExtensionServiceLoader.AUTODETECTION, "true");
      builder.configurationParameter(PARALLEL, "false");
    }
    return builder.build();
  }
}
