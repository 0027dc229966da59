package startup.spring;

import org.springframework.boot.CommandLineRunner;
import org.springframework.stereotype.Component;

/**
 * Prints when the application is ready (the context refreshed, every bean made), on the
 * machine's monotonic clock, then calls the wrapped bean.
 */
@Component
public class Ready implements CommandLineRunner {

  private final Work work;

  public Ready(Work work) {
    this.work = work;
  }

  @Override
  public void run(String... args) {
    System.out.println("ready " + System.nanoTime());
    System.out.println("work " + work.run(10));
  }
}
