package dev.hotrestart.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.hotrestart.processor.Compilations.annotated;
import static dev.hotrestart.processor.Compilations.lenient;
import static dev.hotrestart.processor.Compilations.source;
import static dev.hotrestart.processor.Compilations.strict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error and warning of the processor, pinned to its file and line. */
class DiagnosticsTest {

  private static Compilation compile(JavaFileObject... sources) {
    return lenient().compile(sources);
  }

  @Test
  void finalClass() {
    JavaFileObject source =
        annotated("Foo", "@HotRestartable", "public final class Foo {", "  void work() {}", "}");
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[HotRestartFinal] @HotRestartable class Foo must not be final: the generated proxy"
                + " HotRestart_Foo subclasses it; remove final")
        .inFile(source)
        .onLineContaining("public final class Foo");
  }

  @Test
  void sealedClass() {
    JavaFileObject source =
        annotated(
            "Shape",
            "@HotRestartable",
            "public sealed class Shape permits Circle {",
            "  void draw() {}",
            "}",
            "final class Circle extends Shape {}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("[HotRestartSealed] @HotRestartable class Shape must not be sealed")
        .inFile(source)
        .onLineContaining("public sealed class Shape");
  }

  @Test
  void recordEnumInterfaceAndAnnotationType() {
    JavaFileObject record = annotated("Point", "@HotRestartable", "record Point(int x) {}");
    JavaFileObject enumType = annotated("Color", "@HotRestartable", "enum Color { RED }");
    JavaFileObject iface = annotated("Task", "@HotRestartable", "interface Task { void run(); }");
    JavaFileObject annotation = annotated("Marker", "@HotRestartable", "@interface Marker {}");
    Compilation compilation = compile(record, enumType, iface, annotation);
    assertThat(compilation).hadErrorCount(4);
    assertThat(compilation)
        .hadErrorContaining(
            "[HotRestartNotAClass] @HotRestartable record Point cannot restart: a record is final")
        .inFile(record)
        .onLineContaining("record Point");
    assertThat(compilation)
        .hadErrorContaining(
            "[HotRestartNotAClass] @HotRestartable enum Color cannot restart: an enum cannot be"
                + " subclassed")
        .inFile(enumType)
        .onLineContaining("enum Color");
    assertThat(compilation)
        .hadErrorContaining(
            "[HotRestartNotAClass] @HotRestartable interface Task cannot restart: the generated"
                + " proxy must extend a class; annotate the class that implements Task instead")
        .inFile(iface)
        .onLineContaining("interface Task");
    assertThat(compilation)
        .hadErrorContaining("[HotRestartNotAClass] @HotRestartable annotation type Marker")
        .inFile(annotation)
        .onLineContaining("@interface Marker");
  }

  @Test
  void innerPrivateAndNestedInPrivate() {
    JavaFileObject source =
        annotated(
            "Outer",
            "public class Outer {",
            "  @HotRestartable class Inner { void a() {} }",
            "  @HotRestartable private static class Hidden { void b() {} }",
            "  private static class Secret {",
            "    @HotRestartable static class Deep { void c() {} }",
            "  }",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation)
        .hadErrorContaining(
            "[HotRestartInner] @HotRestartable class Outer.Inner must be static: the generated"
                + " proxy HotRestart_Outer_Inner is a top-level class")
        .inFile(source)
        .onLineContaining("class Inner");
    assertThat(compilation)
        .hadErrorContaining(
            "[HotRestartPrivate] @HotRestartable class Outer.Hidden must not be private")
        .inFile(source)
        .onLineContaining("class Hidden");
    assertThat(compilation)
        .hadErrorContaining(
            "[HotRestartPrivate] @HotRestartable class Outer.Secret.Deep is nested in private"
                + " class Outer.Secret, which the generated proxy HotRestart_Outer_Secret_Deep, a"
                + " separate class in the same package, cannot see; make Secret package-private")
        .inFile(source)
        .onLineContaining("class Deep");
  }

  @Test
  void localAndAnonymousClasses() {
    JavaFileObject source =
        annotated(
            "Runner",
            "public class Runner {",
            "  void run() {",
            "    @HotRestartable class Local { void step() {} }",
            "    Runnable r = new Runnable() {",
            "      @HotRestartable public void run() {}",
            "    };",
            "    r.run();",
            "  }",
            "  final Runnable field = new Runnable() {",
            "    @dev.hotrestart.HotRestartable public void run() { /* field */ }",
            "  };",
            "}");
    // javac calls the processor only when some hotrestart annotation is visible to it.
    JavaFileObject visible =
        annotated("Visible", "@HotRestartable", "public class Visible { void a() {} }");
    Compilation compilation = compile(source, visible);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation)
        .hadErrorContaining(
            "[HotRestartLocal] @HotRestartable local class Local cannot restart: the generated"
                + " proxy, a separate class, cannot see or extend a local class; move it to a"
                + " top-level or static nested class")
        .inFile(source)
        .onLineContaining("class Local");
    assertThat(compilation)
        .hadErrorContaining("[HotRestartLocal] @HotRestartable method run() of an anonymous class")
        .inFile(source)
        .onLineContaining("@HotRestartable public void run() {}");
    assertThat(compilation)
        .hadErrorContaining("[HotRestartLocal] @HotRestartable method run() of an anonymous class")
        .inFile(source)
        .onLineContaining("/* field */");
  }

  @Test
  void noAccessibleConstructor() {
    JavaFileObject source =
        annotated(
            "Singleton",
            "@HotRestartable",
            "public class Singleton {",
            "  private Singleton() {}",
            "  void work() {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "[HotRestartConstructor] @HotRestartable class Singleton has no non-private"
                + " constructor: the factories of the generated proxy must call one; add a"
                + " package-private constructor")
        .inFile(source)
        .onLineContaining("public class Singleton");
  }

  @Test
  void abstractClassWithAbstractMethod() {
    JavaFileObject source =
        annotated(
            "Shape",
            "@HotRestartable",
            "public abstract class Shape implements Comparable<Shape> {",
            "  public int compareTo(Shape other) { return 0; }",
            "  abstract double area();",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[HotRestartAbstract] @HotRestartable class Shape is abstract and leaves method area()"
                + " unimplemented: the generated proxy is a concrete class with factories and"
                + " cannot implement it; annotate the concrete subclasses instead")
        .inFile(source)
        .onLineContaining("public abstract class Shape");
  }

  @Test
  void abstractClassMissingAnInterfaceMethod() {
    JavaFileObject source =
        annotated(
            "Job",
            "@HotRestartable",
            "public abstract class Job implements Runnable {",
            "  void prepare() {}",
            "}");
    assertThat(compile(source))
        .hadErrorContaining("[HotRestartAbstract] @HotRestartable class Job is abstract and leaves"
            + " method run() unimplemented")
        .inFile(source)
        .onLineContaining("public abstract class Job");
  }

  @Test
  void factoryClashesWithMethodNamedCreate() {
    JavaFileObject source =
        annotated(
            "Maker",
            "@HotRestartable",
            "public class Maker {",
            "  public Maker(int size) {}",
            "  public Maker create(int size) { return this; }",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[HotRestartFactoryClash] @HotRestartable class Maker has method create(int), which"
                + " clashes with the factory HotRestart_Maker.create that the generated proxy"
                + " needs for constructor Maker(int); rename the method")
        .inFile(source)
        .onLineContaining("public class Maker");
  }

  @Test
  void annotatedAndOptedOut() {
    JavaFileObject source =
        annotated(
            "Both",
            "@HotRestartable @NoRestart",
            "public class Both {",
            "  @HotRestartable @NoRestart void twice() {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            "[HotRestartConflict] @HotRestartable class Both is also annotated @NoRestart; remove"
                + " one of the two")
        .inFile(source)
        .onLineContaining("public class Both");
    assertThat(compilation)
        .hadErrorContaining(
            "[HotRestartConflict] @HotRestartable method twice() is also annotated @NoRestart")
        .inFile(source)
        .onLineContaining("void twice()");
  }

  @Test
  void annotatedMethodsThatCannotBeOverridden() {
    JavaFileObject source =
        annotated(
            "Methods",
            "public abstract class Methods {",
            "  @HotRestartable static void isStatic() {}",
            "  @HotRestartable private void isPrivate() {}",
            "  @HotRestartable final void isFinal() {}",
            "  @HotRestartable abstract void isAbstract();",
            "  @HotRestartable native void isNative();",
            "  @HotRestartable void fine() { isPrivate(); }",
            "}");
    Compilation compilation = compile(source);
    // The class is also abstract with an abstract method: reported on the first annotated method.
    assertThat(compilation).hadErrorCount(6);
    assertThat(compilation)
        .hadErrorContaining(
            "[HotRestartMethod] @HotRestartable method isStatic() cannot restart: it is static, so"
                + " the generated proxy cannot override it; make it an instance method")
        .inFile(source)
        .onLineContaining("void isStatic()");
    assertThat(compilation)
        .hadErrorContaining("[HotRestartMethod] @HotRestartable method isPrivate() cannot restart:"
            + " it is private")
        .inFile(source)
        .onLineContaining("void isPrivate()");
    assertThat(compilation)
        .hadErrorContaining("[HotRestartMethod] @HotRestartable method isFinal() cannot restart:"
            + " it is final, so the generated proxy cannot override it; remove final")
        .inFile(source)
        .onLineContaining("void isFinal()");
    assertThat(compilation)
        .hadErrorContaining("[HotRestartMethod] @HotRestartable method isAbstract() cannot"
            + " restart: it is abstract and has no code to restart")
        .inFile(source)
        .onLineContaining("void isAbstract()");
    assertThat(compilation)
        .hadErrorContaining("[HotRestartMethod] @HotRestartable method isNative() cannot restart:"
            + " it is native and has no Java source to edit")
        .inFile(source)
        .onLineContaining("void isNative()");
    assertThat(compilation)
        .hadErrorContaining(
            "[HotRestartAbstract] class Methods of @HotRestartable method isStatic() is abstract"
                + " and leaves method isAbstract() unimplemented")
        .inFile(source)
        .onLineContaining("void isStatic()");
  }

  @Test
  void annotatedMethodInFinalClassReportsTheClassOnTheMethod() {
    JavaFileObject source =
        annotated(
            "Closed",
            "public final class Closed {",
            "  @HotRestartable void work() {}",
            "}");
    assertThat(compile(source))
        .hadErrorContaining(
            "[HotRestartFinal] class Closed of @HotRestartable method work() must not be final")
        .inFile(source)
        .onLineContaining("void work()");
  }

  @Test
  void privateTypeInSignature() {
    JavaFileObject source =
        annotated(
            "Vault",
            "@HotRestartable",
            "public class Vault {",
            "  private static class Secret {}",
            "  Vault() {}",
            "  Vault(Secret secret) {}",
            "  void open(java.util.List<Secret> secrets) {}",
            "  void close() {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(2);
    assertThat(compilation)
        .hadWarningContaining(
            "[HotRestartSkipped] method open(List<Secret>) of @HotRestartable class Vault cannot"
                + " restart: its signature names private type Vault.Secret, which the generated"
                + " proxy cannot see; make Secret package-private")
        .inFile(source)
        .onLineContaining("void open(");
    assertThat(compilation)
        .hadWarningContaining(
            "[HotRestartSkipped] constructor Vault(Secret) gets no factory: its signature names"
                + " private type Vault.Secret")
        .inFile(source)
        .onLineContaining("Vault(Secret secret)");

    JavaFileObject methodMode =
        annotated(
            "Box",
            "public class Box {",
            "  private static class Secret {}",
            "  @HotRestartable void put(Secret secret) {}",
            "}");
    assertThat(compile(methodMode))
        .hadErrorContaining(
            "[HotRestartMethod] @HotRestartable method put(Secret) cannot restart: its signature"
                + " names private type Box.Secret")
        .inFile(methodMode)
        .onLineContaining("void put(");
  }

  @Test
  void privateTypeInTheEnclosingTypeOfAnInnerClass() {
    JavaFileObject source =
        annotated(
            "Safe",
            "@HotRestartable",
            "public class Safe {",
            "  private static class Secret {}",
            "  public static class Box<T> { public class Lid {} }",
            "  void seal(Box<Secret>.Lid lid) {}",
            "  void close() {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[HotRestartSkipped] method seal(Lid) of @HotRestartable class Safe cannot restart:"
                + " its signature names private type Safe.Secret")
        .inFile(source)
        .onLineContaining("void seal(");
  }

  @Test
  void finalMethodsOfAnAnnotatedClassWarn() {
    JavaFileObject source =
        annotated(
            "Worker",
            "@HotRestartable",
            "public class Worker {",
            "  private void helper() {}",
            "  final void done() { helper(); }",
            "  @NoRestart final void optedOut() {}",
            "  void work() {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[HotRestartSkipped] method done() of @HotRestartable class Worker cannot restart: it"
                + " is final, so the generated proxy cannot override it; remove final, or mark it"
                + " @NoRestart or @SuppressWarnings(\"hotrestart\") to silence this")
        .inFile(source)
        .onLineContaining("void done()");
  }

  /**
   * Private helpers reload with the method that calls them, and a crash in one opens the prompt
   * in that method; static and native methods were never the proxy's to restart. None
   * of them is a surprise worth failing a {@code -Werror} build over.
   */
  @Test
  void privateStaticAndNativeMethodsDoNotWarn() {
    JavaFileObject source =
        annotated(
            "Worker",
            "@HotRestartable",
            "public class Worker {",
            "  public static void main(String[] args) {}",
            "  static int twice(int x) { return 2 * x; }",
            "  private void helper() {}",
            "  private static int parse(String s) { return Integer.parseInt(s); }",
            "  native void fast();",
            "  void work() { helper(); twice(parse(\"1\")); }",
            "}");
    assertThat(strict().compile(source)).succeededWithoutWarnings();
  }

  @Test
  void warningsAreSuppressibleOnMethodAndClass() {
    JavaFileObject onMethods =
        annotated(
            "Quiet",
            "@HotRestartable",
            "public class Quiet {",
            "  @SuppressWarnings(\"hotrestart\") final void helper() {}",
            "  @SuppressWarnings({\"unused\", \"hotrestart\"}) final void done() {}",
            "  void work() {}",
            "}");
    JavaFileObject onClass =
        annotated(
            "Silent",
            "@HotRestartable",
            "@SuppressWarnings(\"hotrestart\")",
            "public class Silent {",
            "  final void helper() {}",
            "  final void done() {}",
            "  void work() {}",
            "}");
    JavaFileObject onOuterClass =
        annotated(
            "Host",
            "@SuppressWarnings(\"hotrestart\")",
            "public class Host {",
            "  @HotRestartable public static class Job {",
            "    final void helper() {}",
            "    void work() {}",
            "  }",
            "}");
    Compilation compilation = strict().compile(onMethods, onClass, onOuterClass);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void classWithNothingToWrapWarns() {
    JavaFileObject source =
        annotated(
            "Empty",
            "@HotRestartable",
            "public class Empty {",
            "  static int twice(int x) { return 2 * x; }",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "[HotRestartEmpty] @HotRestartable class Empty declares no method that can restart,"
                + " so its proxy changes nothing")
        .inFile(source)
        .onLineContaining("public class Empty");
  }

  @Test
  void undefinedTypeIsReportedOnceAtTheEnd() {
    JavaFileObject source =
        annotated(
            "Broken",
            "@HotRestartable",
            "public class Broken {",
            "  void use(Missing missing) {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[HotRestartMissingType] no proxy was generated for Broken because type Missing is"
                + " undefined")
        .inFile(source)
        .onLineContaining("public class Broken");
    long ours =
        compilation.errors().stream()
            .filter(d -> d.getMessage(null).contains("[HotRestartMissingType]"))
            .count();
    assertEquals(1, ours, "reported once, not once per round");
  }

  @Test
  void everyErrorOfTheCompileIsReported() {
    JavaFileObject one = annotated("One", "@HotRestartable", "public final class One {}");
    JavaFileObject two = annotated("Two", "@HotRestartable", "record Two() {}");
    JavaFileObject good = annotated("Good", "@HotRestartable", "public class Good { void a() {} }");
    Compilation compilation = compile(one, two, good);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[HotRestartFinal]")
        .inFile(one)
        .onLineContaining("class One");
    assertThat(compilation)
        .hadErrorContaining("[HotRestartNotAClass]")
        .inFile(two)
        .onLineContaining("record Two");
  }

  /**
   * compile-testing hides the generated files of a failed compile, so this runs javac directly
   * with {@code -proc:only} and looks at the source output directory.
   */
  @Test
  void nothingIsWrittenForAClassInError(@TempDir Path dir) throws IOException {
    JavaFileObject bad =
        annotated("Bad", "@HotRestartable", "public final class Bad { void a() {} }");
    JavaFileObject good = annotated("Good", "@HotRestartable", "public class Good { void a() {} }");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter out = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(
              out,
              files,
              null,
              List.of(
                  "-proc:only",
                  "-s",
                  dir.toString(),
                  "-d",
                  dir.toString(),
                  "-classpath",
                  System.getProperty("java.class.path")),
              null,
              List.of(bad, good));
      task.setProcessors(List.of(new HotRestartProcessor()));
      assertEquals(false, task.call());
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      List<String> written =
          walk.filter(Files::isRegularFile)
              .map(p -> dir.relativize(p).toString().replace('\\', '/'))
              .collect(Collectors.toList());
      assertEquals(List.of("com/acme/HotRestart_Good.java"), written);
    }
    assertTrue(out.toString().contains("[HotRestartFinal]"), out.toString());
  }
}
