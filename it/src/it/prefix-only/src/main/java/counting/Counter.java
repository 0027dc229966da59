package counting;

import dev.hotrestart.HotRestartable;

/** Wrapped: a crash here would open the debugger. */
@HotRestartable
public class Counter {

  private int count;

  public int next() {
    return ++count;
  }
}
