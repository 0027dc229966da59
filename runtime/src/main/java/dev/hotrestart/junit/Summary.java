package dev.hotrestart.junit;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Counts a run like Surefire (tests run, failures: assertion errors, errors: other throws and
 * failed containers, skipped: disabled and aborted) and prints the summary at the end, with the
 * tests that passed only after a restart.
 */
final class Summary implements TestExecutionListener {

  private final Supplier<Set<String>> restarted;
  private final Runnable onEngineStart;
  private TestPlan plan;
  private int run;
  private final List<String> failures = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private int skipped;
  private final List<String> passedAfterRestart = new ArrayList<>();

  /**
   * @param restarted the unique ids of the tests that ran again after {@code c}, read at each end
   * @param onEngineStart called when an engine starts executing (its extensions are loaded)
   */
  Summary(Supplier<Set<String>> restarted, Runnable onEngineStart) {
    this.restarted = restarted;
    this.onEngineStart = onEngineStart;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    this.plan = testPlan;
  }

  @Override
  public void executionStarted(TestIdentifier identifier) {
    if (identifier.getParentId().isEmpty()) {
      onEngineStart.run();
    }
  }

  @Override
  public void executionSkipped(TestIdentifier identifier, String reason) {
    int tests = identifier.isTest() ? 1 : (int) plan.getDescendants(identifier).stream().filter(TestIdentifier::isTest).count();
    run += tests;
    skipped += tests;
  }

  @Override
  public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
    if (identifier.isTest()) {
      run++;
    }
    switch (result.getStatus()) {
      case SUCCESSFUL -> {
        if (identifier.isTest() && restarted.get().contains(identifier.getUniqueId())) {
          passedAfterRestart.add(name(identifier));
        }
      }
      case ABORTED -> skipped += identifier.isTest() ? 1 : 0;
      case FAILED -> {
        Throwable thrown = result.getThrowable().orElse(null);
        String line = name(identifier) + " " + describe(thrown);
        if (identifier.isTest() && thrown instanceof AssertionError) {
          failures.add(line);
        } else {
          errors.add(line);
        }
      }
    }
  }

  /** Whether every test passed (or was skipped) and no container failed. */
  boolean succeeded() {
    return failures.isEmpty() && errors.isEmpty();
  }

  int testsRun() {
    return run;
  }

  void print(PrintStream out) {
    out.println();
    out.println("Results (hotrestart:test):");
    list(out, "Failures:", failures);
    list(out, "Errors:", errors);
    list(out, "Passed after a restart:", passedAfterRestart);
    out.println();
    out.println("Tests run: " + run + ", Failures: " + failures.size() + ", Errors: "
        + errors.size() + ", Skipped: " + skipped + ", Passed after a restart: "
        + passedAfterRestart.size());
    out.flush();
  }

  private static void list(PrintStream out, String title, List<String> lines) {
    if (!lines.isEmpty()) {
      out.println();
      out.println(title);
      lines.forEach(line -> out.println("  " + line));
    }
  }

  /**
   * {@code CartTest.total}, with the display name when it says more than the method's name: a
   * parameterized invocation's {@code [3] 3}, a dynamic test's own name.
   */
  private String name(TestIdentifier identifier) {
    Optional<TestSource> source = identifier.getSource();
    if (source.isPresent() && source.get() instanceof MethodSource method) {
      String className = method.getClassName();
      String name = className.substring(className.lastIndexOf('.') + 1) + "." + method.getMethodName();
      String display = identifier.getDisplayName();
      return display.startsWith(method.getMethodName() + "(") ? name : name + " " + display;
    }
    return identifier.getDisplayName();
  }

  private static String describe(Throwable thrown) {
    if (thrown == null) {
      return "failed";
    }
    String message = thrown.getMessage();
    String first = message == null ? "" : " " + message.lines().findFirst().orElse("");
    return "» " + thrown.getClass().getSimpleName() + first;
  }
}
