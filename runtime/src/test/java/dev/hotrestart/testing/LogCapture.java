package dev.hotrestart.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what the runtime logs through {@code System.Logger}, which the JDK backs with
 * java.util.logging when no other backend is installed: the runtime depends on neither.
 */
public final class LogCapture implements AutoCloseable {

  private final Logger logger;
  private final Level levelBefore;
  private final List<LogRecord> records = new ArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          synchronized (records) {
            records.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private LogCapture(String name) {
    logger = Logger.getLogger(name);
    levelBefore = logger.getLevel();
    logger.setLevel(Level.ALL);
    handler.setLevel(Level.ALL);
    logger.addHandler(handler);
  }

  /**
   * Starts recording everything logged under {@code name}, DEBUG included.
   *
   * @param name a logger name or a prefix of names, such as {@code dev.hotrestart}
   * @return the capture; close it to stop
   */
  public static LogCapture of(String name) {
    return new LogCapture(name);
  }

  /**
   * The records so far.
   *
   * @return a copy
   */
  public List<LogRecord> records() {
    synchronized (records) {
      return List.copyOf(records);
    }
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setLevel(levelBefore);
  }
}
