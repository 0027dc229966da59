package dev.hotrestart.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Shared helpers: compilers with the processor, sources, and running what was compiled. */
final class Compilations {

  private Compilations() {}

  /** The processor under {@code -Xlint:all -Werror}: any warning, ours or javac's, fails. */
  static Compiler strict() {
    return javac().withProcessors(new HotRestartProcessor()).withOptions("-Xlint:all", "-Werror");
  }

  /** The processor with all lint on but warnings allowed, to observe warnings and errors. */
  static Compiler lenient() {
    return javac().withProcessors(new HotRestartProcessor()).withOptions("-Xlint:all");
  }

  /**
   * {@code compiler} with {@code -Ahotrestart.proxySource=true}: the proxies are written as
   * source files, the readable form, which javac compiles with the rest.
   */
  static Compiler withProxySource(Compiler compiler) {
    return withOption(compiler, "=true");
  }

  /**
   * {@code compiler} with {@code -Ahotrestart.proxySource=false}: the proxies are written as class
   * files, the same bytes javac makes of the sources.
   */
  static Compiler withClassFiles(Compiler compiler) {
    return withOption(compiler, "=false");
  }

  private static Compiler withOption(Compiler compiler, String value) {
    List<String> options = new ArrayList<>(compiler.options());
    options.add("-A" + HotRestartProcessor.PROXY_SOURCE_OPTION + value);
    return compiler.withOptions(options);
  }

  /**
   * Compiles {@code sources} twice, proxies written as class files ({@code
   * -Ahotrestart.proxySource=false}) and as sources (the default), and checks that both give the same proxy class files ({@link OracleTest}). Returns
   * the first; {@link #rendering} gives the second, for tests that read the proxies' text.
   */
  static Compilation twice(Compiler compiler, JavaFileObject... sources) {
    Compilation classFiles = withClassFiles(compiler).compile(sources);
    // A processor instance runs in one compile only.
    Compilation rendering =
        withProxySource(compiler.withProcessors(new HotRestartProcessor())).compile(sources);
    assertEquals(messages(rendering), messages(classFiles), "the same diagnostics either way");
    if (classFiles.status() == Compilation.Status.SUCCESS) {
      OracleTest.assertSameProxies(rendering, classFiles);
    }
    RENDERINGS.put(classFiles, rendering);
    return classFiles;
  }

  private static List<String> messages(Compilation compilation) {
    List<String> messages = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
      messages.add(diagnostic.getKind() + " " + diagnostic.getMessage(Locale.ROOT));
    }
    return messages;
  }

  /** The compile with proxy sources that {@link #twice} made beside {@code classFiles}. */
  static Compilation rendering(Compilation classFiles) {
    Compilation rendering = RENDERINGS.get(classFiles);
    if (rendering == null) {
      throw new IllegalArgumentException("not compiled with Compilations.twice");
    }
    return rendering;
  }

  private static final Map<Compilation, Compilation> RENDERINGS =
      Collections.synchronizedMap(new IdentityHashMap<>());

  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  /**
   * {@code com.acme.<name>}: {@code body} after the package and imports of {@code
   * HotRestartable} and {@code NoRestart}, so the class's lines start at line 4.
   */
  static JavaFileObject annotated(String name, String... body) {
    String[] lines = new String[body.length + 3];
    lines[0] = "package com.acme;";
    lines[1] = "import dev.hotrestart.HotRestartable;";
    lines[2] = "import dev.hotrestart.NoRestart;";
    System.arraycopy(body, 0, lines, 3, body.length);
    return source("com.acme." + name, lines);
  }

  /**
   * A class loader holding every class file of {@code compilation} (inputs and generated), whose
   * parent is the test's loader and so has the runtime.
   */
  static ClassLoader load(Compilation compilation) {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String path = file.toUri().getPath();
      String marker = "CLASS_OUTPUT/";
      String name =
          path.substring(path.indexOf(marker) + marker.length(), path.length() - ".class".length())
              .replace('/', '.');
      try (InputStream in = file.openInputStream()) {
        classes.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ClassLoader(Compilations.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
      }
    };
  }

  /** Calls a public method by name and arity, unwrapping what it throws. */
  static Object call(Object receiver, String name, Object... arguments) throws Throwable {
    for (Method method : receiver.getClass().getMethods()) {
      if (method.getName().equals(name) && accepts(method.getParameterTypes(), arguments)) {
        return invoke(method, receiver, arguments);
      }
    }
    throw new NoSuchMethodException(name + "/" + arguments.length);
  }

  /** Calls the proxy's static {@code create} factory of the given arity. */
  static Object create(Class<?> proxy, Object... arguments) throws Throwable {
    for (Method method : proxy.getDeclaredMethods()) {
      if (method.getName().equals("create") && accepts(method.getParameterTypes(), arguments)) {
        return invoke(method, null, arguments);
      }
    }
    throw new NoSuchMethodException("create/" + arguments.length);
  }

  /** Calls {@code method}, accessible or not, throwing what it throws rather than a wrapper. */
  static Object invoke(Method method, Object receiver, Object... arguments) throws Throwable {
    method.setAccessible(true);
    try {
      return method.invoke(receiver, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static final Map<Class<?>, Class<?>> BOXES =
      Map.of(
          boolean.class, Boolean.class,
          byte.class, Byte.class,
          short.class, Short.class,
          char.class, Character.class,
          int.class, Integer.class,
          long.class, Long.class,
          float.class, Float.class,
          double.class, Double.class);

  /** Whether reflection can pass {@code arguments} to parameters of these types, unboxing. */
  private static boolean accepts(Class<?>[] parameters, Object[] arguments) {
    if (parameters.length != arguments.length) {
      return false;
    }
    for (int i = 0; i < parameters.length; i++) {
      Class<?> type = BOXES.getOrDefault(parameters[i], parameters[i]);
      if (arguments[i] == null ? parameters[i].isPrimitive() : !type.isInstance(arguments[i])) {
        return false;
      }
    }
    return true;
  }
}
