package dev.hotrestart.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.hotrestart.processor.Compilations.source;
import static dev.hotrestart.processor.Compilations.rendering;
import static dev.hotrestart.processor.Compilations.strict;
import static dev.hotrestart.processor.Compilations.twice;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Whole generated files for representative shapes, compared character for character with the
 * golden files under {@code src/test/resources/golden/}: the class and factory Javadoc, {@code
 * @Generated}, imports, indentation and line breaks included, so any change to what a user reads
 * in a proxy fails here. The rest is pinned by behaviour.
 *
 * <p>After an intended change to the generated code, rewrite the golden files with {@value
 * GoldenText#REGENERATE}, review their diff, and run the test again without the property.
 */
class GoldenOutputTest {

  /** Relative to the processor module, Surefire's working directory. */
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  static final JavaFileObject SIMPLE =
      source(
          "com.acme.Pipeline",
          "package com.acme;",
          "",
          "import dev.hotrestart.HotRestartable;",
          "import java.io.IOException;",
          "",
          "@HotRestartable",
          "public class Pipeline {",
          "  private final String name;",
          "",
          "  public Pipeline(String name) throws IOException {",
          "    this.name = name;",
          "  }",
          "",
          "  public int work(int x) throws IOException {",
          "    return x + name.length();",
          "  }",
          "",
          "  protected void log(String message) {}",
          "",
          "  @Override",
          "  public String toString() {",
          "    return name;",
          "  }",
          "}");

  static final JavaFileObject GENERIC =
      source(
          "com.acme.Store",
          "package com.acme;",
          "",
          "import dev.hotrestart.HotRestartable;",
          "import java.io.IOException;",
          "import java.util.List;",
          "import java.util.Map;",
          "",
          "@HotRestartable(propagate = {IllegalStateException.class, InterruptedException.class})",
          "public class Store<K extends Comparable<K>, V> {",
          "  <T extends V> Store(Map<K, T> initial) {}",
          "",
          "  public <R extends Number & Comparable<R>> R max(List<? extends R> values,"
              + " String... labels)",
          "      throws IOException, InterruptedException {",
          "    return values.get(0);",
          "  }",
          "",
          "  public V get(K key) {",
          "    return null;",
          "  }",
          "",
          "  void putAll(K[] keys, List<? super V> sink) {}",
          "}");

  static final JavaFileObject NESTED =
      source(
          "com.acme.Outer",
          "package com.acme;",
          "",
          "import dev.hotrestart.HotRestartable;",
          "",
          "class Outer {",
          "  static class Middle {",
          "    @HotRestartable",
          "    static class Inner {",
          "      protected Inner(long seed) {}",
          "",
          "      double next() {",
          "        return 0.5;",
          "      }",
          "    }",
          "  }",
          "}");

  @Test
  void simpleClass() throws IOException {
    assertMatchesGolden(SIMPLE, "com.acme.HotRestart_Pipeline");
  }

  @Test
  void genericClassWithGenericVarargsMethodAndCheckedExceptions() throws IOException {
    assertMatchesGolden(GENERIC, "com.acme.HotRestart_Store");
  }

  @Test
  void nestedPackagePrivateClass() throws IOException {
    assertMatchesGolden(NESTED, "com.acme.HotRestart_Outer_Middle_Inner");
  }

  /** Compiles {@code source} under {@code -Xlint:all -Werror}; the proxy must match its file. */
  private static void assertMatchesGolden(JavaFileObject source, String proxy) throws IOException {
    Compilation compilation = rendering(twice(strict(), source));
    assertThat(compilation).succeededWithoutWarnings();
    GoldenText.assertMatches(
        GOLDEN.resolve(proxy.replace('.', '/') + ".java"),
        compilation.generatedSourceFile(proxy).orElseThrow().getCharContent(true).toString(),
        "the processor no longer generates this for " + proxy);
  }
}
