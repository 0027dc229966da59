package words;

import dev.hotrestart.HotRestartable;
import org.springframework.stereotype.Service;

@Service
@HotRestartable
public class WordService {

  private final Tally tally;

  public WordService(Tally tally) {
    this.tally = tally;
  }

  public String add(String word) {
    if (word.isBlank()) {
      throw new IllegalArgumentException("empty word");
    }
    String key = word.strip().toLowerCase();
    tally.count(key);
    return key;
  }
}
