package words;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** The state built before the crash: how often each word was seen. */
@Component
public class Tally {

  private final Map<String, Integer> counts = new TreeMap<>();

  public void count(String word) {
    counts.merge(word, 1, Integer::sum);
  }

  @Override
  public String toString() {
    return counts.toString();
  }
}
