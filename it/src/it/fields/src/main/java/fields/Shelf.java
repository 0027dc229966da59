package fields;

import dev.hotrestart.HotRestartable;
import java.util.ArrayList;
import java.util.List;

@HotRestartable
public class Shelf {
  private final List<String> items = new ArrayList<>();

  public int count(String line) {
    if (line.isEmpty()) {
      throw new IllegalArgumentException("an empty line"); // EMPTY
    }
    items.add(line);
    return items.size();
  }

  public String summary() {
    return items.size() + " items"; // SUMMARY
  }

  public String check() {
    throw new IllegalStateException("not checked yet"); // CHECK
  }
}
