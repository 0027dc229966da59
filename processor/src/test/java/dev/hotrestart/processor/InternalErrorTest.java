package dev.hotrestart.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.hotrestart.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.hotrestart.processor.broken.BrokenEnvironment;
import dev.hotrestart.processor.broken.WrappingProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.annotation.processing.ProcessingEnvironment;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code [HotRestartInternal]}: an exception the processor did not expect must become an error
 * on the class being processed, not a javac crash, and must not stop the other classes.
 *
 * <p>The failures are real exceptions from the compiler's own services: the unchanged processor
 * is handed a processing environment that misbehaves for one class ({@link BrokenEnvironment}),
 * as a build tool's wrapper or a compiler bug could. No hook in the processor is needed.
 */
class InternalErrorTest {

  private static final JavaFileObject ALPHA =
      source(
          "com.acme.Alpha",
          "package com.acme;",
          "import dev.hotrestart.HotRestartable;",
          "@HotRestartable",
          "public class Alpha {",
          "  public String work() { return \"alpha\"; }",
          "}");

  /** Sorts after Alpha, so it is processed after the failure. */
  private static final JavaFileObject ZETA =
      source(
          "com.acme.Zeta",
          "package com.acme;",
          "import dev.hotrestart.HotRestartable;",
          "@HotRestartable",
          "public class Zeta {",
          "  public String work() { return \"zeta\"; }",
          "}");

  /** A user error in the same compile, which must be reported too. */
  private static final JavaFileObject LOCKED =
      source(
          "com.acme.Locked",
          "package com.acme;",
          "import dev.hotrestart.HotRestartable;",
          "@HotRestartable",
          "public final class Locked {",
          "  public void work() {}",
          "}");

  @Test
  void filerThatThrowsIsAnErrorOnTheClassAndTheOthersStillGetProxies() {
    List<BrokenEnvironment> envs = new ArrayList<>();
    Compilation compilation =
        compileWith(env -> new BrokenEnvironment(env, "com.acme.HotRestart_Alpha", null), envs);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            "[HotRestartInternal] hotrestart failed on class Alpha while writing HotRestart_Alpha"
                + " through the compiler's Filer: java.lang.IllegalStateException: Filer refuses"
                + " com.acme.HotRestart_Alpha at dev.hotrestart.processor.broken.")
        .inFile(ALPHA)
        .onLineContaining("public class Alpha");
    String message = internalError(compilation);
    // The throwing frame is the Filer's; the report must also point into hotrestart's code.
    assertTrue(
        message.contains(
            ", called from dev.hotrestart.processor.HotRestartProcessor.writeSource("
                + "HotRestartProcessor.java:"),
        () -> "names hotrestart's frame: " + message);
    assertTrue(
        message.endsWith(
            "; this is a bug in hotrestart (or in the build tool that runs it): please report it"
                + " with this message and the declaration of Alpha, and meanwhile remove"
                + " @HotRestartable from the class and its methods (or annotate the class"
                + " @NoRestart if only its package is annotated)"),
        () -> "says what to do: " + message);
    assertThat(compilation)
        .hadErrorContaining("[HotRestartFinal] @HotRestartable class Locked must not be final")
        .inFile(LOCKED)
        .onLineContaining("public final class Locked");
    assertEquals(List.of("com.acme.HotRestart_Zeta"), envs.get(0).createdFiles());
  }

  @Test
  void typesThatFailAnAssertionIsAnErrorOnTheClassAndTheOthersStillGetProxies() {
    // javac's own bugs surface as AssertionError, which is not a RuntimeException.
    List<BrokenEnvironment> envs = new ArrayList<>();
    Compilation compilation =
        compileWith(env -> new BrokenEnvironment(env, null, "com.acme.Alpha"), envs);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            "[HotRestartInternal] hotrestart failed on class Alpha while building the model of"
                + " HotRestart_Alpha: java.lang.AssertionError: isAssignable broke on"
                + " com.acme.Alpha at dev.hotrestart.processor.broken.")
        .inFile(ALPHA)
        .onLineContaining("public class Alpha");
    assertTrue(
        internalError(compilation)
            .contains(", called from dev.hotrestart.processor.ProxyModelBuilder.build("),
        () -> "names hotrestart's frame: " + internalError(compilation));
    assertThat(compilation).hadErrorContaining("[HotRestartFinal]").inFile(LOCKED);
    assertEquals(List.of("com.acme.HotRestart_Zeta"), envs.get(0).createdFiles());
  }

  /**
   * Compiles the three classes with the real processor under a wrapped environment, kept in
   * {@code envs}. Had the processor thrown, javac would have wrapped the exception and {@code
   * compile} would throw it instead of returning a compilation.
   */
  private static Compilation compileWith(
      Function<ProcessingEnvironment, BrokenEnvironment> wrap, List<BrokenEnvironment> envs) {
    return javac()
        .withProcessors(
            new WrappingProcessor(
                new HotRestartProcessor(),
                env -> {
                  BrokenEnvironment broken = wrap.apply(env);
                  envs.add(broken);
                  return broken;
                }))
        .withOptions("-Xlint:all")
        .compile(ALPHA, ZETA, LOCKED);
  }

  private static String internalError(Compilation compilation) {
    List<String> messages =
        compilation.errors().stream()
            .map(d -> d.getMessage(Locale.ROOT))
            .filter(m -> m.startsWith("[HotRestartInternal]"))
            .toList();
    assertEquals(1, messages.size(), () -> "one internal error: " + messages);
    return messages.get(0);
  }
}
