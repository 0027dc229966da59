package app;

import dev.hotrestart.HotRestartable;

/** Wrapped: a crash here would open the debugger. */
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
