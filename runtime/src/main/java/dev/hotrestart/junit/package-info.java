/**
 * {@code mvn hotrestart:test}: JUnit Jupiter tests run through the JUnit Platform Launcher with
 * the post-mortem prompt on a failing test method. {@link dev.hotrestart.junit.TestMain} is the
 * forked JVM's main class; {@link dev.hotrestart.junit.RestartingExtension} is the Jupiter
 * extension that gives each failing test method a slot, so that {@code c} reloads it and runs it
 * again on the same test instance.
 *
 * <p>Compiled against JUnit (provided and optional: a user's dependency tree gets nothing from
 * it) and loaded only by that goal, which puts the Platform Launcher of the project's own JUnit
 * version on the test class path. The top of the runtime's layering beside {@code agent}: it
 * uses the slot, the settings and the API, and nothing uses it.
 */
package dev.hotrestart.junit;
