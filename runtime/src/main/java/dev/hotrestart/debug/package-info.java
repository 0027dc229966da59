/**
 * The post-mortem debugger: the prompt that opens in a wrapped method when it throws.
 *
 * <p>{@link dev.hotrestart.debug.PostMortem.Handler} is the slots' crash handler and {@link
 * dev.hotrestart.debug.StartupSnapshots.Listener} listens for classes starting, for the baseline of
 * {@code diff}; both are registered as services of {@code dev.hotrestart.slot}. Inside: {@code
 * Host} holds what the JVM's sessions share (one prompt at a time, one input, the notices);
 * {@code Debugger} is one session (report, loop, state); {@code Commands} is the command table,
 * after jshell's (name, aliases, syntax, help, handler); {@code Frames} finds the wrapped frame and
 * hides plumbing; {@code SourceView} lists source and finds method ranges with javac's tree API;
 * {@code Values} renders values. The runtime depends on the JDK only, so input is a plain reader:
 * line editing belongs to whatever launches the program.
 */
package dev.hotrestart.debug;
