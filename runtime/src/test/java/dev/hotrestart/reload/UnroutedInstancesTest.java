package dev.hotrestart.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.slot.SlotRegistry;
import dev.hotrestart.testing.HotRestart_Sample;
import dev.hotrestart.testing.Sample;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Without the agent: an exception ending a thread names the wrapped method no proxy called. */
class UnroutedInstancesTest {

  private static final String SAMPLE = Sample.class.getName();
  private static final String PROXY = HotRestart_Sample.class.getName();

  private static List<MethodSlot> slots() {
    HotRestart_Sample.create(); // initialises the proxy: its slots exist
    return SlotRegistry.all().stream()
        .filter(slot -> slot.declaringClass() == Sample.class)
        .collect(Collectors.toList());
  }

  private static Throwable thrown(StackTraceElement... trace) {
    Throwable thrown = new IllegalStateException("boom");
    thrown.setStackTrace(trace);
    return thrown;
  }

  private static StackTraceElement frame(String className, String method) {
    return new StackTraceElement(className, method, "X.java", 1);
  }

  @Test
  void aWrappedFrameWithoutItsProxyIsNamedWithTheOptionThatRoutesIt() {
    Optional<String> notice =
        UnroutedInstances.notice(
            thrown(frame(SAMPLE, "fail"), frame("demo.Main", "main")), slots());
    assertTrue(notice.isPresent());
    assertTrue(
        notice.get().startsWith(
            "hotrestart: dev.hotrestart.testing.Sample.fail(String) threw on an instance not made"
                + " by HotRestart_Sample.create (made with new, by reflection or by a framework),"
                + " so no prompt opened: such instances restart only when the runtime jar is the"
                + " program's Java agent. Run the program with mvn hotrestart:run, or add -javaagent:"),
        notice.get());
    assertTrue(notice.get().contains("=instances=" + Sample.class.getProtectionDomain()
        .getCodeSource().getLocation().getPath().replaceAll("/$", "")), notice.get());
  }

  @Test
  void aCauseCountsAndAProxyCallDoesNot() {
    Throwable viaProxy = thrown(frame(SAMPLE, "fail"), frame(PROXY, "fail"), frame("demo.Main", "main"));
    assertEquals(Optional.empty(), UnroutedInstances.notice(viaProxy, slots()));
    Throwable wrapped = new IllegalStateException("Failed to execute CommandLineRunner",
        thrown(frame("java.lang.Integer", "parseInt"), frame(SAMPLE, "add"), frame("demo.Runner", "run")));
    wrapped.setStackTrace(new StackTraceElement[] {frame("org.springframework.boot.SpringApplication", "run")});
    assertTrue(
        UnroutedInstances.notice(wrapped, slots()).orElseThrow().contains("Sample.add(int) threw"));
  }

  @Test
  void theNoticeIsPrintedOnce() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(out, true, StandardCharsets.UTF_8);
    slots();
    UnroutedInstances.tellOnce(thrown(frame("demo.Main", "main")), err);
    assertFalse(out.toString(StandardCharsets.UTF_8).contains("hotrestart:"), "nothing to tell");
    UnroutedInstances.tellOnce(thrown(frame(SAMPLE, "record"), frame("demo.Main", "main")), err);
    UnroutedInstances.tellOnce(thrown(frame(SAMPLE, "add"), frame("demo.Main", "main")), err);
    String said = out.toString(StandardCharsets.UTF_8);
    assertEquals(1, said.lines().count(), said);
    assertTrue(said.contains("Sample.record(String) threw"), said);
  }
}
