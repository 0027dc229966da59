package dev.hotrestart.bench;

import org.openjdk.jmh.annotations.Fork;

/**
 * Debugger enabled and both methods reloaded once before measuring: the slots hold transplanted
 * code ({@code Calc$HR$add$1}), which reads Calc's private field through a routed access.
 * Interactive as on a terminal, so the reloaded code carries the handlers that capture variables.
 */
@Fork(jvmArgsAppend = {"-Dhotrestart.enabled=true", "-Dhotrestart.interactive=true"})
public class CallReloaded extends CallBenchmark {

  @Override
  void prepare() throws Exception {
    new Reloads().reload("add", "sum");
  }
}
