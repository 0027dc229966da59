package startup;

import dev.hotrestart.HotRestartable;

/** A wrapped class, so that both runs load the proxy and the runtime as a real program would. */
@HotRestartable
public class Work {

  public int run(int n) {
    int total = 0;
    for (int i = 0; i < n; i++) {
      total += i;
    }
    return total;
  }
}
