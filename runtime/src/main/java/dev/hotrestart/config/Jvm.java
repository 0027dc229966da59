package dev.hotrestart.config;

import java.lang.management.ManagementFactory;
import java.time.Instant;

/** Facts about this JVM that several parts of the runtime need to agree on. */
public final class Jvm {

  private static final Instant STARTED = start();

  private Jvm() {}

  /**
   * When this JVM started. A source file saved after it may not be what the JVM runs: the
   * reloader counts such a file as edited, and {@code diff} keeps no start-up text of it.
   *
   * @return the start, or the epoch where the platform does not tell
   */
  public static Instant started() {
    return STARTED;
  }

  /**
   * The JVM's own record of its start, to the millisecond. Not {@link ProcessHandle}'s: on Linux
   * that is the boot time, which the kernel gives in whole seconds, plus the process's start
   * since boot, so it can be up to a second early, and files the build wrote just before it
   * started the JVM (the proxies' generated sources) counted as saved since: {@code c} then
   * named them as edits it did not apply.
   */
  private static Instant start() {
    try {
      return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    } catch (LinkageError | RuntimeException noManagement) {
      // A runtime image without java.management: a second later than ProcessHandle says, so as
      // never to be before the real start; an edit in the JVM's first second goes unseen.
      return ProcessHandle.current()
          .info()
          .startInstant()
          .map(start -> start.plusSeconds(1))
          .orElse(Instant.EPOCH);
    }
  }

  /**
   * Whether this JVM has begun to shut down (its shutdown hooks run). A prompt must not open
   * then: the line editor's own hook has given the terminal back already, and a new read would
   * put the terminal in raw mode again just before the JVM ends, leaving the user's shell
   * without echo.
   *
   * @return true once shutdown has begun
   */
  public static boolean shuttingDown() {
    // The JDK offers no query; registering a hook is refused once shutdown has begun.
    Thread probe = new Thread(() -> {}, "hotrestart-shutdown-probe");
    try {
      Runtime.getRuntime().addShutdownHook(probe);
    } catch (IllegalStateException e) {
      return true;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(probe);
    } catch (IllegalStateException e) {
      return true; // began in between; the probe does nothing when it runs
    }
    return false;
  }
}
