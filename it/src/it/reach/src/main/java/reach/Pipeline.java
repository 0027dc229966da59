package reach;

import dev.hotrestart.HotRestartable;
import java.util.List;

@HotRestartable
public class Pipeline {
  private final Classifier classifier = HotRestart_Classifier.create();

  public String take(String item, String amount) {
    return classifier.kind(item) + " " + Money.cents(amount); // TAKE
  }

  public String total(List<String> amounts) {
    return Labels.label() + " " + Money.sum(amounts); // TOTAL
  }
}
