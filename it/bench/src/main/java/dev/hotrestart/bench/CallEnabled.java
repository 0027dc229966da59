package dev.hotrestart.bench;

import org.openjdk.jmh.annotations.Fork;

/**
 * Debugger enabled, as under {@code mvn hotrestart:run}: the runtime also warms javac up in the
 * background when the proxy class initialises.
 */
@Fork(jvmArgsAppend = "-Dhotrestart.enabled=true")
public class CallEnabled extends CallBenchmark {}
