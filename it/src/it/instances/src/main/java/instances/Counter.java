package instances;

import dev.hotrestart.HotRestartable;

@HotRestartable
public class Counter {
  public int parse(String word) {
    int value = Integer.parseInt(word); // PARSE
    return value;
  }
}
