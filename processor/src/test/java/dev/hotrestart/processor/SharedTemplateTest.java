package dev.hotrestart.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.hotrestart.processor.Compilations.rendering;
import static dev.hotrestart.processor.Compilations.strict;
import static dev.hotrestart.processor.Compilations.twice;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The runtime's tests drive {@code HotRestart_Sample}, a proxy checked in beside {@code Sample}
 * in {@code runtime/src/test/java/dev/hotrestart/testing/}. It must be exactly what this
 * processor generates for {@code Sample}, so that the runtime is tested against the shape that
 * ships: this test runs the processor on that {@code Sample.java} and compares.
 */
class SharedTemplateTest {

  /** Relative to the processor module, Surefire's working directory. */
  private static final Path TESTING =
      Path.of("..", "runtime", "src", "test", "java", "dev", "hotrestart", "testing");

  @Test
  void runtimeTestsDriveExactlyWhatTheProcessorGenerates() throws IOException {
    Path sample = TESTING.resolve("Sample.java");
    Path template = TESTING.resolve("HotRestart_Sample.java");
    assertTrue(Files.exists(sample), () -> "no " + sample.toAbsolutePath().normalize());
    Compilation compilation =
        twice(
            strict(),
                JavaFileObjects.forSourceString(
                    "dev.hotrestart.testing.Sample",
                    Files.readString(sample, StandardCharsets.UTF_8)));
    assertThat(compilation).succeededWithoutWarnings();
    String generated =
        rendering(compilation)
            .generatedSourceFile("dev.hotrestart.testing.HotRestart_Sample")
            .orElseThrow()
            .getCharContent(true)
            .toString();
    GoldenText.assertMatches(
        template,
        generated,
        "it is not what the processor generates for "
            + sample.getFileName()
            + ", so the runtime's tests would drive another proxy shape than the one that ships;"
            + " never edit it by hand");
  }
}
