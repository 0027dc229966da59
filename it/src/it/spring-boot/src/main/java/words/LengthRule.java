package words;

import dev.hotrestart.HotRestartable;
import org.springframework.stereotype.Component;

/** Under the {@code aop} profile, behind a JDK dynamic proxy: it implements an interface. */
@Component
@HotRestartable
public class LengthRule implements Rule {

  @Override
  public boolean accepts(String word) {
    return word.length() <= Integer.parseInt("five");
  }
}
