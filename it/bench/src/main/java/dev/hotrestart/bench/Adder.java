package dev.hotrestart.bench;

/** What {@link Calc} does, as an interface, so that a {@code java.lang.reflect.Proxy} can wrap it. */
public interface Adder {

  /** A trivial method: about two cycles of work, so only an absolute cost is meaningful. */
  int add(int x);

  /** A realistic method: a loop over an array. */
  long sum(int[] values);
}
