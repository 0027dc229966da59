package dev.hotrestart.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;

/** Debugger disabled: a proxy in production. Also the anchors, which do not depend on it. */
@Fork(jvmArgsAppend = "-Dhotrestart.enabled=false")
public class CallDisabled extends CallBenchmark {

  @Benchmark
  public int addJdkProxy() {
    return jdkProxy.add(x);
  }

  @Benchmark
  public int addDecorator() {
    return decorator.add(x);
  }

  @Benchmark
  public long sumJdkProxy() {
    return jdkProxy.sum(values);
  }

  @Benchmark
  public long sumDecorator() {
    return decorator.sum(values);
  }
}
