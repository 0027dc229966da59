package words;

import java.util.List;
import org.springframework.boot.CommandLineRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

@Component
@Profile("!aop")
public class Runner implements CommandLineRunner {

  private final WordService words;
  private final Tally tally;

  public Runner(WordService words, Tally tally) {
    this.words = words;
    this.tally = tally;
  }

  @Override
  public void run(String... args) {
    for (String word : List.of("Apple", "pear", " ", "apple", "Fig")) {
      System.out.println("added " + words.add(word));
    }
    System.out.println("tally " + tally);
  }
}
