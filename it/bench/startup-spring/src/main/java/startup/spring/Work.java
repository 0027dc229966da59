package startup.spring;

import dev.hotrestart.HotRestartable;
import org.springframework.stereotype.Service;

/** A wrapped bean that Spring makes itself, with its own constructor call. */
@Service
@HotRestartable
public class Work {

  public int run(int n) {
    int total = 0;
    for (int i = 0; i < n; i++) {
      total += i;
    }
    return total;
  }
}
