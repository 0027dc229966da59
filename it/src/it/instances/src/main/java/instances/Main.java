package instances;

public final class Main {
  @SuppressWarnings("hotrestart") // made with new and by reflection on purpose
  public static void main(String[] args) throws Exception {
    System.out.println("running on Java " + Runtime.version().feature());
    Counter plain = new Counter();
    System.out.println("new: " + plain.parse("x1"));
    Counter reflected = Counter.class.getConstructor().newInstance();
    System.out.println("reflection: " + reflected.parse("-"));
    Counter proxied = HotRestart_Counter.create();
    try {
      System.out.println("factory: " + proxied.parse("?x"));
    } catch (NumberFormatException e) {
      System.out.println("raised: " + e.getMessage());
    }
    try {
      System.out.println("subclass: " + new Loud().parse("?y"));
    } catch (NumberFormatException e) {
      System.out.println("quit: " + e.getMessage());
    }
    try {
      System.out.println("after quit: " + plain.parse("?z"));
    } catch (NumberFormatException e) {
      System.out.println("after quit: " + e.getMessage());
    }
    System.out.println("done");
  }
}
