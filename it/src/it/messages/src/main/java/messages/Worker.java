package messages;

import dev.hotrestart.HotRestartable;
import java.util.List;

@HotRestartable
public class Worker extends Base {
  private final String name = "worker";

  public int work(String line) {
    List<String> cells = List.of(line.split(","));
    return Integer.parseInt(cells.get(1)) + offset();
  }
}
