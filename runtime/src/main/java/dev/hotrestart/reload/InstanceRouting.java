package dev.hotrestart.reload;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;

/**
 * The agent's class file transformer: routes the wrapped methods of every {@code @HotRestartable}
 * class the plugin lists through their slots as the class loads ({@link RoutedClass}), so that an
 * instance made by {@code new}, reflection, a DI container or a deserializer restarts like one
 * made by the proxy's factory.
 *
 * <p>Only the listed classes are touched: for every other class the transformer answers null after
 * one hash lookup of the name, before reading a byte, so start-up pays nothing else. The list is a
 * text file, one class a line: the annotated class's internal name, a space, its proxy's
 * ({@code demo/Work demo/HotRestart_Work}). The proxy's class file, found through the same class
 * loader, says which methods are wrapped.
 */
public final class InstanceRouting implements ClassFileTransformer {

  /**
   * The agent's option naming what to route: {@code instances=FILE} (the plugin's list), or
   * directories of class files to look for proxies in ({@code instances=target/classes}, an IDE
   * run), several separated by the platform's path separator.
   */
  public static final String OPTION = "instances";

  private static final String PROXY_PREFIX = "HotRestart_";

  private final Map<String, String> proxies;
  private final PrintStream err;

  InstanceRouting(Map<String, String> proxies, PrintStream err) {
    this.proxies = Map.copyOf(proxies);
    this.err = err;
  }

  /**
   * Registers the transformer for the classes {@code value} names. A list that cannot be read is
   * reported on {@code err} in one line; the program then runs with factory-made instances
   * restarting only.
   *
   * @param instrumentation the agent's
   * @param value the option's value: the plugin's file of annotated classes and their proxies, or
   *     directories of class files, separated by {@link File#pathSeparator}
   * @param err where problems go
   * @return whether a transformer was registered
   */
  public static boolean install(Instrumentation instrumentation, String value, PrintStream err) {
    Map<String, String> proxies = new HashMap<>();
    for (String element : value.split(File.pathSeparator)) {
      Path path = Path.of(element);
      try {
        proxies.putAll(Files.isDirectory(path) ? scan(path) : read(path));
      } catch (IOException | RuntimeException e) {
        err.println("hotrestart: cannot read the list of @HotRestartable classes " + path + " ("
            + e.getMessage() + "); only instances made by the HotRestart_* factories will restart");
        return false;
      }
    }
    if (proxies.isEmpty()) {
      return false;
    }
    instrumentation.addTransformer(new InstanceRouting(proxies, err), false);
    return true;
  }

  /**
   * Reads a list of classes: per line an annotated class's internal name and its proxy's,
   * separated by a space; blank lines and lines starting with {@code #} are skipped.
   *
   * @param list the file
   * @return proxy by annotated class, internal names
   * @throws IOException if the file cannot be read or a line is malformed
   */
  static Map<String, String> read(Path list) throws IOException {
    Map<String, String> proxies = new HashMap<>();
    List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] names = line.split(" ");
      if (names.length != 2) {
        throw new IOException(
            "line " + (i + 1) + " is not 'pkg/Class pkg/HotRestart_Class': " + line);
      }
      proxies.put(names[0], names[1]);
    }
    return proxies;
  }

  /**
   * The proxies in a directory of class files ({@code HotRestart_*.class}) and the classes they
   * extend, as the plugin lists them.
   *
   * @param directory a class path directory
   * @return proxy by annotated class, internal names
   * @throws IOException if the directory cannot be walked or a proxy read
   */
  static Map<String, String> scan(Path directory) throws IOException {
    Map<String, String> proxies = new HashMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files =
          walk.filter(file -> file.getFileName().toString().startsWith(PROXY_PREFIX)
                  && file.getFileName().toString().endsWith(".class"))
              .collect(Collectors.toList());
    }
    for (Path file : files) {
      ClassReader proxy = new ClassReader(Files.readAllBytes(file));
      proxies.putIfAbsent(proxy.getSuperName(), proxy.getClassName());
    }
    return proxies;
  }

  @Override
  public byte[] transform(
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classfileBuffer) {
    String proxy = className == null ? null : proxies.get(className);
    if (proxy == null) {
      return null;
    }
    try {
      byte[] proxyBytes = ClassFiles.classFile(loader, proxy);
      if (proxyBytes.length == 0) {
        err.println("hotrestart: " + className.replace('/', '.') + " is listed but its proxy "
            + proxy.replace('/', '.') + " is not on the class path; only its factory-made"
            + " instances would restart (rebuild the project)");
        return null;
      }
      return RoutedClass.rewrite(
          classfileBuffer,
          RoutedClass.wrappedMethods(proxyBytes),
          supertype -> ClassFiles.classFile(loader, supertype));
    } catch (RuntimeException | LinkageError e) {
      // The JVM ignores a transformer's exception silently: say it, and load the class unchanged.
      err.println("hotrestart: cannot route the methods of " + className.replace('/', '.')
          + " (" + e + "); instances not made by its HotRestart_ factory will not restart");
      return null;
    }
  }
}
