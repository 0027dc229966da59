package newmethods;

import dev.hotrestart.HotRestartable;

@HotRestartable
public class Classifier {
  public String kind(String word) {
    return word.length() > 4 ? "long" : "short";
  }
}
