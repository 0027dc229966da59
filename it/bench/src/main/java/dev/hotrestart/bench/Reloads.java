package dev.hotrestart.bench;

import dev.hotrestart.reload.ReloadResult;
import dev.hotrestart.reload.Reloader;
import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.slot.SlotRegistry;
import dev.hotrestart.source.SourceLocator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reloads {@link Calc}'s methods the way {@code c} does: the runtime's {@link Reloader} reads an
 * edited copy of Calc.java from a temporary source root, compiles it in memory, and swaps the
 * transplanted methods into the slots of {@code HotRestart_Calc}.
 */
final class Reloads {

  private final Path root;
  private final Reloader reloader;
  private int editions;

  Reloads() throws IOException {
    root = Files.createTempDirectory("hotrestart-bench-src");
    reloader = new Reloader(new SourceLocator(List.of(root)));
  }

  /**
   * Writes a new edition of Calc.java (a comment line more in each method, so every line number
   * after it moves, as after a real edit) and reloads {@code methods} from it.
   *
   * @return the reloader's message (what was reloaded, in how many ms)
   */
  String reload(String... methods) throws IOException {
    editions++;
    String source;
    try (InputStream in =
        Objects.requireNonNull(
            Reloads.class.getResourceAsStream("/sources/dev/hotrestart/bench/Calc.java"),
            "Calc.java is not packaged")) {
      source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String edited = source.replace("// edit here", "// edition " + editions + "\n    // edit here");
    Path file = root.resolve("dev/hotrestart/bench/Calc.java");
    if (editions == 1) {
      // deleteOnExit runs in reverse order of registration: the file, then its folders.
      for (Path p = root; !p.equals(file); p = p.resolve(file.subpath(p.getNameCount(), p.getNameCount() + 1))) {
        p.toFile().deleteOnExit();
      }
      file.toFile().deleteOnExit();
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, edited);
    List<String> names = List.of(methods);
    // Initialise the proxy first: its slots register when the class initialises.
    HotRestart_Calc.create();
    List<MethodSlot> slots =
        SlotRegistry.all().stream()
            .filter(s -> s.declaringClass() == Calc.class && names.contains(s.methodName()))
            .collect(Collectors.toList());
    if (slots.size() != names.size()) {
      throw new IllegalStateException("slots of Calc " + names + ": found " + slots);
    }
    ReloadResult result = reloader.reload(slots);
    if (!result.succeeded()) {
      throw new IllegalStateException(result.message());
    }
    return result.message();
  }
}
