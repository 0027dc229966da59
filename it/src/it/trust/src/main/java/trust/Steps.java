package trust;

import dev.hotrestart.HotRestartable;

@HotRestartable
public class Steps {
  private final String label;

  public Steps() {
    label = "steps";
  }

  public String first(String input) {
    if (input.isEmpty()) {
      throw new IllegalStateException("first: empty input"); // FIRST_THROW
    }
    return label + " " + input;
  }

  public String second(String input) {
    return label + " " + cut(input); // SECOND_CALL
  }

  private String cut(String input) {
    return input.substring(10); // CUT
  }
}
