package lib;

import dev.hotrestart.HotRestartable;
import java.util.Locale;

@HotRestartable
public class Shouter {

  public String shout(String word) {
    if (word.isEmpty()) {
      throw new IllegalArgumentException("nothing to shout");
    }
    return word.toUpperCase(Locale.ROOT) + "!";
  }
}
