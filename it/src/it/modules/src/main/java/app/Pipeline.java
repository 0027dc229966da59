package app;

import dev.hotrestart.HotRestartable;

@HotRestartable
public class Pipeline {
  private int seen = 4;

  public int take(String amount) {
    seen++;
    return Integer.parseInt(amount) * 100 + Money.scale(); // TAKE
  }
}
