package dev.hotrestart.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waiting for another thread in tests. */
public final class Await {

  private Await() {}

  /**
   * Polls {@code condition} until it holds; fails after 20 seconds.
   *
   * @param condition what to wait for
   * @throws InterruptedException if the test is interrupted
   */
  public static void until(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out");
      Thread.sleep(10);
    }
  }
}
