package dev.hotrestart.bench;

/**
 * The program whose method {@link ReloadLatency} edits and reloads. Calls {@code work(round)} of
 * a generated {@code @HotRestartable} class for rounds 0..N; the method throws in every round
 * above its threshold, which each edit raises by one, so each round after the first crashes
 * once, opens the prompt, and runs again after {@code c}.
 */
public final class LatencyTarget {

  /** What the generated classes implement. */
  public interface Work {
    int work(int round);
  }

  private LatencyTarget() {}

  /**
   * The first statement of {@code work}: prints when it ran, on {@code System.nanoTime}'s clock,
   * which on Linux is the machine's monotonic clock, shared with the process that typed {@code c}.
   */
  public static void firstLine(int round) {
    long now = System.nanoTime();
    System.out.println("entered " + round + " " + now);
  }

  public static void main(String[] args) throws ReflectiveOperationException {
    String annotated = args[0];
    int rounds = Integer.parseInt(args[1]);
    int dot = annotated.lastIndexOf('.');
    String proxy = annotated.substring(0, dot + 1) + "HotRestart_" + annotated.substring(dot + 1);
    Work work = (Work) Class.forName(proxy).getMethod("create").invoke(null);
    long sink = 0;
    for (int round = 0; round < rounds; round++) {
      sink += work.work(round);
    }
    System.out.println("done " + sink);
  }
}
