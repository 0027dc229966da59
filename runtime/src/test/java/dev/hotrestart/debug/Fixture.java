package dev.hotrestart.debug;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.slot.MethodSlot;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A small "user program" compiled at test time: its sources sit in a temporary source root, so
 * the debugger lists real files whose line numbers match the running classes exactly. Each
 * {@code Fixture} loads the classes afresh, so a swapped slot does not leak into other tests.
 */
final class Fixture {

  static final Map<String, String> SOURCES =
      Map.of(
          "demo/Base.java",
          String.join(
              "\n",
              "package demo;",
              "",
              "public class Base {",
              "  private long id = 99;",
              "}",
              ""),
          "demo/Report.java",
          String.join(
              "\n",
              "package demo;",
              "",
              "import java.util.ArrayList;",
              "import java.util.List;",
              "",
              "public class Report extends Base {",
              "  private int total = 7;",
              "  private final List<String> rows = new ArrayList<>(List.of(\"a,1\"));",
              "  protected String title = \"sales\";",
              "",
              "  /** Adds one row's amount, weighted. */",
              "  @SuppressWarnings(\"unused\")",
              "  public int parse(String line, int[] weights) { // PARSE_START",
              "    String[] cells = line.split(\",\");",
              "    int amount = amount(cells[1]); // PARSE_CALL",
              "    total += amount * weights[0];",
              "    return total;",
              "  } // PARSE_END",
              "",
              "  int amount(String cell) {",
              "    try {",
              "      return Integer.parseInt(cell.trim());",
              "    } catch (NumberFormatException e) {",
              "      IllegalArgumentException bad = new IllegalArgumentException(\"bad amount \" + cell, e); // THROW",
              "      bad.addSuppressed(new IllegalStateException(\"row skipped\"));",
              "      throw bad;",
              "    }",
              "  }",
              "",
              "  public int total() {",
              "    return total;",
              "  }",
              "}",
              ""),
          "demo/HotRestart_Report.java",
          String.join(
              "\n",
              "package demo;",
              "",
              "import dev.hotrestart.debug.Harness;",
              "import dev.hotrestart.slot.MethodSlot;",
              "import java.lang.invoke.MethodHandle;",
              "import java.lang.invoke.MethodHandles;",
              "",
              "/** As the processor generates it, but for the catch block: see Harness. */",
              "public final class HotRestart_Report extends Report {",
              "  private static final MethodSlot HR_SLOT_0 = MethodSlot.of(",
              "      MethodHandles.lookup(), Report.class, \"parse\", \"(Ljava/lang/String;[I)I\",",
              "          \"line weights\", \"java.lang.InterruptedException\");",
              "",
              "  private static final MethodHandle HR_CALL_0 = HR_SLOT_0.erasedInvoker();",
              "",
              "  @Override",
              "  public int parse(String line, int[] weights) {",
              "    while (true) {",
              "      try {",
              "        return (int) HR_CALL_0.invokeExact((Object) this, (Object) line, (Object) weights);",
              "      } catch (Throwable e) {",
              "        try {",
              "          Harness.failed(HR_SLOT_0, e, this, new Object[] {line, weights});",
              "        } catch (RuntimeException | Error unchecked) {",
              "          throw unchecked;",
              "        } catch (Throwable checked) {",
              "          throw new IllegalStateException(checked);",
              "        }",
              "      }",
              "    }",
              "  }",
              "}",
              ""),
          "demo/Driver.java",
          String.join(
              "\n",
              "package demo;",
              "",
              "public final class Driver {",
              "  private Driver() {}",
              "",
              "  public static int run(Report report, String line) {",
              "    return report.parse(line, new int[] {2}); // DRIVER_CALL",
              "  }",
              "",
              "  /** What a successful reload swaps in. */",
              "  public static int fixedParse(Report report, String line, int[] weights) {",
              "    return -1;",
              "  }",
              "}",
              ""));

  private static Path root;
  private static Path classes;

  private final URLClassLoader loader;

  Fixture() {
    try {
      compileOnce();
      loader =
          new URLClassLoader(
              new URL[] {classes.toUri().toURL()}, Harness.class.getClassLoader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The source root holding {@code demo/*.java}. */
  static Path root() {
    compileOnce();
    return root;
  }

  /**
   * The line of a source file that carries a marker comment.
   *
   * @param file the file, relative to the root
   * @param marker text on the line
   * @return its number, 1-based
   */
  static int line(String file, String marker) {
    String[] lines = SOURCES.get(file).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(marker)) {
        return i + 1;
      }
    }
    throw new AssertionError("no " + marker + " in " + file);
  }

  /**
   * The text of a line.
   *
   * @param file the file, relative to the root
   * @param line its number
   * @return the line
   */
  static String text(String file, int line) {
    return SOURCES.get(file).split("\n", -1)[line - 1];
  }

  private static synchronized void compileOnce() {
    if (root != null) {
      return;
    }
    try {
      Path base = Files.createTempDirectory("hotrestart-debug-fixture");
      Path sources = base.resolve("src");
      Path output = base.resolve("classes");
      Files.createDirectories(output);
      List<Path> files = new ArrayList<>();
      for (Map.Entry<String, String> source : SOURCES.entrySet()) {
        Path file = sources.resolve(source.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
        files.add(file);
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      String classPath =
          location(Harness.class) + java.io.File.pathSeparator + location(MethodSlot.class);
      StringWriter diagnostics = new StringWriter();
      try (StandardJavaFileManager fileManager =
          javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
        boolean ok =
            javac
                .getTask(
                    diagnostics,
                    fileManager,
                    null,
                    List.of("-g", "-proc:none", "-d", output.toString(), "-cp", classPath),
                    null,
                    fileManager.getJavaFileObjectsFromPaths(files))
                .call();
        assertTrue(ok, diagnostics.toString());
      }
      classes = output;
      root = sources;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new proxied {@code Report}. */
  Object newReport() throws ReflectiveOperationException {
    return loader.loadClass("demo.HotRestart_Report").getConstructor().newInstance();
  }

  /** The slot of {@code Report.parse} in this fixture's classes. */
  MethodSlot slot() throws ReflectiveOperationException {
    java.lang.reflect.Field slot =
        loader.loadClass("demo.HotRestart_Report").getDeclaredField("HR_SLOT_0");
    slot.setAccessible(true);
    return (MethodSlot) slot.get(null);
  }

  /** {@code Driver.fixedParse} as a handle of the slot's implementation type. */
  java.lang.invoke.MethodHandle fixedParse() throws ReflectiveOperationException {
    Class<?> report = loader.loadClass("demo.Report");
    return java.lang.invoke.MethodHandles.publicLookup()
        .findStatic(
            loader.loadClass("demo.Driver"),
            "fixedParse",
            java.lang.invoke.MethodType.methodType(int.class, report, String.class, int[].class));
  }

  /**
   * Calls {@code Driver.run(report, line)}: a live caller above the proxy.
   *
   * @param report a proxied report
   * @param line the row
   * @return what parse returned
   * @throws Throwable what it threw
   */
  Object run(Object report, String line) throws Throwable {
    try {
      return loader
          .loadClass("demo.Driver")
          .getMethod("run", loader.loadClass("demo.Report"), String.class)
          .invoke(null, report, line);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
