/**
 * The runtime jar as a Java agent ({@code -javaagent:hotrestart-runtime.jar}), which
 * {@code mvn hotrestart:run} adds to the program's JVM. Today it only watches the Maven process
 * that started the program ({@link dev.hotrestart.agent.ParentWatch}); it transforms no class, so
 * start-up costs two small classes and one sleeping thread. The top of the runtime's layering: it
 * may use every other package, and none may use it.
 */
package dev.hotrestart.agent;
