package dev.hotrestart.maven;

/**
 * The names the plugin shares with the runtime and the processor, each spelled here once. The
 * plugin does not depend on either module at run time (the program's JVM loads the runtime, the
 * compiler the processor), so {@code RuntimeContractTest} checks these against the runtime's
 * {@code Settings} and against what the processor generates: a rename on one side fails a test.
 */
final class RuntimeContract {

  /** What every runtime setting's system property starts with; the goal forwards these. */
  static final String PROPERTY_PREFIX = "hotrestart.";
  /** Turns the post-mortem debugger on. */
  static final String ENABLED = "hotrestart.enabled";
  /** Where the sources of the running classes are, separated by the path separator. */
  static final String SOURCE_ROOTS = "hotrestart.sourceRoots";
  /** The encoding the reloader reads sources in. */
  static final String ENCODING = "hotrestart.encoding";
  /** JLine's jars, loaded apart from the program for line editing at the prompt. */
  static final String CONSOLE_CLASS_PATH = "hotrestart.consoleClassPath";
  /** The compile-only ({@code provided}) jars reloads compile against. */
  static final String COMPILE_CLASS_PATH = "hotrestart.compileClassPath";
  /** The build's annotation processor path, which reloads run but for hotrestart's processor. */
  static final String PROCESSOR_PATH = "hotrestart.processorPath";

  /** Makes {@code c} reload every changed wrapped method, the default of {@code hotrestart:test}. */
  static final String RELOAD_ALL = "hotrestart.reloadAll";
  /** The main class of the JVM {@code hotrestart:test} forks: runs the tests with the prompt. */
  static final String TEST_MAIN = "dev.hotrestart.junit.TestMain";
  /** The runtime's artifact, added to the test class path when the project lacks it. */
  static final String RUNTIME_ARTIFACT_ID = "hotrestart-runtime";

  /** The runtime jar's {@code Premain-Class}: the plugin starts the program with it as a Java agent. */
  static final String AGENT_CLASS = "dev.hotrestart.agent.Agent";
  /** The agent's option {@code watchParent=PID}: end the program when process PID (Maven) ends. */
  static final String AGENT_WATCH_PARENT = "watchParent";
  /**
   * The agent's option {@code instances=FILE}, last on its line: route the classes {@link
   * InstanceList} wrote to FILE, so that instances not made by a factory restart too.
   */
  static final String AGENT_INSTANCES = "instances";

  /** What the simple name of every generated proxy starts with ({@code HotRestart_Pipeline}). */
  static final String PROXY_PREFIX = "HotRestart_";

  /** Whether a file name ({@code HotRestart_Pipeline.class}) is a generated proxy's class file. */
  static boolean isProxyClassFile(String fileName) {
    return fileName.startsWith(PROXY_PREFIX) && fileName.endsWith(".class");
  }

  /** The annotation that makes the processor wrap a class. */
  static final String ANNOTATION = "dev.hotrestart.HotRestartable";
  /** The processor's group, for the {@code annotationProcessorPaths} snippet. */
  static final String PROCESSOR_GROUP_ID = "dev.hotrestart";
  /** The processor's artifact. */
  static final String PROCESSOR_ARTIFACT_ID = "hotrestart-processor";

  private RuntimeContract() {}
}
