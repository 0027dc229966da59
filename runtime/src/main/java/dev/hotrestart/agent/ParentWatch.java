package dev.hotrestart.agent;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Ends the program when the process that started it ends. Under {@code mvn hotrestart:run} a
 * {@code kill -9} of Maven cannot run Maven's shutdown hook that stops the program, and the
 * program's JVM would live on, orphaned, holding the terminal.
 *
 * <p>A daemon thread compares this JVM's parent process with the one it was started by, four
 * times a second: when a process dies its children are given a new parent (init, or a
 * subreaper) at once, so a changed parent id is exact and immune to pid reuse. It then prints one
 * line to standard error and calls {@link System#exit} with {@link #EXIT_STATUS}, so shutdown
 * hooks run (the line editor restores the terminal, {@code deleteOnExit} files go), and halts
 * after {@link #GRACE} if a hook hangs. ({@code ProcessHandle.onExit()} was not used: for a
 * process that is not a child the JDK polls it with a pause that grows to 5 s, so after a few
 * minutes of running the program would outlive Maven by up to 5 s.)
 */
final class ParentWatch implements Runnable {

  /** How often the parent is checked: one read of {@code /proc/self/stat} on Linux. */
  static final Duration INTERVAL = Duration.ofMillis(250);
  /** How long shutdown hooks may run before the JVM halts. */
  static final Duration GRACE = Duration.ofSeconds(3);
  /** The exit status: 128 + SIGHUP, what a shell reports for a program whose terminal went away. */
  static final int EXIT_STATUS = 129;

  private final long parentPid;
  private final LongSupplier currentParentPid;
  private final Duration interval;
  private final Runnable stop;

  ParentWatch(long parentPid, LongSupplier currentParentPid, Duration interval, Runnable stop) {
    this.parentPid = parentPid;
    this.currentParentPid = currentParentPid;
    this.interval = interval;
    this.stop = stop;
  }

  /**
   * Watches {@code parentPid} from a daemon thread, and stops this JVM when it is no longer the
   * parent (at once if it already is not).
   */
  static ParentWatch start(long parentPid, PrintStream err) {
    ParentWatch watch =
        new ParentWatch(parentPid, ParentWatch::currentParentPid, INTERVAL, () -> stopJvm(parentPid, err));
    // a small stack: the thread only sleeps and reads one number
    Thread thread = new Thread(null, watch, "hotrestart-parent-watch", 64 * 1024);
    thread.setDaemon(true);
    thread.start();
    return watch;
  }

  /** Whether the watched process is no longer this JVM's parent. */
  boolean parentEnded() {
    return currentParentPid.getAsLong() != parentPid;
  }

  @Override
  public void run() {
    try {
      while (!parentEnded()) {
        TimeUnit.NANOSECONDS.sleep(interval.toNanos());
      }
    } catch (InterruptedException e) {
      // nobody interrupts this thread but the JVM's end: stop watching
      return;
    }
    stop.run();
  }

  private static long currentParentPid() {
    return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
  }

  private static void stopJvm(long parentPid, PrintStream err) {
    err.println("hotrestart: Maven (pid " + parentPid + ") ended; stopping the program");
    err.flush();
    Thread halt =
        new Thread(
            () -> {
              try {
                TimeUnit.NANOSECONDS.sleep(GRACE.toNanos());
              } catch (InterruptedException e) {
                // halting now is what the wait was for
              }
              err.println("hotrestart: shutdown hooks still running after " + GRACE.toSeconds() + " s; halting");
              err.flush();
              Runtime.getRuntime().halt(EXIT_STATUS);
            },
            "hotrestart-halt");
    halt.setDaemon(true);
    halt.start();
    System.exit(EXIT_STATUS);
  }
}
