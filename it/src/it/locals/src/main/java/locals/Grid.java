package locals;

import dev.hotrestart.HotRestartable;
import java.util.List;

@HotRestartable
public class Grid {
  int count = 100;

  public int fill(int units, String region) {
    int[] cells = new int[units];
    long total = 0;
    for (String word : region.split(" ")) {
      total += word.isEmpty() ? 1 : 0;
    }
    for (int i = 0; i < units; i++) {
      String note = region + "-" + i;
      cells[i] = i * 10;
      total += cells[i];
      if (i == 2) {
        Object missing = null;
        int count = 7;
        String prefix = "row ";
        List.of(note).forEach(n -> check(prefix + n + count));
      }
    }
    String after = "done";
    return (int) total + after.length();
  }

  private void check(String row) {
    if (row.startsWith("row ")) {
      throw new IllegalStateException("bad " + row);
    }
  }
}
