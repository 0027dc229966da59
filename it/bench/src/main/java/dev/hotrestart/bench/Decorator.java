package dev.hotrestart.bench;

/** The hand-written anchor: what a developer would write to wrap a {@link Calc} by hand. */
final class Decorator implements Adder {

  private final Adder inner;

  Decorator(Adder inner) {
    this.inner = inner;
  }

  @Override
  public int add(int x) {
    return inner.add(x);
  }

  @Override
  public long sum(int[] values) {
    return inner.sum(values);
  }
}
