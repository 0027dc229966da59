package newmethods;

import dev.hotrestart.HotRestartable;

@HotRestartable
public class Pipeline {
  private int total;

  public int take(Classifier classifier, String word) {
    if (word.isEmpty()) {
      throw new IllegalArgumentException("an empty word"); // EMPTY
    }
    total += word.length(); // ADD
    return total;
  }
}
