package instances;

/** Run by hand, as an IDE does: with or without the runtime jar as the Java agent. */
public final class IdeMain {
  @SuppressWarnings("hotrestart") // made with new on purpose
  public static void main(String[] args) {
    System.out.println("factory: " + HotRestart_Counter.create().parse("7"));
    Counter plain = new Counter();
    try {
      plain.parse("y1");
    } catch (NumberFormatException e) {
      System.out.println("caught: " + e.getMessage());
    }
    plain.parse("x1");
  }
}
