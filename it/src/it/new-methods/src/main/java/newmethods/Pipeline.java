package newmethods;

import dev.hotrestart.HotRestartable;

@HotRestartable
public class Pipeline {
  private int total;
  private final Unit unit = new Crate();

  public int take(Classifier classifier, String word) {
    if (word.isEmpty()) {
      throw new IllegalArgumentException("an empty word"); // EMPTY
    }
    total += word.length(); // ADD
    return total;
  }
}
