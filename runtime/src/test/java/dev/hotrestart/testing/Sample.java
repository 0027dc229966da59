package dev.hotrestart.testing;

import dev.hotrestart.HotRestartable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small restartable class whose proxy, {@link HotRestart_Sample}, is checked in beside it
 * exactly as the processor writes it, so that runtime tests drive the shape the processor
 * generates. The processor's {@code SharedTemplateTest} fails when the two drift apart, and says
 * how to regenerate the proxy.
 */
@HotRestartable
public class Sample {

  private final List<String> log = new ArrayList<>();

  /** Creates a sample with an empty log. */
  public Sample() {}

  /**
   * An int method.
   *
   * @param x a number
   * @param y another
   * @return their sum
   */
  public int add(int x, int y) {
    return x + y;
  }

  /**
   * A void method.
   *
   * @param entry appended to the log
   */
  public void record(String entry) {
    log.add(entry);
  }

  /**
   * A generic method.
   *
   * @param <T> the element type
   * @param items a non-empty list
   * @return the first item
   */
  public <T> T first(List<T> items) {
    return items.get(0);
  }

  /**
   * A method with a checked exception.
   *
   * @param name a file name
   * @return the name
   * @throws IOException when the name is empty
   */
  public String open(String name) throws IOException {
    if (name.isEmpty()) {
      throw new IOException("empty name");
    }
    return name;
  }

  /**
   * What {@link #record} appended.
   *
   * @return the entries, oldest first
   */
  public List<String> log() {
    return List.copyOf(log);
  }
}
