package dev.hotrestart.testing;

import dev.hotrestart.HotRestartable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small restartable class for the runtime's tests: an {@code int} method, a {@code void} one, a
 * generic one and one that always throws. Its proxy, {@link HotRestart_Sample}, is exactly what
 * the processor generates for it (a processor test regenerates it and compares), so tests that use
 * it drive the shape that ships.
 */
@HotRestartable
public class Sample {

  /** How many times {@link #add} ran. */
  public int calls;

  /** What {@link #record} was given, in order. */
  public final List<String> events = new ArrayList<>();

  /**
   * Adds one, counting the calls.
   *
   * @param x a number
   * @return {@code x + 1}
   * @throws IOException if {@code x} is negative
   */
  public int add(int x) throws IOException {
    calls++;
    if (x < 0) {
      throw new IOException("negative: " + x);
    }
    return x + 1;
  }

  /**
   * Records an event.
   *
   * @param event what happened
   */
  public void record(String event) {
    events.add(event);
  }

  /**
   * The first of {@code more}, or {@code value} when there is none.
   *
   * @param <T> the kind of text
   * @param value the default
   * @param more candidates
   * @return the first candidate, or the default
   */
  public <T extends CharSequence> T first(T value, List<? extends T> more) {
    return more.isEmpty() ? value : more.get(0);
  }

  /**
   * Always throws.
   *
   * @param message the exception's message
   * @return never
   */
  public Object fail(String message) {
    throw new IllegalStateException(message);
  }
}
