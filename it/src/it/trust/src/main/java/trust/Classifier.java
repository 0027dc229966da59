package trust;

import dev.hotrestart.HotRestartable;

@HotRestartable
public class Classifier {
  public String kind(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative: " + value); // KIND_THROW
    }
    return value == 0 ? "zero" : "positive";
  }
}
