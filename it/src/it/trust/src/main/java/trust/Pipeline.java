package trust;

import dev.hotrestart.HotRestartable;

@HotRestartable
public class Pipeline {
  private final Classifier classifier = HotRestart_Classifier.create();

  public String take(int value) {
    return "value " + value + " is " + classifier.kind(value); // TAKE_CALL
  }
}
