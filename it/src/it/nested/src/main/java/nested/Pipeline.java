package nested;

import dev.hotrestart.HotRestartable;
import java.util.List;

@HotRestartable
public class Pipeline {
  public int run(Stage stage, List<String> items) {
    int sum = 0;
    for (String item : items) {
      sum += stage.process(item);
    }
    return sum;
  }
}
