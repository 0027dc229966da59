package params;

import dev.hotrestart.HotRestartable;

/** A wrapped class whose source lives in src/app, outside src/main/java. */
@HotRestartable
public class Greeter {

  private final String greeting;

  public Greeter(String greeting) {
    this.greeting = greeting;
  }

  public String greet(String name) {
    return greeting + ", " + name.trim() + "!";
  }
}
