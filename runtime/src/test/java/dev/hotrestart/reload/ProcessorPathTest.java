package dev.hotrestart.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which processors of the build's processor path reloads run: all but hotrestart's own. */
class ProcessorPathTest {

  private static final String SERVICE = "META-INF/services/javax.annotation.processing.Processor";

  @Test
  void namesTheProcessorsOfJarsAndDirectoriesButHotrestartsOwn(@TempDir Path dir) throws Exception {
    Path own = dir.resolve("processor-classes");
    Files.createDirectories(own.resolve(SERVICE).getParent());
    Files.writeString(
        own.resolve(SERVICE),
        "# hotrestart\ndev.hotrestart.processor.HotRestartProcessor\n");
    Path lombok = dir.resolve("lombok.jar");
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(lombok))) {
      jar.putNextEntry(new JarEntry(SERVICE));
      OutputStream out = jar;
      out.write(
          ("lombok.launch.AnnotationProcessorHider$AnnotationProcessor\r\n"
                  + "lombok.launch.AnnotationProcessorHider$ClaimingProcessor # claims\n")
              .getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
    }
    Path plain = dir.resolve("plain.jar");
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plain))) {
      jar.putNextEntry(new JarEntry("a/B.class"));
      jar.closeEntry();
    }

    List<String> names =
        InMemoryCompiler.processors(
            List.of(own.toFile(), lombok.toFile(), plain.toFile(), new File(dir.toFile(), "gone")));

    assertEquals(
        List.of(
            "lombok.launch.AnnotationProcessorHider$AnnotationProcessor",
            "lombok.launch.AnnotationProcessorHider$ClaimingProcessor"),
        names);
  }

  @Test
  void noProcessorPathRunsNoProcessor() throws Exception {
    assertEquals(List.of(), InMemoryCompiler.processors(List.of()));
  }
}
