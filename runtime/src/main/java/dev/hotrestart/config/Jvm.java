package dev.hotrestart.config;

import java.time.Instant;

/** Facts about this JVM that several parts of the runtime need to agree on. */
public final class Jvm {

  private static final Instant STARTED =
      ProcessHandle.current().info().startInstant().orElse(Instant.EPOCH);

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
}
