package counting;

/** Counts through a wrapped class, to show the plugin ran the program with its proxies. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Counter counter = HotRestart_Counter.create();
    counter.next();
    System.out.println("counted to " + counter.next() + " under hotrestart:run");
  }
}
