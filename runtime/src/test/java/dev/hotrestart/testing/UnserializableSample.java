package dev.hotrestart.testing;

import java.util.AbstractList;

/** Not serializable, though its supertypes ({@link AbstractList}, {@code List}) are many. */
public class UnserializableSample extends AbstractList<String> {
  @Override
  public String get(int index) {
    throw new IndexOutOfBoundsException(index);
  }

  @Override
  public int size() {
    return 0;
  }

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
