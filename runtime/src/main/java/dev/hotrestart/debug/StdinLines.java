package dev.hotrestart.debug;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lines of a reader (System.in), read on a thread of their own so that a prompt waiting for one
 * can be interrupted: a Java SIGINT handler cannot unblock a {@code read} of System.in, but it
 * can interrupt the prompt's thread while that thread waits here.
 *
 * <p>The reading thread reads one line per request only, so that nothing typed while no prompt
 * is open is taken from the program's own System.in. A line still being read when its prompt was
 * interrupted is kept for the next prompt (the terminal shows it typed at a prompt anyway).
 */
final class StdinLines implements Input {

  /** What the reading thread got: a line, end of input (both null), or an error. */
  private record Result(String line, IOException error) {}

  private final BufferedReader reader;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition requested = lock.newCondition();
  private final Condition arrived = lock.newCondition();

  /** Guarded by {@link #lock}. */
  private final Deque<Result> ready = new ArrayDeque<>();
  /** Guarded by {@link #lock}: a line has been asked for and not delivered yet. */
  private boolean inFlight;
  /** Guarded by {@link #lock}. */
  private Thread thread;

  /**
   * Lines of {@code reader}.
   *
   * @param reader the reader; shared for the life of the JVM, never closed here
   */
  StdinLines(BufferedReader reader) {
    this.reader = reader;
  }

  @Override
  public Line read(String prompt) throws IOException {
    lock.lock();
    try {
      while (ready.isEmpty()) {
        if (!inFlight) {
          inFlight = true;
          startThread();
          requested.signal();
        }
        try {
          arrived.await();
        } catch (InterruptedException e) {
          InterruptedIOException interrupted = new InterruptedIOException("interrupted");
          interrupted.initCause(e);
          throw interrupted;
        }
      }
      Result result = ready.poll();
      if (result.error() != null) {
        throw result.error();
      }
      return result.line() == null ? null : new Line(result.line(), false);
    } finally {
      lock.unlock();
    }
  }

  private void startThread() {
    if (thread == null) {
      thread = new Thread(this::readLines, "hotrestart-stdin");
      thread.setDaemon(true); // it may wait on System.in for ever; it must not keep the JVM up
      thread.start();
    }
  }

  private void readLines() {
    while (true) {
      lock.lock();
      try {
        while (!inFlight) {
          requested.awaitUninterruptibly();
        }
      } finally {
        lock.unlock();
      }
      Result result;
      try {
        result = new Result(reader.readLine(), null);
      } catch (IOException e) {
        result = new Result(null, e);
      }
      lock.lock();
      try {
        ready.add(result);
        inFlight = false;
        arrived.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }
}
