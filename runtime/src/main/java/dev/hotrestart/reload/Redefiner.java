package dev.hotrestart.reload;

import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JVM's {@link Instrumentation}, when the runtime jar is the program's Java agent ({@code
 * mvn hotrestart:run} starts it so): what lets {@code c} redefine classes that have no wrapped
 * method. Kept apart from the code that uses it, and free of ASM, so that the agent loads one
 * small class before {@code main}.
 */
public final class Redefiner {

  private static volatile Instrumentation instrumentation;

  private Redefiner() {}

  /**
   * Keeps {@code instrumentation} for later reloads. Registers no transformer: no class is
   * changed as it loads.
   *
   * @param instrumentation the agent's, given to {@code premain}
   */
  public static void install(Instrumentation instrumentation) {
    if (instrumentation != null && instrumentation.isRedefineClassesSupported()) {
      Redefiner.instrumentation = instrumentation;
    }
  }

  /** The instrumentation, if the runtime runs as a Java agent that may redefine classes. */
  static Optional<Instrumentation> instrumentation() {
    return Optional.ofNullable(instrumentation);
  }

  /**
   * Opens package {@code pkg} of {@code module} to {@code to}, as {@code --add-opens} would.
   *
   * @return false without the agent, or when the JVM refuses
   */
  static boolean openPackage(Module module, String pkg, Module to) {
    Instrumentation agent = instrumentation;
    if (agent == null || !agent.isModifiableModule(module)) {
      return false;
    }
    try {
      agent.redefineModule(module, Set.of(), Map.of(), Map.of(pkg, Set.of(to)), Set.of(), Map.of());
      return true;
    } catch (RuntimeException e) {
      System.getLogger(Redefiner.class.getName())
          .log(System.Logger.Level.DEBUG, "cannot open " + pkg + " of " + module, e);
      return false;
    }
  }

  /** For tests: forgets the instrumentation, as a JVM without the agent has none. */
  static void uninstall() {
    instrumentation = null;
  }

  /**
   * The JVM option that makes the runtime jar the Java agent, with the jar's path when the runtime
   * was loaded from a jar.
   */
  static String agentOption() {
    try {
      CodeSource source = Redefiner.class.getProtectionDomain().getCodeSource();
      if (source != null && source.getLocation() != null) {
        Path location = Path.of(source.getLocation().toURI());
        if (location.getFileName() != null && location.getFileName().toString().endsWith(".jar")) {
          return "-javaagent:" + location;
        }
      }
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      // not a local jar: the generic form below
    }
    return "-javaagent:<path of the hotrestart-runtime jar>";
  }
}
