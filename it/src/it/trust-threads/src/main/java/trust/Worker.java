package trust;

import dev.hotrestart.HotRestartable;

@HotRestartable
public class Worker {
  public String work(String name) {
    throw new IllegalStateException("broken for " + name); // WORK_THROW
  }
}
