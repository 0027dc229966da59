package dev.hotrestart.bench;

import dev.hotrestart.HotRestartable;

/**
 * The class every call benchmark measures: directly ({@code new Calc()}), through the generated
 * {@code HotRestart_Calc}, and through the anchors. This file is also packaged as a resource:
 * the reload benchmarks reload its methods from an edited copy of it.
 */
@HotRestartable
public class Calc implements Adder {

  // A private field, so that a reloaded add() reads it through the transplant's routed access
  // (an invokedynamic to Foo's private lookup), the case where a reload could add a cost.
  private int step = 1;

  @Override
  public int add(int x) {
    // edit here
    return x + step;
  }

  @Override
  public long sum(int[] values) {
    // edit here
    long total = 0;
    for (int value : values) {
      total += value;
    }
    return total;
  }
}
