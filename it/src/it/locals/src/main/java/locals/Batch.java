package locals;

import dev.hotrestart.HotRestartable;
import java.util.List;

@HotRestartable
public class Batch {
  public int run(Grid grid, List<Integer> sizes) {
    int total = 0;
    for (int size : sizes) {
      String label = "size " + size;
      total += grid.fill(size, label);
    }
    return total;
  }
}
