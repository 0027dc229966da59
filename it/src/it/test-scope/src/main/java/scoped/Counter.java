package scoped;

import dev.hotrestart.HotRestartable;

@HotRestartable
public class Counter {

  public int twice(int value) {
    return 2 * value;
  }
}
