package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles tiny sources into a directory, as the user's build would into target/classes. */
final class TestCompiler {

  private TestCompiler() {}

  /**
   * Compiles {@code sources} (binary name to source text) into {@code classes}. Sources are
   * written below {@code classes.resolveSibling(classes.getFileName() + "-src")}.
   */
  static Path compile(Path classes, Map<String, String> sources) throws IOException {
    Path sourceRoot = classes.resolveSibling(classes.getFileName() + "-src");
    List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17"));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      arguments.add(file.toString());
    }
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertNotNull(javac, "tests need a JDK");
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int result = javac.run(null, errors, errors, arguments.toArray(new String[0]));
    assertTrue(result == 0, "test sources did not compile: " + errors);
    return classes;
  }
}
