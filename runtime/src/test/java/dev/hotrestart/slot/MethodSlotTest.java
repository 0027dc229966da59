package dev.hotrestart.slot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.testing.HotRestart_Sample;
import dev.hotrestart.testing.Sample;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The slots of {@link HotRestart_Sample}, a proxy exactly as the processor generates it, driven
 * without the debugger (restarting is off in these tests).
 */
class MethodSlotTest {

  @Test
  void callsTheOriginalThroughTheSlot() throws IOException {
    Sample sample = HotRestart_Sample.create();
    assertEquals(42, sample.add(41));
    assertEquals(1, sample.calls);
    sample.record("started");
    assertEquals(List.of("started"), sample.events);
    assertEquals("b", sample.first("a", List.of("b")));
  }

  @Test
  void disabledRuntimeRethrowsTheSameException() {
    Sample sample = HotRestart_Sample.create();
    IOException thrown = assertThrows(IOException.class, () -> sample.add(-1));
    assertEquals("negative: -1", thrown.getMessage());
    assertEquals(1, sample.calls, "no second call when the debugger is off");
    IllegalStateException unchecked =
        assertThrows(IllegalStateException.class, () -> sample.fail("boom"));
    assertEquals("boom", unchecked.getMessage());
  }

  @Test
  void swapRoutesLaterCallsToTheNewImplementation() throws Exception {
    Sample sample = HotRestart_Sample.create();
    MethodSlot slot = slot("add");
    MethodHandle invoker = slot.erasedInvoker();
    MethodHandle replacement =
        MethodHandles.lookup()
            .findStatic(
                MethodSlotTest.class,
                "addTwice",
                MethodType.methodType(int.class, Sample.class, int.class));
    int version = slot.version();
    slot.swap(replacement);
    try {
      assertEquals(20, sample.add(10));
      assertEquals(0, sample.calls, "the original did not run");
      assertTrue(slot.version() > version, "a swap is a new version");
      assertSame(invoker, slot.erasedInvoker(), "the invoker stays the same handle");
      assertEquals("dev.hotrestart.testing.Sample.add(int)", slot.describe());
    } finally {
      slot.swap(
          MethodHandles.privateLookupIn(HotRestart_Sample.class, MethodHandles.lookup())
              .findSpecial(
                  Sample.class,
                  "add",
                  MethodType.methodType(int.class, int.class),
                  HotRestart_Sample.class));
    }
    assertEquals(11, sample.add(10), "swapped back to the original");
  }

  static int addTwice(Sample sample, int x) {
    return x * 2;
  }

  @Test
  void theSlotIsDescribedByTheGeneratedConstants() {
    HotRestart_Sample.create();
    MethodSlot slot = slot("first");
    assertSame(HotRestart_Sample.class, slot.proxyClass());
    assertSame(Sample.class, slot.declaringClass());
    assertEquals(List.of("value", "more"), slot.parameterNames());
    assertEquals(
        MethodType.methodType(CharSequence.class, CharSequence.class, List.class), slot.methodType());
    assertEquals(
        MethodType.methodType(Object.class, Object.class, Object.class, Object.class),
        slot.erasedInvoker().type());
    assertEquals(
        MethodType.methodType(void.class, Object.class, Object.class),
        slot("record").erasedInvoker().type());
  }

  @Test
  void aTypeMissingFromTheClassPathSaysToRebuild() {
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                MethodSlot.of(
                    MethodHandles.lookup(),
                    Sample.class,
                    "add",
                    "(I)I",
                    "x",
                    "com.example.GoneException"));
    assertTrue(thrown.getMessage().contains("rebuild the project"), thrown.getMessage());
    assertTrue(thrown.getMessage().contains("com.example.GoneException"), thrown.getMessage());
  }

  @Test
  void aSlotTableEntryWithoutItsFourFieldsSaysToRebuild() {
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () -> MethodSlot.all(MethodHandles.lookup(), Sample.class, "add|(I)I|x"));
    assertTrue(thrown.getMessage().contains("\"add|(I)I|x\""), thrown.getMessage());
    assertTrue(thrown.getMessage().contains("rebuild the project"), thrown.getMessage());
  }

  /** The slot of a method of {@link Sample}, registered when its proxy was initialised. */
  private static MethodSlot slot(String methodName) {
    return SlotRegistry.all().stream()
        .filter(s -> s.declaringClass() == Sample.class && s.methodName().equals(methodName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no slot of Sample." + methodName));
  }
}
