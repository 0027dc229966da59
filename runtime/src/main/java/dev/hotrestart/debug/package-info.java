/**
 * The post-mortem debugger: the prompt that opens in a wrapped method when it throws.
 *
 * <p>{@link dev.hotrestart.debug.PostMortem.Handler} is the slots' crash handler and {@link
 * dev.hotrestart.debug.StartupSnapshots.Listener} listens for classes starting, for the baseline of
 * {@code diff}; both are registered as services of {@code dev.hotrestart.slot}. Inside: {@code Host}
 * holds what the JVM's sessions share (one prompt at a time, one input, the notices); {@code
 * Debugger} is one session's loop; {@code Session} holds its parts, each owning some state and the
 * commands that use it ({@code FrameCursor}, {@code Listing}, {@code Inspector}, {@code
 * RunningSource}, {@code Resume}, {@code Help}); {@code Commands} is the command table, after
 * jshell's (name, aliases, syntax, help, handler), which also drives tab completion. {@code Frames}
 * finds the wrapped frame and hides plumbing; {@code SourceView} lists source and finds method
 * ranges with javac's tree API; {@code Values} renders values.
 *
 * <p>Input: the lines of a commands file first, if one is set; then, on a terminal that can move
 * the cursor, JLine ({@code LineEditor}: history, line editing, completion), loaded by reflection
 * from the jar that {@code mvn hotrestart:run} passes, in a class loader of its own, so the
 * runtime still depends on the JDK only; otherwise, or if JLine cannot be loaded, a plain reader
 * of System.in ({@code StdinLines}).
 */
package dev.hotrestart.debug;
