package dev.hotrestart.agent;

import dev.hotrestart.reload.InstanceRouting;
import dev.hotrestart.reload.Redefiner;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;

/**
 * The {@code Premain-Class} of the runtime jar. Options follow the jar's path, separated by
 * commas: {@code -javaagent:hotrestart-runtime.jar=watchParent=12345,instances=/path/list}.
 * Without options it does nothing but keep the JVM's {@link Instrumentation}, with which {@code c}
 * redefines the program's classes that have no wrapped method: a user who adds the agent to a run
 * configuration by hand gets that and no other behaviour.
 */
public final class Agent {

  /**
   * The option {@code watchParent=PID}: end the program when the process {@code PID}, which must
   * be this JVM's parent (Maven's JVM under {@code mvn hotrestart:run}), ends.
   */
  public static final String WATCH_PARENT = "watchParent";

  /**
   * The option {@code instances=FILE}: route the wrapped methods of the {@code @HotRestartable}
   * classes {@code FILE} lists (one a line: {@code pkg/Class pkg/HotRestart_Class}) through their
   * slots as they load, so that instances not made by the proxy's factory restart too; {@code
   * FILE} may also be directories of class files ({@code instances=target/classes}), searched for
   * proxies. Last, as the path may hold commas.
   */
  public static final String INSTANCES = InstanceRouting.OPTION;

  private Agent() {}

  /**
   * Called by the JVM before {@code main}. Starts what the options ask for and returns at once;
   * a malformed option is reported on standard error in one line and ignored, never ending the
   * program.
   *
   * @param options the text after {@code =} in {@code -javaagent:jar=...}, or null
   * @param instrumentation kept for {@code c}, which redefines the program's classes that have
   *     no wrapped method; a transformer is registered only with {@link #INSTANCES}, and changes
   *     only the classes listed
   */
  public static void premain(String options, Instrumentation instrumentation) {
    Redefiner.install(instrumentation);
    String list = instancesList(options);
    if (list != null) {
      InstanceRouting.install(instrumentation, list, System.err);
    }
    start(options, System.err);
  }

  /** The value of {@link #INSTANCES}, which runs to the end of the options; or null. */
  static String instancesList(String options) {
    if (options == null) {
      return null;
    }
    String prefix = INSTANCES + "=";
    int at = options.startsWith(prefix) ? 0 : options.indexOf("," + prefix);
    if (at < 0) {
      return null;
    }
    String value = options.substring(at == 0 ? prefix.length() : at + 1 + prefix.length());
    return value.isEmpty() ? null : value;
  }

  /**
   * Called when the agent is loaded into a running JVM (tests do): keeps {@code instrumentation}
   * as {@link #premain} does. {@code mvn hotrestart:run} gives the agent on the command line, so
   * no JDK warns of a dynamically loaded agent.
   *
   * @param options the agent's options, as for {@link #premain}
   * @param instrumentation kept for {@code c}
   */
  public static void agentmain(String options, Instrumentation instrumentation) {
    premain(options, instrumentation);
  }

  /** Applies {@code options}; problems go to {@code err}. Returns the watch started, or null. */
  static ParentWatch start(String options, PrintStream err) {
    ParentWatch watch = null;
    if (options == null || options.isBlank()) {
      return null;
    }
    String list = instancesList(options);
    String others =
        list == null ? options : options.substring(0, options.length() - list.length());
    for (String option : others.split(",")) {
      if (option.isEmpty() || option.equals(INSTANCES + "=")) {
        continue;
      }
      String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
      String value = option.contains("=") ? option.substring(option.indexOf('=') + 1) : null;
      if (name.equals(WATCH_PARENT)) {
        Long pid = pid(value);
        if (pid == null) {
          err.println("hotrestart: agent option " + WATCH_PARENT + " needs the parent's process id ("
              + WATCH_PARENT + "=PID), not '" + option + "'; the program will not end with its parent");
        } else {
          watch = ParentWatch.start(pid, err);
        }
      } else {
        err.println("hotrestart: unknown agent option '" + option + "' ignored (known: " + WATCH_PARENT + "=PID, "
            + INSTANCES + "=FILE)");
      }
    }
    return watch;
  }

  private static Long pid(String value) {
    if (value == null) {
      return null;
    }
    try {
      long pid = Long.parseLong(value.trim());
      return pid > 0 ? pid : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
