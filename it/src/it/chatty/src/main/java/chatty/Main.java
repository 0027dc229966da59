package chatty;

import dev.hotrestart.HotRestartable;

/** A ticker thread that prints a line every 200 ms, and a wrapped method that crashes. */
@HotRestartable
public class Main {

  public int parse(String word) {
    return Integer.parseInt(word);
  }

  public static void main(String[] args) throws Exception {
    Thread ticker =
        new Thread(
            () -> {
              for (int tick = 1; ; tick++) {
                System.out.println("tick " + tick);
                try {
                  Thread.sleep(200);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "ticker");
    ticker.setDaemon(true);
    ticker.start();
    Thread.sleep(500); // the first ticks come before the crash
    System.out.println("parsed " + HotRestart_Main.create().parse("x"));
  }
}
