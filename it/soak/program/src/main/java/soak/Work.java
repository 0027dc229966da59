package soak;

import dev.hotrestart.HotRestartable;
import java.util.concurrent.atomic.AtomicLongArray;

/** What the soak's threads call, through the proxy: one counter per thread, and a crash on demand. */
@HotRestartable
public class Work {

  private final AtomicLongArray counts = new AtomicLongArray(Main.THREADS);
  private long lastCrash = -1;

  /** Counts one call of {@code thread}; the thread counts its own calls too, to find lost updates. */
  public long step(int thread) {
    return counts.incrementAndGet(thread);
  }

  /** Throws the first time it is called with {@code n}, so that {@code c} (the same call again) returns. */
  public synchronized long crash(long n) {
    if (n != lastCrash) {
      lastCrash = n;
      throw new IllegalStateException("soak crash " + n);
    }
    return n;
  }

  /** The calls counted so far, all threads. */
  public long total() {
    long total = 0;
    for (int i = 0; i < counts.length(); i++) {
      total += counts.get(i);
    }
    return total;
  }
}
