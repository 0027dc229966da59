package dev.hotrestart.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.slot.MethodSlot;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Finding the wrapped frame, reloaded classes, the plumbing filter, enclosing wrapped methods. */
class FramesTest {

  private static StackTraceElement frame(String className, String method, String file, int line) {
    return new StackTraceElement(className, method, file, line);
  }

  @Test
  void wrappedFrameOfReloadedCodeShowsUnderTheOriginalName() throws Exception {
    MethodSlot slot = new Fixture().slot();
    StackTraceElement[] dead = {
      frame("java.lang.Integer", "parseInt", "Integer.java", 652),
      frame("demo.Report$HR$parse$3", "lambda$parse$0", "Report.java", 41),
      frame("demo.Report$HR$parse$3", "parse", "Report.java", 40),
      frame("java.lang.invoke.LambdaForm$DMH/0x1", "invokeStatic", null, -1),
      frame("demo.HotRestart_Report", "parse", "HotRestart_Report.java", 24),
      frame("demo.Driver", "run", "Driver.java", 7),
    };
    StackTraceElement[] live = {
      frame("java.lang.Thread", "getStackTrace", "Thread.java", 1610),
      frame("dev.hotrestart.debug.Debugger", "run", "Debugger.java", 1),
      frame("dev.hotrestart.slot.MethodSlot", "failed", "MethodSlot.java", 1),
      frame("demo.HotRestart_Report", "parse", "HotRestart_Report.java", 26),
      frame("demo.Outer", "process", "Outer.java", 12),
      frame("demo.HotRestart_Outer", "process", "HotRestart_Outer.java", 30),
      frame("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0", null, -2),
      frame("demo.Main", "main", "Main.java", 5),
    };
    assertEquals(2, Frames.wrappedIndex(dead, slot));
    Frames frames = Frames.of(slot, dead, live);
    assertEquals(
        List.of(
            "java.lang.Integer.parseInt(Integer.java:652)",
            "demo.Report.lambda$parse$0(Report.java:41)",
            "demo.Report.parse(Report.java:40)",
            "demo.Outer.process(Outer.java:12)",
            "demo.Main.main(Main.java:5)"),
        frames.list().stream().map(Frames.Frame::describe).collect(Collectors.toList()));
    assertEquals(2, frames.crashed());
    assertTrue(frames.list().get(3).wrapped(), "an enclosing wrapped method is marked");
    assertTrue(frames.list().get(3).live());
    assertFalse(frames.list().get(2).live());
    assertEquals(6, frames.hidden());
  }

  /** A test method's slot (no proxy): the crash ends at the method's own frame, no live callers. */
  @Test
  void aSlotWithoutAProxyEndsAtTheMethodsOwnFrame() throws Exception {
    MethodSlot slot =
        MethodSlot.of(
            java.lang.invoke.MethodHandles.privateLookupIn(
                TestLike.class, java.lang.invoke.MethodHandles.lookup()),
            TestLike.class,
            "check",
            "()V",
            "",
            "");
    assertFalse(slot.proxied());
    String test = TestLike.class.getName();
    StackTraceElement[] dead = {
      frame("org.junit.jupiter.api.AssertionUtils", "fail", "AssertionUtils.java", 38),
      frame(test + "$HR$check$1", "check", "FramesTest.java", 12),
      frame("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke", null, -1),
      frame("org.junit.platform.commons.util.ReflectionUtils", "invokeMethod", "ReflectionUtils.java", 1),
      frame("dev.hotrestart.junit.RestartingExtension", "runRestarting", "RestartingExtension.java", 1),
    };
    StackTraceElement[] live = {
      frame("dev.hotrestart.slot.MethodSlot", "failed", "MethodSlot.java", 1),
      frame("dev.hotrestart.junit.RestartingExtension", "runRestarting", "RestartingExtension.java", 1),
      frame("org.junit.platform.launcher.core.DefaultLauncher", "execute", "DefaultLauncher.java", 1),
    };
    Frames frames = Frames.of(slot, dead, live);
    assertEquals(
        List.of(
            "org.junit.jupiter.api.AssertionUtils.fail(AssertionUtils.java:38)",
            test + ".check(FramesTest.java:12)"),
        frames.list().stream().map(Frames.Frame::describe).collect(Collectors.toList()));
    assertEquals(1, frames.crashed());
  }

  /**
   * An instance the agent routes (made by {@code new}): the class's own method calls the slot, and
   * the copy below it reads the same class and method, so the routing frame is the one just
   * outside a frame of the method's code.
   */
  @Test
  void aRoutedInstanceEndsAtItsCopyAndShowsTheCallersOfTheRoutingMethod() throws Exception {
    MethodSlot slot =
        MethodSlot.routed(
            java.lang.invoke.MethodHandles.privateLookupIn(
                RoutedLike.class, java.lang.invoke.MethodHandles.lookup()),
            RoutedLike.class,
            "check|()V||")[0];
    assertTrue(slot.proxied() && slot.routed());
    String routed = RoutedLike.class.getName();
    StackTraceElement[] dead = {
      frame("java.lang.Integer", "parseInt", "Integer.java", 652),
      frame(routed, "check", "FramesTest.java", 21), // the copy, named back to the class
      frame(routed, "check", "FramesTest.java", 20), // the routing method
      frame("demo.Driver", "run", "Driver.java", 7),
    };
    StackTraceElement[] live = {
      frame("java.lang.Thread", "getStackTrace", "Thread.java", 1610),
      frame("dev.hotrestart.slot.MethodSlot", "failed", "MethodSlot.java", 1),
      frame(routed, "check", "FramesTest.java", 20),
      frame("demo.Driver", "run", "Driver.java", 7),
      frame("demo.Main", "main", "Main.java", 5),
    };
    assertEquals(2, Frames.proxyIndex(dead, slot));
    Frames frames = Frames.of(slot, dead, live);
    assertEquals(
        List.of(
            "java.lang.Integer.parseInt(Integer.java:652)",
            routed + ".check(FramesTest.java:21)",
            "demo.Driver.run(Driver.java:7)",
            "demo.Main.main(Main.java:5)"),
        frames.list().stream().map(Frames.Frame::describe).collect(Collectors.toList()));
    assertEquals(1, frames.crashed());
    assertFalse(frames.list().get(1).live());
    assertTrue(frames.list().get(2).live());
  }

  /** Stands for a class the agent routed: {@code check} and the body it moved aside. */
  static class RoutedLike {
    void check() {}

    @SuppressWarnings("unused")
    private void check$HR$body() {}
  }

  /** Stands for a test class: a method no proxy wraps. */
  static final class TestLike {
    void check() {}
  }

  @Test
  void withoutTheProxyInTheTraceEveryFrameIsShown() throws Exception {
    MethodSlot slot = new Fixture().slot();
    StackTraceElement[] dead = {frame("demo.Elsewhere", "work", "Elsewhere.java", 3)};
    Frames frames = Frames.of(slot, dead, new StackTraceElement[0]);
    assertEquals(-1, frames.crashed());
    assertEquals(1, frames.list().size());
  }

  @Test
  void plumbingIsTheRuntimeProxiesAndInvocationMachinery() {
    for (String hidden :
        List.of(
            "dev.hotrestart.slot.MethodSlot",
            "dev.hotrestart.debug.Debugger",
            "dev.hotrestart.HotRestart",
            "dev.hotrestart.internal.asm.ClassReader",
            "demo.HotRestart_Report",
            "demo.Outer$HotRestart_Inner",
            "java.lang.invoke.LambdaForm$MH/0x0000000800c0c000",
            "jdk.internal.reflect.NativeMethodAccessorImpl",
            "sun.reflect.GeneratedMethodAccessor1",
            "dev.hotrestart.junit.RestartingExtension",
            "org.junit.platform.engine.support.hierarchical.NodeTestTask",
            "org.junit.jupiter.engine.execution.InvocationInterceptorChain")) {
      assertTrue(Frames.isPlumbing(hidden), hidden);
    }
    for (String shown :
        List.of(
            "dev.hotrestart.demo.Report",
            "java.lang.Integer",
            "demo.Report",
            "HotRestartable",
            "org.junit.jupiter.api.AssertionUtils")) {
      assertFalse(Frames.isPlumbing(shown), shown);
    }
  }

  @Test
  void displayNamesDropTheReloadSuffix() {
    assertEquals("demo.Report", Frames.displayClassName("demo.Report$HR$parse$1"));
    assertEquals("demo.Report$1", Frames.displayClassName("demo.Report$1"));
    assertEquals("demo", Frames.packageOf("demo.Report"));
    assertEquals("", Frames.packageOf("Report"));
  }
}
