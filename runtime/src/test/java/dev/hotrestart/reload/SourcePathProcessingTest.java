package dev.hotrestart.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compile that must read other sources of the program (a new method of another saved file, a
 * new file) runs the build's processors on them, as a build would: javac does not process the
 * sources it reads from its source path. The processor here writes {@code FooGen} for each
 * {@code @gen.Gen} class {@code Foo}, as MapStruct writes {@code FooMapperImpl}, and stands for
 * Lombok too: what a processor adds to a file read that way is missing.
 */
class SourcePathProcessingTest {

  private static final String PROCESSOR =
      "package gen;\n"
          + "import java.io.Writer;\n"
          + "import java.util.Set;\n"
          + "import javax.annotation.processing.*;\n"
          + "import javax.lang.model.SourceVersion;\n"
          + "import javax.lang.model.element.*;\n"
          + "@SupportedAnnotationTypes(\"gen.Gen\")\n"
          + "public class GenProcessor extends AbstractProcessor {\n"
          + "  @Override public SourceVersion getSupportedSourceVersion() {\n"
          + "    return SourceVersion.latestSupported();\n"
          + "  }\n"
          + "  @Override public boolean process(Set<? extends TypeElement> annotations,"
          + " RoundEnvironment round) {\n"
          + "    for (Element e : round.getElementsAnnotatedWith(Gen.class)) {\n"
          + "      TypeElement type = (TypeElement) e;\n"
          + "      String pkg = processingEnv.getElementUtils().getPackageOf(type)"
          + ".getQualifiedName().toString();\n"
          + "      String name = type.getSimpleName() + \"Gen\";\n"
          + "      try (Writer w = processingEnv.getFiler()"
          + ".createSourceFile(pkg + \".\" + name, type).openWriter()) {\n"
          + "        w.write(\"package \" + pkg + \";\\npublic final class \" + name"
          + " + \" { public static String of(\" + type.getSimpleName()"
          + " + \" x) { return \\\"gen:\\\" + x; } }\\n\");\n"
          + "      } catch (java.io.IOException x) {\n"
          + "        throw new java.io.UncheckedIOException(x);\n"
          + "      }\n"
          + "    }\n"
          + "    return true;\n"
          + "  }\n"
          + "}\n";

  @TempDir Path dir;
  private Path sources;
  private Path classes;
  private Path processorPath;

  @BeforeEach
  void buildTheProgram() throws IOException {
    processorPath = Files.createDirectories(dir.resolve("processor"));
    write(processorPath, "gen/Gen.java", "package gen;\npublic @interface Gen {}\n");
    write(processorPath, "gen/GenProcessor.java", PROCESSOR);
    javac(processorPath, List.of(), processorPath);
    write(
        processorPath,
        "META-INF/services/javax.annotation.processing.Processor",
        "gen.GenProcessor\n");

    sources = Files.createDirectories(dir.resolve("src"));
    classes = Files.createDirectories(dir.resolve("classes"));
    write(
        sources,
        "demo/Order.java",
        "package demo;\npublic class Order {\n  public String label() { return \"order\"; }\n}\n");
    write(
        sources,
        "demo/Use.java",
        "package demo;\npublic class Use {\n"
            + "  public String show(Order order) { return order.label(); }\n}\n");
    javac(sources, List.of("-cp", processorPath.toString(), "-proc:none"), classes);
  }

  @Test
  void anotherSavedFileReadForItsNewMethodIsProcessedAndItsClassesLeftToItsOwnCompile()
      throws IOException {
    save(
        "demo/Order.java",
        "package demo;\n@gen.Gen\npublic class Order {\n"
            + "  public String label() { return \"order\"; }\n"
            + "  public int cents() { return 350; }\n}\n");
    save(
        "demo/Use.java",
        "package demo;\npublic class Use {\n"
            + "  public String show(Order order) {\n"
            + "    return order.cents() + OrderGen.of(order);\n  }\n}\n");

    InMemoryCompiler.Output output = compileUse();

    assertNull(output.errors(), output.errors());
    assertEquals(Set.of("demo.Use"), output.classes().keySet());
    assertEquals(Set.of(), output.added().keySet());
  }

  @Test
  void aNewFileIsProcessedAndItsClassesAndTheGeneratedOnesAreAdded() throws IOException {
    save("demo/Item.java", "package demo;\n@gen.Gen\npublic class Item {}\n");
    save(
        "demo/Use.java",
        "package demo;\npublic class Use {\n"
            + "  public String show(Order order) { return ItemGen.of(new Item()); }\n}\n");

    InMemoryCompiler.Output output = compileUse();

    assertNull(output.errors(), output.errors());
    assertEquals(Set.of("demo.Use"), output.classes().keySet());
    assertEquals(Set.of("demo.Item", "demo.ItemGen"), output.added().keySet());
  }

  @Test
  void withoutProcessorsANewFileIsCompiledAndAddedToo() throws IOException {
    save(
        "demo/Helper.java",
        "package demo;\nfinal class Helper {\n  static int two() { return 2; }\n}\n");
    save(
        "demo/Use.java",
        "package demo;\npublic class Use {\n"
            + "  public String show(Order order) { return order.label() + Helper.two(); }\n}\n");

    InMemoryCompiler.Output output = compileUse(List.of());

    assertNull(output.errors(), output.errors());
    assertEquals(Set.of("demo.Use"), output.classes().keySet());
    assertEquals(Set.of("demo.Helper"), output.added().keySet());
  }

  private InMemoryCompiler.Output compileUse() {
    return compileUse(List.of(processorPath.toString()));
  }

  private InMemoryCompiler.Output compileUse(List<String> processors) {
    StringBuilder whyNot = new StringBuilder();
    Optional<InMemoryCompiler> compiler =
        InMemoryCompiler.create(
            StandardCharsets.UTF_8,
            List.of(classes.toString(), processorPath.toString()),
            processors,
            whyNot);
    assertTrue(compiler.isPresent(), whyNot::toString);
    return compiler
        .get()
        .compileSeeing(
            sources.resolve("demo/Use.java"), 17, UnaryOperator.identity(), List.of(sources));
  }

  /** Writes a source as an editor saves it: later than the class files of the build. */
  private void save(String relative, String text) throws IOException {
    Path file = write(sources, relative, text);
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
  }

  private static Path write(Path root, String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private static void javac(Path root, List<String> options, Path out) throws IOException {
    List<String> args = new ArrayList<>(options);
    args.addAll(List.of("-d", out.toString(), "--release", "17"));
    try (Stream<Path> walk = Files.walk(root)) {
      args.addAll(
          walk.filter(p -> p.toString().endsWith(".java"))
              .map(Path::toString)
              .collect(Collectors.toList()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertEquals(0, javac.run(null, null, null, args.toArray(new String[0])), "the build");
  }
}
