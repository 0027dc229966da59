package scoped;

import org.junit.jupiter.api.Assertions;

/** A main under src/test/java, on the test class path only, using a test dependency. */
public final class TryCounter {

  private TryCounter() {}

  public static void main(String[] args) {
    int result = HotRestart_Counter.create().twice(21);
    Assertions.assertEquals(42, result);
    System.out.println("test code ran: twice(21) = " + result);
    System.out.println("sourceRoots=<" + System.getProperty("hotrestart.sourceRoots") + ">");
  }
}
