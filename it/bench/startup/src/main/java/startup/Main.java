package startup;

/** Prints when main started, on the machine's monotonic clock, then does a little wrapped work. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    long now = System.nanoTime();
    System.out.println("main " + now);
    System.out.println("work " + HotRestart_Work.create().run(10));
  }
}
