package words;

import java.util.List;
import java.util.Objects;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.CommandLineRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The proxied case, with {@code --spring.profiles.active=aop}: {@link Calls} wraps both beans, so
 * Spring hands out proxies instead of the beans it constructed.
 */
@Component
@Profile("aop")
public class AopRunner implements CommandLineRunner {

  private final WordService words;
  private final Rule rule;
  private final Tally tally;
  private final Calls calls;

  public AopRunner(WordService words, Rule rule, Tally tally, Calls calls) {
    this.words = words;
    this.rule = rule;
    this.tally = tally;
    this.calls = calls;
  }

  @Override
  public void run(String... args) {
    System.out.println("words: cglib proxy " + AopUtils.isCglibProxy(words)
        + ", rule: jdk proxy " + AopUtils.isJdkDynamicProxy(rule));
    for (String word : List.of("Apple", " ", "Banana")) {
      String added = words.add(word);
      System.out.println("added " + added + ", short " + rule.accepts(Objects.requireNonNull(added)));
    }
    System.out.println("tally " + tally + ", aspect calls " + calls.count());
  }
}
