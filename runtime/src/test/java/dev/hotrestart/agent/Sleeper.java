package dev.hotrestart.agent;

/**
 * The program of {@link ParentDeathTest}: says it runs, then sleeps a minute. Its shutdown hook
 * says it ran, or with the argument {@code hang} never returns.
 */
public final class Sleeper {

  private Sleeper() {}

  public static void main(String[] args) throws InterruptedException {
    boolean hang = args.length > 0 && args[0].equals("hang");
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("sleeper: shutdown hook ran");
                  System.out.flush();
                  while (hang) {
                    try {
                      Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                      // keep hanging: the watch must halt
                    }
                  }
                }));
    System.out.println("sleeper: running");
    System.out.flush();
    Thread.sleep(60_000);
    System.out.println("sleeper: nobody stopped me");
  }
}
