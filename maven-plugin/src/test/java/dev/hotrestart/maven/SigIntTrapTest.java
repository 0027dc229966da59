package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * Raises a real SIGINT in the test JVM, always with a trap in place: an outer trap stands for
 * the handler that was there before, so restoring it is observable and the JVM never sees an
 * untrapped Ctrl-C.
 */
class SigIntTrapTest {

  @Test
  void trapsCtrlCAndRestoresThePreviousHandler() throws Exception {
    List<String> debug = new ArrayList<>();
    try (SigIntTrap outer = SigIntTrap.install(debug::add)) {
      assertTrue(outer.installed(), debug.toString());
      // e.g. `mvn verify &` from a script: the signal would never arrive
      assumeFalse(outer.ignoredSinceStart(), "this JVM started with SIGINT ignored");
      SigIntTrap inner = SigIntTrap.install(debug::add);
      try {
        raiseSigInt();
        awaitCount(inner::trapped, 1);
        assertEquals(0, outer.trapped(), "the newest handler receives the signal");
      } finally {
        inner.close();
      }
      raiseSigInt();
      awaitCount(outer::trapped, 1);
      assertEquals(1, inner.trapped(), "after close the previous handler is back");
    }
    assertEquals(List.of(), debug);
  }

  private static void raiseSigInt() throws ReflectiveOperationException {
    Class<?> signalClass = Class.forName("sun.misc.Signal");
    Object signal = signalClass.getConstructor(String.class).newInstance("INT");
    signalClass.getMethod("raise", signalClass).invoke(null, signal);
  }

  /** Handlers run on the JVM's signal dispatcher thread, so the count arrives asynchronously. */
  private static void awaitCount(IntSupplier count, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (count.getAsInt() < expected && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(expected, count.getAsInt());
  }
}
