package dev.hotrestart.reload;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.source.SourceLocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A small program under test: sources written to a temporary source root, compiled to class
 * files, loaded in their own class loader, with proxies written the way the processor writes them
 * (see {@link #proxy}), and a {@link Reloader} reading the same source root.
 */
final class ReloadHarness implements AutoCloseable {

  /** One wrapped method of a proxy: its declaration, erased return and parameter classes. */
  record Wrapped(String declaration, String erasedReturn, String erasedParameters, String arguments) {}

  private final Path sources;
  private final Path classes;
  private final List<String> proxies = new ArrayList<>();
  private URLClassLoader loader;
  private int saves;
  final Reloader reloader;

  ReloadHarness(Path dir) throws IOException {
    this.sources = Files.createDirectories(dir.resolve("src"));
    this.classes = Files.createDirectories(dir.resolve("classes"));
    Files.createDirectories(dir.resolve("proxies"));
    this.reloader = new Reloader(new SourceLocator(List.of(sources)));
  }

  /** Writes a source file for a class, e.g. {@code write("demo.Foo", "...")}. */
  ReloadHarness write(String className, String source) {
    Path file = sources.resolve(className.replace('.', '/') + ".java");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Edits a source file, as {@link #touch} saved: {@code before}, which it must hold, becomes {@code after}. */
  ReloadHarness save(String className, String before, String after) throws IOException {
    Path file = sourceOf(className);
    String text = Files.readString(file);
    assertTrue(text.contains(before), before);
    Files.writeString(file, text.replace(before, after));
    return touch(className);
  }

  /** Gives a source file a modification time later than any this harness gave before. */
  ReloadHarness touch(String className) throws IOException {
    Files.setLastModifiedTime(
        sourceOf(className),
        java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(10 + ++saves)));
    return this;
  }

  Path sourceOf(String className) {
    return sources.resolve(className.replace('.', '/') + ".java");
  }

  /**
   * Adds a proxy {@code HotRestart_Simple} for class {@code className} wrapping the given
   * methods, of the shape the processor generates ({@code MethodSlot.of} with constants, the
   * erased invoker, {@code HR_SLOT_i} and {@code HR_CALL_i}). The proxy lives in the classes
   * directory only, as generated code would.
   */
  ReloadHarness proxy(String className, Wrapped... methods) {
    String pkg = className.substring(0, className.lastIndexOf('.'));
    String simple = className.substring(className.lastIndexOf('.') + 1);
    String proxy = "HotRestart_" + simple;
    StringBuilder text = new StringBuilder();
    text.append("package ").append(pkg).append(";\n")
        .append("import dev.hotrestart.slot.MethodSlot;\n")
        .append("import java.lang.invoke.*;\n")
        .append("public final class ").append(proxy).append(" extends ").append(simple).append(" {\n");
    for (int i = 0; i < methods.length; i++) {
      Wrapped m = methods[i];
      String name = m.declaration().substring(0, m.declaration().indexOf('('));
      name = name.substring(name.lastIndexOf(' ') + 1);
      List<String> arguments = words(m.arguments());
      List<Class<?>> parameters = new ArrayList<>();
      for (String literal : words(m.erasedParameters())) {
        parameters.add(classOf(literal.substring(0, literal.length() - ".class".length())));
      }
      Class<?> returned = classOf(m.erasedReturn());
      String descriptor = MethodType.methodType(returned, parameters).toMethodDescriptorString();
      text.append("  private static final MethodSlot HR_SLOT_").append(i)
          .append(" = MethodSlot.of(MethodHandles.lookup(), ").append(simple)
          .append(".class, \"").append(name).append("\", \"").append(descriptor).append("\", \"")
          .append(String.join(" ", arguments)).append("\", \"java.lang.InterruptedException\");\n");
      text.append("  private static final MethodHandle HR_CALL_").append(i).append(" = HR_SLOT_").append(i)
          .append(".erasedInvoker();\n");
      StringBuilder call = new StringBuilder("HR_CALL_" + i + ".invokeExact((Object) this");
      for (int a = 0; a < arguments.size(); a++) {
        call.append(parameters.get(a).isPrimitive() ? ", " : ", (Object) ").append(arguments.get(a));
      }
      call.append(")");
      String body;
      if (returned == void.class) {
        body = "        " + call + ";\n        return;\n";
      } else if (returned.isPrimitive()) {
        body = "        return (" + returned.getName() + ") " + call + ";\n";
      } else {
        body = "        return (" + returnType(m.declaration()) + ") (Object) " + call + ";\n";
      }
      text.append("  @Override @SuppressWarnings(\"unchecked\") ").append(m.declaration()).append(" {\n")
          .append("    while (true) {\n      try {\n")
          .append(body)
          .append("      } catch (Throwable e) {\n        HR_SLOT_").append(i)
          .append(".failed(e, this, new Object[] {").append(m.arguments()).append("});\n")
          .append("      }\n    }\n  }\n");
    }
    text.append("}\n");
    proxies.add(pkg + "." + proxy);
    Path file = classes.resolveSibling("proxies").resolve(pkg.replace('.', '/') + "/" + proxy + ".java");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  private static List<String> words(String commaSeparated) {
    return commaSeparated.isBlank()
        ? List.of()
        : Arrays.stream(commaSeparated.split(",")).map(String::trim).collect(Collectors.toList());
  }

  /** The class a test names: a primitive, an array of one, a {@code java.lang} simple name or a full name. */
  private static Class<?> classOf(String name) {
    if (name.endsWith("[]")) {
      return classOf(name.substring(0, name.length() - 2)).arrayType();
    }
    switch (name) {
      case "void": return void.class;
      case "boolean": return boolean.class;
      case "byte": return byte.class;
      case "char": return char.class;
      case "short": return short.class;
      case "int": return int.class;
      case "long": return long.class;
      case "float": return float.class;
      case "double": return double.class;
      default:
        try {
          return Class.forName(name.contains(".") ? name : "java.lang." + name);
        } catch (ClassNotFoundException e) {
          throw new IllegalArgumentException("a wrapped method names " + name, e);
        }
    }
  }

  private static String returnType(String declaration) {
    String head = declaration.substring(0, declaration.indexOf('('));
    String[] words = head.trim().split("\\s+");
    return words[words.length - 2];
  }

  /** Compiles every source and proxy, then loads them in a fresh class loader. */
  ReloadHarness start() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
        Stream<Path> walk = Stream.concat(Files.walk(sources), Files.walk(classes.resolveSibling("proxies")))) {
      List<Path> all = walk.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
      boolean ok =
          javac
              .getTask(
                  null,
                  files,
                  diagnostics,
                  List.of("-g", "-d", classes.toString(), "-classpath", System.getProperty("java.class.path"), "--release", "17"),
                  null,
                  files.getJavaFileObjectsFromPaths(all))
              .call();
      assertTrue(ok, () -> "test program does not compile: " + diagnostics.getDiagnostics());
    }
    loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    return this;
  }

  Class<?> type(String name) throws ClassNotFoundException {
    return Class.forName(name, true, loader);
  }

  /** A new instance of the proxy of {@code className}, through its no-argument constructor. */
  Object create(String className) throws ReflectiveOperationException {
    String proxy = className.substring(0, className.lastIndexOf('.') + 1) + "HotRestart_"
        + className.substring(className.lastIndexOf('.') + 1);
    return type(proxy).getConstructor().newInstance();
  }

  /** Calls a public method by name on {@code target}, unwrapping the exception it throws. */
  static Object call(Object target, String name, Object... arguments) throws Throwable {
    for (Method method : target.getClass().getMethods()) {
      if (method.getName().equals(name) && accepts(method.getParameterTypes(), arguments)) {
        try {
          return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    }
    throw new NoSuchMethodException(name);
  }

  private static boolean accepts(Class<?>[] types, Object[] arguments) {
    if (types.length != arguments.length) {
      return false;
    }
    for (int i = 0; i < types.length; i++) {
      Class<?> type = types[i].isPrimitive()
          ? java.lang.invoke.MethodType.methodType(types[i]).wrap().returnType()
          : types[i];
      if (arguments[i] != null && !type.isInstance(arguments[i])) {
        return false;
      }
    }
    return true;
  }

  /** Compiles the sources again into the class directory, as an IDE would, without loading them. */
  ReloadHarness recompile() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (Stream<Path> walk = Files.walk(sources)) {
      List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", classes + java.io.File.pathSeparator + System.getProperty("java.class.path")));
      walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
      assertTrue(javac.run(null, null, null, args.toArray(new String[0])) == 0);
    }
    return this;
  }

  /** The slot of the {@code index}th wrapped method of the proxy of {@code className}. */
  MethodSlot slot(String className, int index) throws ReflectiveOperationException {
    String proxy = className.substring(0, className.lastIndexOf('.') + 1) + "HotRestart_"
        + className.substring(className.lastIndexOf('.') + 1);
    Field field = type(proxy).getDeclaredField("HR_SLOT_" + index);
    field.setAccessible(true);
    return (MethodSlot) field.get(null);
  }

  ReloadResult reload(MethodSlot slot) {
    return reloader.reload(slot);
  }

  @Override
  public void close() throws IOException {
    if (loader != null) {
      loader.close();
    }
  }
}
