package dev.hotrestart.reload;

import static dev.hotrestart.reload.ReloadHarness.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.reload.ReloadHarness.Wrapped;
import dev.hotrestart.slot.MethodSlot;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Old versions of a method stay loaded (see site/reload.md); what each reload leaves behind in
 * metaspace must stay small. The compile is done once and its result swapped in many times, so
 * the test measures the transplant, definition and linkage, not javac.
 */
class ReloadMemoryTest {

  private static final int WARM_UP = 100;
  private static final int RELOADS = 1_000;
  private static final long LIMIT_PER_RELOAD = 10 * 1024;

  @TempDir Path dir;

  @Test
  void metaspaceGrowsLessThanTenKilobytesPerReload() throws Throwable {
    String source =
        String.join(
            "\n",
            "package demo;",
            "import java.util.*;",
            "public class Worker {",
            "  private int done;",
            "  public int work(List<String> items) {",
            "    items.forEach(item -> done += item.length());",
            "    Runnable tick = new Runnable() { public void run() { done++; } };",
            "    tick.run();",
            "    return done + items.stream().mapToInt(String::length).sum();",
            "  }",
            "}",
            "");
    try (ReloadHarness program = new ReloadHarness(dir)) {
      program
          .write("demo.Worker", source)
          .proxy("demo.Worker", new Wrapped("public int work(java.util.List<String> items)", "int", "java.util.List.class", "items"))
          .start();
      Object worker = program.create("demo.Worker");
      MethodSlot slot = program.slot("demo.Worker", 0);
      Class<?> running = slot.declaringClass();
      Recompiler.Compiled compiled = program.reloader.recompiler().compile(running, java.util.Set.of("work"));

      for (int i = 0; i < WARM_UP; i++) {
        program.reloader.apply(running, again(compiled, running), List.of(slot));
        call(worker, "work", List.of("ab"));
      }
      long before = metaspaceAfterGc();
      int firstVersion = slot.version();
      for (int i = 0; i < RELOADS; i++) {
        program.reloader.apply(running, again(compiled, running), List.of(slot));
        call(worker, "work", List.of("ab")); // link the new version's lambdas and call sites
      }
      long perReload = (metaspaceAfterGc() - before) / RELOADS;

      assertEquals(RELOADS, slot.version() - firstVersion, "every apply swapped a new version in");
      System.out.printf("metaspace per reload: %d bytes%n", perReload);
      assertTrue(
          perReload < LIMIT_PER_RELOAD,
          "each reload left " + perReload + " bytes of metaspace; the limit is " + LIMIT_PER_RELOAD);
    }
  }

  /** The same compile, ready to be applied again: a transplant consumes the class node. */
  private static Recompiler.Compiled again(Recompiler.Compiled compiled, Class<?> running) {
    return new Recompiler.Compiled(
        compiled.file(),
        compiled.output(),
        ClassFiles.read(compiled.output().classes().get(running.getName())),
        System.nanoTime(),
        compiled.text(),
        compiled.modified());
  }

  private static long metaspaceAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getName().equals("Metaspace")) {
        used = pool.getUsage().getUsed();
      }
    }
    return used;
  }
}
