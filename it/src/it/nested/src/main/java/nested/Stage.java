package nested;

import dev.hotrestart.HotRestartable;

@HotRestartable
public class Stage {
  public int process(String item) {
    return Integer.parseInt(item);
  }
}
