package locals;

import java.util.List;

public final class Main {
  public static void main(String[] args) {
    Grid grid = HotRestart_Grid.create();
    Batch batch = HotRestart_Batch.create();
    System.out.println("batch total=" + batch.run(grid, List.of(2, 4)));
    System.out.println("count field=" + grid.count);
  }
}
