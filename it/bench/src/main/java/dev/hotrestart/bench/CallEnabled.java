package dev.hotrestart.bench;

import org.openjdk.jmh.annotations.Fork;

/**
 * Debugger enabled, as under {@code mvn hotrestart:run}: the runtime also warms javac up in the
 * background when the proxy class initialises. Interactive as on a terminal, so that each wrapped
 * method runs as the copy whose exception handlers capture its variables at a throw, as it does
 * for a user at a terminal (without a prompt possible, no copy is made).
 */
@Fork(jvmArgsAppend = {"-Dhotrestart.enabled=true", "-Dhotrestart.interactive=true"})
public class CallEnabled extends CallBenchmark {}
