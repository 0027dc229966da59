/**
 * Reloading an edited method into the running program, and evaluating debugger expressions with
 * the same machinery. Uses {@code slot} (what it swaps), {@code source} and {@code config}; knows
 * nothing of the debugger, which calls it.
 *
 * <p>A reload, in {@link dev.hotrestart.reload.Reloader}: {@code Recompiler} compiles the whole
 * source file in memory ({@code InMemoryCompiler}, bodies that cannot matter blanked by {@code
 * BodyPruner}) and {@code ShapeCheck} refuses an edit that changes the class's shape; {@code
 * Transplant} moves the edited methods, with what they need ({@code MoveSet}), into a new work
 * class, rewriting what a non-nestmate may not touch into {@code invokedynamic} calls of {@link
 * dev.hotrestart.reload.Linkage} ({@code LinkageRewriter}) and making synchronized methods' locks
 * explicit ({@code MonitorLowering}); {@code Definer} defines it beside the running class; the
 * slot is swapped. {@code ChangeTracker} and {@code Fingerprint} tell which methods changed, for
 * {@code -Dhotrestart.reloadAll=true}. A field an edit adds lives in a side table ({@code
 * NewFields}, reached through {@code Linkage}; {@code ObjectCounts} counts the objects that start
 * it at its default; {@code NewStatics} runs a new static field's initializer once), and a new
 * non-private method, of a wrapped or plain class, moves on its own and is called by the
 * receiver's class through {@code NewMethods}. {@link dev.hotrestart.reload.ReloadPreparation} is the
 * slot's listener that keeps class files and warms javac up as classes start.
 */
package dev.hotrestart.reload;
