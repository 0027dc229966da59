package soak;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * 8 threads call {@link Work#step} until the file {@code -Dsoak.stop} appears; thread 0 also
 * calls {@link Work#crash} every {@code -Dsoak.crashMillis} (3000), which opens the prompt. Every
 * 5 s, after {@code System.gc()}, it writes one line of figures to {@code -Dsoak.status}; the
 * last line, after the threads have ended, compares their own counts with the object's.
 */
public final class Main {

  static final int THREADS = 8;

  private Main() {}

  public static void main(String[] args) throws Exception {
    Path status = Path.of(System.getProperty("soak.status"));
    Path stop = Path.of(System.getProperty("soak.stop"));
    long crashMillis = Long.getLong("soak.crashMillis", 3000);
    Work work = HotRestart_Work.create();
    AtomicLongArray calls = new AtomicLongArray(THREADS);
    AtomicLong crashes = new AtomicLong();
    AtomicLong raised = new AtomicLong();
    long start = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      int thread = i;
      Thread worker =
          new Thread(
              () -> {
                long nextCrash = System.nanoTime() + crashMillis * 1_000_000;
                for (long n = 0; ; n++) {
                  work.step(thread);
                  calls.incrementAndGet(thread);
                  if (n % 50 == 49) {
                    if (Files.exists(stop)) {
                      break;
                    }
                    pause(); // 8 busy threads would starve a shared machine: about 50k calls/s each
                  }
                  if (thread == 0 && System.nanoTime() > nextCrash) {
                    try {
                      work.crash(crashes.incrementAndGet());
                    } catch (IllegalStateException e) {
                      raised.incrementAndGet(); // r or Ctrl-C at the prompt
                    }
                    nextCrash = System.nanoTime() + crashMillis * 1_000_000;
                  }
                }
              },
              "soak-" + i);
      threads.add(worker);
      worker.start();
    }
    Thread reporter =
        new Thread(
            () -> {
              while (true) {
                write(status, line(start, calls, work, crashes, raised, false));
                try {
                  Thread.sleep(5_000);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "soak-status");
    reporter.setDaemon(true);
    reporter.start();
    for (Thread thread : threads) {
      thread.join();
    }
    reporter.interrupt();
    reporter.join();
    write(status, line(start, calls, work, crashes, raised, true));
    System.out.println("soak: program done");
  }

  private static void pause() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String line(
      long start, AtomicLongArray calls, Work work, AtomicLong crashes, AtomicLong raised, boolean last) {
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    long sum = 0;
    for (int i = 0; i < calls.length(); i++) {
      sum += calls.get(i);
    }
    return "pid=" + ProcessHandle.current().pid()
        + " seconds=" + (System.nanoTime() - start) / 1_000_000_000
        + " calls=" + sum
        + " counted=" + work.total()
        + " crashes=" + crashes.get()
        + " raised=" + raised.get()
        + " threads=" + ManagementFactory.getThreadMXBean().getThreadCount()
        + " heapUsed=" + (runtime.totalMemory() - runtime.freeMemory())
        + " final=" + last;
  }

  /** Appends one line; the file is outside the program's tmpdir, which the soak checks. */
  private static synchronized void write(Path status, String line) {
    try {
      Files.writeString(status, line + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      System.err.println("soak: cannot write " + status + ": " + e);
    }
  }
}
