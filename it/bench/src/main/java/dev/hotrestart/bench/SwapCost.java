package dev.hotrestart.bench;

import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.slot.SlotRegistry;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import java.util.Locale;

/**
 * How long calls stay slow after a swap. Runs in a JVM of its own: calls {@code sum} through the
 * proxy in batches, timing each batch, until the code is compiled and steady; reloads the method
 * (the swap invalidates the compiled callers that inlined the old target, which then run
 * interpreted and are compiled again); and keeps timing. Reports the time per call in windows
 * after the swap against the steady time before it, how soon a 50 ms window of calls is back
 * within 10%, and the excess: the extra time those slow calls cost until then.
 *
 * <p>Two kinds of swap alternate: a real reload (javac in process, transplant, swap), and a bare
 * {@link MethodSlot#swap} back to the original {@code super.sum} with no javac, which separates
 * the cost of deoptimising and recompiling our call path from the JIT's extra work on javac's own
 * code, which competes for the two cores' compiler threads after a reload.
 */
public final class SwapCost {

  private static final int CALLS_PER_BATCH = 100;
  private static final long STEADY_NANOS = 2_000_000_000L;
  private static final long AFTER_NANOS = 3_000_000_000L;
  private static final long WINDOW_NANOS = 50_000_000L;
  /** Upper bounds (ms after the swap) of the windows reported. */
  private static final double[] WINDOWS_MS = {1, 10, 100, 1_000, 3_000};

  private SwapCost() {}

  public static void main(String[] args) throws Exception {
    int swaps = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    Calc wrapped = HotRestart_Calc.create();
    int[] values = new int[CallBenchmark.LENGTH];
    for (int i = 0; i < values.length; i++) {
      values[i] = i * 31 % 1_000;
    }
    Reloads reloads = new Reloads();
    MethodSlot slot =
        SlotRegistry.all().stream()
            .filter(s -> s.declaringClass() == Calc.class && s.methodName().equals("sum"))
            .findFirst()
            .orElseThrow();
    // What the proxy's slot held first: super.sum, as MethodSlot.create builds it.
    MethodHandle original =
        MethodHandles.privateLookupIn(HotRestart_Calc.class, MethodHandles.lookup())
            .findSpecial(Calc.class, "sum", slot.methodType(), HotRestart_Calc.class);
    System.out.println(
        "| swap | kind | steady ns/call | " + windowHeader() + " | within 10% after | excess |");
    System.out.println("| --- | --- | --- |" + " --- |".repeat(WINDOWS_MS.length) + " --- | --- |");
    for (int swap = 1; swap <= swaps; swap++) {
      Series before = run(wrapped, values, STEADY_NANOS);
      double steady = before.medianPerCallSince(STEADY_NANOS / 2);
      String kind;
      if (swap % 2 == 1) {
        reloads.reload("sum");
        kind = swap == 1 ? "first reload" : "reload";
      } else {
        slot.swap(original);
        kind = "bare swap, no javac";
      }
      Series after = run(wrapped, values, AFTER_NANOS);
      System.out.println(after.row(swap, kind, steady));
    }
  }

  private static String windowHeader() {
    StringBuilder header = new StringBuilder();
    double from = 0;
    for (double to : WINDOWS_MS) {
      header.append(header.length() == 0 ? "" : " | ").append(fmt(from)).append("-").append(fmt(to)).append(" ms");
      from = to;
    }
    return header.toString();
  }

  /** Timed batches for {@code nanos}: each batch's end (since the start) and duration. */
  private static Series run(Calc target, int[] values, long nanos) {
    int capacity = 4_000_000;
    long[] ends = new long[capacity];
    long[] durations = new long[capacity];
    long start = System.nanoTime();
    long sink = 0;
    int n = 0;
    long now = start;
    while (now - start < nanos && n < capacity) {
      long batchStart = now;
      sink += batch(target, values);
      now = System.nanoTime();
      ends[n] = now - start;
      durations[n] = now - batchStart;
      n++;
    }
    if (sink == 42) {
      System.out.println(); // keeps the sums alive
    }
    return new Series(Arrays.copyOf(ends, n), Arrays.copyOf(durations, n));
  }

  private static long batch(Calc target, int[] values) {
    long total = 0;
    for (int i = 0; i < CALLS_PER_BATCH; i++) {
      total += target.sum(values);
    }
    return total;
  }

  private record Series(long[] ends, long[] durations) {

    double medianPerCallSince(long since) {
      long[] tail = new long[ends.length];
      int n = 0;
      for (int i = 0; i < ends.length; i++) {
        if (ends[i] >= since) {
          tail[n++] = durations[i];
        }
      }
      long[] sorted = Arrays.copyOf(tail, n);
      Arrays.sort(sorted);
      return sorted[n / 2] / (double) CALLS_PER_BATCH;
    }

    String row(int swap, String kind, double steady) {
      StringBuilder row = new StringBuilder("| " + swap + " | " + kind + " | " + fmt(steady) + " | ");
      double from = 0;
      for (double to : WINDOWS_MS) {
        long time = 0;
        long calls = 0;
        for (int i = 0; i < ends.length; i++) {
          double end = ends[i] / 1e6;
          if (end > from && end <= to) {
            time += durations[i];
            calls += CALLS_PER_BATCH;
          }
        }
        row.append(calls == 0 ? "-" : fmt(time / (double) calls)).append(" | ");
        from = to;
      }
      // Recovered: the end of the first 50 ms window whose mean is within 10% of steady. (The
      // last window above it would be a poor measure: on two shared cores a late GC or a busy
      // neighbour puts a slow window in most 3-second runs.)
      double recovered = ends.length == 0 ? 0 : ends[ends.length - 1] / 1e6;
      long windowTime = 0;
      long windowCalls = 0;
      long windowEnd = WINDOW_NANOS;
      for (int i = 0; i < ends.length; i++) {
        windowTime += durations[i];
        windowCalls += CALLS_PER_BATCH;
        if (ends[i] >= windowEnd) {
          if (windowTime / (double) windowCalls <= 1.10 * steady) {
            recovered = ends[i] / 1e6;
            break;
          }
          windowTime = 0;
          windowCalls = 0;
          windowEnd = ends[i] + WINDOW_NANOS;
        }
      }
      // Excess: what the calls until then cost beyond the steady time.
      double excess = 0;
      for (int i = 0; i < ends.length && ends[i] / 1e6 <= recovered; i++) {
        excess += durations[i] - steady * CALLS_PER_BATCH;
      }
      return row.append(fmt(recovered))
          .append(" ms | ")
          .append(fmt(excess / 1e6))
          .append(" ms |")
          .toString();
    }
  }

  static String fmt(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
  }
}
