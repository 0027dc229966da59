package dev.hotrestart.testing;

import java.io.Serializable;

/**
 * Serializable with neither a {@code serialVersionUID} nor a static initialiser: the JDK computes
 * its value, which the agent's routing must keep.
 */
@SuppressWarnings("serial")
public class SerialSample implements Serializable {
  private int total;

  /**
   * Adds to the total.
   *
   * @param x what to add
   * @return the new total
   */
  public int work(int x) {
    return total += x;
  }
}
