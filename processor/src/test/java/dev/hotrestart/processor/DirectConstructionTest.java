package dev.hotrestart.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.hotrestart.processor.Compilations.annotated;
import static dev.hotrestart.processor.Compilations.lenient;
import static dev.hotrestart.processor.Compilations.source;
import static dev.hotrestart.processor.Compilations.strict;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code [HotRestartDirectNew]}: {@code new Foo(...)} of a class that got a proxy makes an
 * instance that restarts only under the goals' agent, never in a run without it. Said at each {@code new} of a class annotated by hand; said once
 * per class, with a count and the first line, for classes proxied through their package's
 * annotation, whose own package constructs them freely (Commons Lang's {@code new
 * StrBuilder(...)}, 103 times).
 */
class DirectConstructionTest {

  private static Compilation compile(JavaFileObject... sources) {
    return lenient().compile(sources);
  }

  @Test
  void directConstructionOfAProxiedClassWarns() {
    JavaFileObject job = annotated("Job", "@HotRestartable", "public class Job { void run() {} }");
    JavaFileObject user =
        source(
            "com.acme.User",
            "package com.acme;",
            "class User {",
            "  Job direct() { return new Job(); }",
            "  Job proxied() { return HotRestart_Job.create(); }",
            "  @SuppressWarnings(\"hotrestart\") Job quiet() { return new Job(); }",
            "  Runnable anonymous() { return new Runnable() { public void run() {} }; }",
            "}");
    Compilation compilation = compile(job, user);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[HotRestartDirectNew] new Job(...) creates an instance that restarts under mvn"
                + " hotrestart:run or hotrestart:test (their agent) but not in a run with only"
                + " -Dhotrestart.enabled=true; call HotRestart_Job.create(...) to make it restart"
                + " there too, or add @SuppressWarnings(\"hotrestart\") to silence this")
        .inFile(user)
        .onLineContaining("Job direct()");
  }

  @Test
  void directConstructionIsFoundHoweverTheClassIsNamed() {
    JavaFileObject box = annotated("Box", "@HotRestartable", "public class Box<T> { void run() {} }");
    JavaFileObject outer =
        annotated(
            "Outer",
            "public class Outer {",
            "  @HotRestartable public static class Inner { void run() {} }",
            "}");
    JavaFileObject user =
        source(
            "com.other.User",
            "package com.other;",
            "import com.acme.Box;",
            "import com.acme.Outer;",
            "class User {",
            "  Object diamond() { return new Box<>(); } // 1",
            "  Object qualified() { return new com.acme.Box<String>(); } // 2",
            "  Object nested() { return new Outer.Inner(); } // 3",
            "  Object nestedQualified() { return new com.acme.Outer.Inner(); } // 4",
            "  Object passed() { return quietHelper(new Box<Long>()); } // 5",
            "  @SuppressWarnings(\"hotrestart\") static Object quietHelper(Object o) { return o; }",
            "  Object local() {",
            "    @SuppressWarnings(\"hotrestart\") Object quiet = new Box<Integer>();",
            "    return quiet;",
            "  }",
            "  @SuppressWarnings(\"hotrestart\")",
            "  class Quiet { Object make() { return new Outer.Inner(); } }",
            "}");
    Compilation compilation = compile(box, outer, user);
    assertThat(compilation).succeeded();
    // A suppression counts on a declaration holding the new, not on a method it is passed to.
    assertThat(compilation).hadWarningCount(5);
    for (int i = 1; i <= 5; i++) {
      assertThat(compilation)
          .hadWarningContaining("[HotRestartDirectNew]")
          .inFile(user)
          .onLineContaining("// " + i);
    }
  }

  @Test
  void eachNewIsReportedOnceWhenAFileDeclaresSeveralClasses() {
    JavaFileObject job = annotated("Job", "@HotRestartable", "public class Job { void run() {} }");
    JavaFileObject users =
        source(
            "com.acme.Users",
            "package com.acme;",
            "class Users { Job first() { return new Job(); } } // 1",
            "class Others { Job second() { return new Job(); } } // 2");
    Compilation compilation = compile(job, users);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(2);
    for (int i = 1; i <= 2; i++) {
      assertThat(compilation)
          .hadWarningContaining("[HotRestartDirectNew] new Job(...)")
          .inFile(users)
          .onLineContaining("// " + i);
    }
  }

  private static final JavaFileObject PACKAGE_INFO =
      source(
          "com.acme.lib.package-info",
          "@HotRestartable",
          "package com.acme.lib;",
          "import dev.hotrestart.HotRestartable;");

  /** Proxied through its package; builds copies of itself, as StrBuilder does. */
  private static final JavaFileObject BUILDER =
      source(
          "com.acme.lib.Builder",
          "package com.acme.lib;",
          "public class Builder {",
          "  public Builder append(String s) { return this; }",
          "  public Builder copy() { return new Builder(); } // builder first",
          "  public Builder twice() { return new Builder().append(\"a\"); }",
          "}");

  private static final JavaFileObject ROW =
      source(
          "com.acme.lib.Row",
          "package com.acme.lib;",
          "public class Row { public String text() { return \"\"; } }");

  @Test
  void underAPackageAnnotationOncePerClassWithCountAndFirstLine() {
    JavaFileObject job = annotated("Job", "@HotRestartable", "public class Job { void run() {} }");
    JavaFileObject tool =
        source(
            "com.acme.Tool",
            "package com.acme;",
            "import com.acme.lib.Builder;",
            "import com.acme.lib.Row;",
            "class Tool {",
            "  Object quiet() { return new Job(); } // per line",
            "  Object report() { return new Builder(); } // tool first",
            "  Object rows() { return new Row[] {new Row(), new Row()}; }",
            "  @SuppressWarnings(\"hotrestart\") Object hidden() { return new Row(); }",
            "  static class Nested { Object more() { return new Row(); } }",
            "  Object again() { return new Job(); } // per line",
            "}");
    Compilation compilation = compile(PACKAGE_INFO, BUILDER, ROW, job, tool);
    assertThat(compilation).succeeded();
    // Tool: two per-line warnings for Job (annotated by hand) and one for the four news of
    // package-proxied classes; Builder: one for its two copies of itself.
    assertEquals(
        List.of(
            "[HotRestartDirectNew] class Builder creates 2 instances with new of classes that got"
                + " a proxy through their package's @HotRestartable, first on line 4: new"
                + " Builder(...); those instances restart under mvn hotrestart:run or"
                + " hotrestart:test (their agent) but not in a run with only"
                + " -Dhotrestart.enabled=true: call the generated factories"
                + " (HotRestart_Builder.create(...)) to make them restart there too, or add"
                + " @SuppressWarnings(\"hotrestart\") to class Builder to silence this",
            "[HotRestartDirectNew] class Tool creates 4 instances with new of classes that got a"
                + " proxy through their package's @HotRestartable, first on line 6: new"
                + " Builder(...); those instances restart under mvn hotrestart:run or"
                + " hotrestart:test (their agent) but not in a run with only"
                + " -Dhotrestart.enabled=true: call the generated factories"
                + " (HotRestart_Builder.create(...)) to make them restart there too, or add"
                + " @SuppressWarnings(\"hotrestart\") to class Tool to silence this",
            "[HotRestartDirectNew] new Job(...) creates an instance that restarts under mvn"
                + " hotrestart:run or hotrestart:test (their agent) but not in a run with only"
                + " -Dhotrestart.enabled=true; call HotRestart_Job.create(...) to make it restart"
                + " there too, or add @SuppressWarnings(\"hotrestart\") to silence this",
            "[HotRestartDirectNew] new Job(...) creates an instance that restarts under mvn"
                + " hotrestart:run or hotrestart:test (their agent) but not in a run with only"
                + " -Dhotrestart.enabled=true; call HotRestart_Job.create(...) to make it restart"
                + " there too, or add @SuppressWarnings(\"hotrestart\") to silence this"),
        compilation.warnings().stream()
            .map(d -> d.getMessage(Locale.ROOT))
            .sorted()
            .toList());
    assertThat(compilation)
        .hadWarningContaining("class Tool creates 4 instances")
        .inFile(tool)
        .onLineContaining("// tool first");
    assertThat(compilation)
        .hadWarningContaining("class Builder creates 2 instances")
        .inFile(BUILDER)
        .onLineContaining("// builder first");
    assertThat(compilation).hadWarningContaining("new Job(...)").inFile(tool).onLine(5);
    assertThat(compilation).hadWarningContaining("new Job(...)").inFile(tool).onLine(10);
  }

  @Test
  void theOncePerClassWarningIsSuppressibleLikeTheOthers() {
    JavaFileObject tool =
        source(
            "com.acme.Tool",
            "package com.acme;",
            "import com.acme.lib.Builder;",
            "@SuppressWarnings(\"hotrestart\")",
            "class Tool {",
            "  Object report() { return new Builder(); }",
            "}");
    JavaFileObject builder =
        source(
            "com.acme.lib.Builder",
            "package com.acme.lib;",
            "public class Builder {",
            "  @SuppressWarnings(\"hotrestart\")",
            "  public Builder copy() { return new Builder(); }",
            "}");
    assertThat(strict().compile(PACKAGE_INFO, builder, tool)).succeededWithoutWarnings();
  }
}
