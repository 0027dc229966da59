package dev.hotrestart.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.hotrestart.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.hotrestart.processor.broken.BrokenEnvironment;
import dev.hotrestart.processor.broken.WrappingProcessor;
import org.junit.jupiter.api.Test;

/**
 * Class files asked for, under a compiler whose {@code Filer} cannot create them (Eclipse's): the
 * proxies are written as sources instead, and those sources are the full source form, with the
 * suppressions a class-file model leaves out.
 */
class ClassFileFallbackTest {

  @Test
  void aFilerWithoutClassFilesGetsCompleteSources() {
    Compilation compilation =
        javac()
            .withProcessors(
                new WrappingProcessor(
                    new HotRestartProcessor(), BrokenEnvironment::withoutClassFiles))
            .withOptions(
                "-Xlint:all",
                "-Werror",
                "-A" + HotRestartProcessor.PROXY_SOURCE_OPTION + "=false")
            .compile(
                source(
                    "com.acme.Raw",
                    "package com.acme;",
                    "import dev.hotrestart.HotRestartable;",
                    "import java.util.List;",
                    "@HotRestartable",
                    "public class Raw {",
                    "  @SuppressWarnings(\"rawtypes\")",
                    "  public int size(List items) { return items.size(); }",
                    "}"));
    // Without the override's @SuppressWarnings("rawtypes"), -Werror fails the compile.
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).hadNoteContaining("cannot take class files from annotation processors");
    assertTrue(compilation.generatedSourceFile("com.acme.HotRestart_Raw").isPresent());
  }
}
