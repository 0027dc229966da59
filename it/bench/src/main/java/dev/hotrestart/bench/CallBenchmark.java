package dev.hotrestart.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Call overhead: the same {@link Calc} called directly and through its generated proxy. The
 * subclasses run these in forks with the debugger disabled ({@link CallDisabled}, which also
 * holds the anchors), enabled ({@link CallEnabled}), and enabled after a reload
 * ({@link CallReloaded}), so every ratio compares two benchmarks of one fork configuration.
 *
 * <p>Every fork builds the same objects, so the class hierarchy the JIT sees (Calc has a loaded
 * subclass) is the same for the direct call and the wrapped one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public abstract class CallBenchmark {

  /** Elements summed by {@code sum}: about 0.1 to 0.3 microseconds of work on this machine. */
  static final int LENGTH = 1_000;

  Calc direct;
  Calc wrapped;
  Adder jdkProxy;
  Adder decorator;
  int x = 42;
  int[] values;

  @Setup
  public void setUp() throws Exception {
    direct = newDirect();
    wrapped = HotRestart_Calc.create();
    jdkProxy = Anchors.jdkProxy(newDirect());
    decorator = new Decorator(newDirect());
    values = new int[LENGTH];
    for (int i = 0; i < values.length; i++) {
      values[i] = i * 31 % 1_000;
    }
    prepare();
  }

  /** What a subclass does to the slots before measuring (a reload). */
  void prepare() throws Exception {}

  // The direct baseline is the point of the benchmark, not a mistake.
  @SuppressWarnings("hotrestart")
  private static Calc newDirect() {
    return new Calc();
  }

  @Benchmark
  public int addDirect() {
    return direct.add(x);
  }

  @Benchmark
  public int addWrapped() {
    return wrapped.add(x);
  }

  @Benchmark
  public long sumDirect() {
    return direct.sum(values);
  }

  @Benchmark
  public long sumWrapped() {
    return wrapped.sum(values);
  }
}
