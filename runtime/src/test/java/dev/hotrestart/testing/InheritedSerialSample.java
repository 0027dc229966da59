package dev.hotrestart.testing;

import java.util.ArrayList;

/** Serializable through its superclass, {@link ArrayList}, and without a static initialiser. */
@SuppressWarnings("serial")
public class InheritedSerialSample extends ArrayList<String> {
  /**
   * Adds to the size.
   *
   * @param x what to add
   * @return the sum
   */
  public int work(int x) {
    return size() + x;
  }
}
