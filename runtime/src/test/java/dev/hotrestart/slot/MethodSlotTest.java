package dev.hotrestart.slot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A hand-written proxy of the shape the processor generates, driven without the debugger. */
class MethodSlotTest {

  static class Counter {
    int calls;

    int add(int x) throws IOException {
      calls++;
      if (x < 0) {
        throw new IOException("negative: " + x);
      }
      return x + 1;
    }

    <T extends CharSequence> T echo(T value, List<? extends T> more) {
      return more.isEmpty() ? value : more.get(0);
    }
  }

  static final class HotRestart_Counter extends Counter {
    private static final MethodSlot SLOT_ADD =
        MethodSlot.create(
            MethodHandles.lookup(),
            Counter.class,
            "add",
            MethodType.methodType(int.class, int.class),
            new String[] {"x"},
            new Class<?>[] {InterruptedException.class});
    private static final MethodHandle CALL_ADD = SLOT_ADD.invoker();
    private static final MethodSlot SLOT_ECHO =
        MethodSlot.create(
            MethodHandles.lookup(),
            Counter.class,
            "echo",
            MethodType.methodType(CharSequence.class, CharSequence.class, List.class),
            new String[] {"value", "more"},
            new Class<?>[] {});
    private static final MethodHandle CALL_ECHO = SLOT_ECHO.invoker();

    @Override
    int add(int x) throws IOException {
      while (true) {
        try {
          return (int) CALL_ADD.invokeExact(this, x);
        } catch (Throwable e) {
          SLOT_ADD.failed(e, this, new Object[] {x});
        }
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    <T extends CharSequence> T echo(T value, List<? extends T> more) {
      while (true) {
        try {
          return (T) CALL_ECHO.invokeExact(this, value, more);
        } catch (Throwable e) {
          SLOT_ECHO.failed(e, this, new Object[] {value, more});
        }
      }
    }
  }

  @Test
  void callsTheOriginalThroughTheSlot() throws IOException {
    Counter counter = new HotRestart_Counter();
    assertEquals(42, counter.add(41));
    assertEquals(1, counter.calls);
    assertEquals("b", counter.echo("a", List.of("b")));
  }

  @Test
  void disabledRuntimeRethrowsTheSameException() {
    Counter counter = new HotRestart_Counter();
    IOException thrown = assertThrows(IOException.class, () -> counter.add(-1));
    assertEquals("negative: -1", thrown.getMessage());
    assertEquals(1, counter.calls, "no second call when the debugger is off");
  }

  @Test
  void swapRoutesLaterCallsToTheNewImplementation() throws Exception {
    Counter counter = new HotRestart_Counter();
    MethodSlot slot = HotRestart_Counter.SLOT_ADD;
    MethodHandle original = slot.invoker();
    MethodHandle replacement =
        MethodHandles.lookup()
            .findStatic(
                MethodSlotTest.class,
                "addTwice",
                MethodType.methodType(int.class, Counter.class, int.class));
    slot.swap(replacement);
    try {
      assertEquals(20, counter.add(10));
      assertSame(original, slot.invoker(), "the invoker stays the same handle");
      assertEquals("dev.hotrestart.slot.MethodSlotTest$Counter.add(int)", slot.describe());
    } finally {
      slot.swap(
          MethodHandles.privateLookupIn(HotRestart_Counter.class, MethodHandles.lookup())
              .findSpecial(
                  Counter.class,
                  "add",
                  MethodType.methodType(int.class, int.class),
                  HotRestart_Counter.class));
    }
  }

  static int addTwice(Counter counter, int x) {
    return x * 2;
  }

  /** The shape generated code uses: descriptors as strings, and the erased invoker. */
  static final class HotRestart_Erased extends Counter {
    static final MethodSlot SLOT =
        MethodSlot.of(
            MethodHandles.lookup(),
            Counter.class,
            "echo",
            "(Ljava/lang/CharSequence;Ljava/util/List;)Ljava/lang/CharSequence;",
            "value more",
            "java.lang.InterruptedException java.io.IOException");
    static final MethodHandle CALL = SLOT.erasedInvoker();

    @Override
    @SuppressWarnings("unchecked")
    <T extends CharSequence> T echo(T value, List<? extends T> more) {
      while (true) {
        try {
          return (T) (Object) CALL.invokeExact((Object) this, (Object) value, (Object) more);
        } catch (Throwable e) {
          SLOT.failed(e, this, new Object[] {value, more});
        }
      }
    }
  }

  @Test
  void descriptorStringsAndTheErasedInvokerCallTheOriginal() {
    Counter counter = new HotRestart_Erased();
    assertEquals("b", counter.echo("a", List.of("b")));
    MethodSlot slot = HotRestart_Erased.SLOT;
    assertEquals(List.of("value", "more"), slot.parameterNames());
    assertEquals(
        MethodType.methodType(CharSequence.class, CharSequence.class, List.class), slot.methodType());
    assertEquals(
        MethodType.methodType(Object.class, Object.class, Object.class, Object.class),
        slot.erasedInvoker().type());
  }

  @Test
  void aTypeMissingFromTheClassPathSaysToRebuild() {
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                MethodSlot.of(
                    MethodHandles.lookup(),
                    Counter.class,
                    "add",
                    "(I)I",
                    "x",
                    "com.example.GoneException"));
    assertTrue(thrown.getMessage().contains("rebuild the project"), thrown.getMessage());
    assertTrue(thrown.getMessage().contains("com.example.GoneException"), thrown.getMessage());
  }
}
