package dev.hotrestart.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hotrestart.HotRestart;
import dev.hotrestart.config.Settings;
import dev.hotrestart.source.SourceLocator;
import dev.hotrestart.testing.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up snapshots of source files: read once, in the background, kept deflated. */
class StartupSnapshotsTest {

  /** Started an hour ago; files written by a test are dated before it. */
  private static final Instant STARTED = Instant.now().minus(Duration.ofHours(1));

  /** The class whose file the tests write: this one, found as {@code dev/hotrestart/debug/...}. */
  private static final Class<?> TYPE = StartupSnapshotsTest.class;

  @Test
  void theSnapshotIsTheFileAsDiffReadsItAndStaysAsItWas(@TempDir Path root) throws Exception {
    // Long enough to be worth deflating, with text that is not ASCII and Windows line ends.
    StringBuilder text = new StringBuilder("package dev.hotrestart.debug;\r\n");
    for (int i = 0; i < 200; i++) {
      text.append("  // Größe ").append(i).append(" — ").append("x".repeat(i % 40)).append("\r\n");
    }
    Path file = write(root, text.toString());
    StartupSnapshots store = inline(() -> new SourceLocator(List.of(root)));

    store.take(TYPE);
    Files.writeString(file, "package dev.hotrestart.debug;\nclass Edited {}\n");

    SourceSnapshots.Snapshot snapshot = store.get(TYPE).orElseThrow();
    assertEquals(SourceSnapshots.AT_START_UP, snapshot.when());
    assertEquals(SourceView.decode(text.toString().getBytes(StandardCharsets.UTF_8)),
        snapshot.text());
    assertTrue(snapshot.text().contains("// Größe 199 — "), snapshot.text());
    assertFalse(snapshot.text().contains("\r"), "line ends as diff reads them");
    int size = text.toString().getBytes(StandardCharsets.UTF_8).length;
    int kept = store.deflatedSize(TYPE);
    assertTrue(kept > 0 && kept < size / 4, kept + " bytes kept for a file of " + size);
  }

  @Test
  void eachClassIsReadOnce(@TempDir Path root) throws Exception {
    write(root, "package dev.hotrestart.debug;\nclass First {}\n");
    AtomicInteger reads = new AtomicInteger();
    StartupSnapshots store =
        inline(
            () -> {
              reads.incrementAndGet(); // the store asks for the roots once per file it reads
              return new SourceLocator(List.of(root));
            });

    store.take(TYPE);
    store.take(TYPE);
    write(root, "package dev.hotrestart.debug;\nclass Second {}\n");
    store.take(TYPE);
    store.take(String.class); // another class: read, and not found

    assertEquals(2, reads.get());
    assertEquals(
        "package dev.hotrestart.debug;\nclass First {}\n", store.get(TYPE).orElseThrow().text());
  }

  @Test
  void aMissingFileHasNoSnapshot(@TempDir Path root) throws Exception {
    StartupSnapshots store = inline(() -> new SourceLocator(List.of(root)));

    store.take(TYPE);

    assertTrue(store.get(TYPE).isEmpty());
    assertTrue(store.get(String.class).isEmpty(), "never asked for");
  }

  @Test
  void aFileSavedAfterTheStartHasNoSnapshot(@TempDir Path root) throws Exception {
    Path file = write(root, "package dev.hotrestart.debug;\n");
    Files.setLastModifiedTime(file, FileTime.from(STARTED.plusSeconds(1)));
    StartupSnapshots store = inline(() -> new SourceLocator(List.of(root)));

    store.take(TYPE);

    assertTrue(store.get(TYPE).isEmpty());
  }

  @Test
  void aSnapshotNotDoneYetIsNotThereAndTheCallerDoesNotWait(@TempDir Path root)
      throws Exception {
    write(root, "package dev.hotrestart.debug;\n");
    CountDownLatch release = new CountDownLatch(1);
    Supplier<SourceLocator> slowDisk =
        () -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new SourceLocator(List.of(root));
        };
    StartupSnapshots store = new StartupSnapshots(slowDisk, STARTED);

    store.take(TYPE); // returns although the reader is blocked

    assertTrue(store.get(TYPE).isEmpty());
    release.countDown();
    Await.until(() -> store.get(TYPE).isPresent());
  }

  @Test
  void aFailingReadIsNoSnapshotAndNoException() throws Exception {
    StartupSnapshots store =
        inline(
            () -> {
              throw new IllegalStateException("no roots");
            });

    store.take(TYPE);

    assertTrue(store.get(TYPE).isEmpty());
  }

  /**
   * The listener the slot calls: creating a proxy with restarting on snapshots its class in the
   * JVM's store, from the configured source roots, even with reloading off.
   */
  @Test
  void creatingAProxyWithRestartingOnSnapshotsItsClass(@TempDir Path root) throws Exception {
    Path report = root.resolve("demo/Report.java");
    Files.createDirectories(report.getParent());
    Files.copy(Fixture.root().resolve("demo/Report.java"), report);
    Files.setLastModifiedTime(report, FileTime.from(Instant.parse("2000-01-01T00:00:00Z")));
    String enabled = System.getProperty(Settings.ENABLED);
    String roots = System.getProperty(Settings.SOURCE_ROOTS);
    String reload = System.getProperty(Settings.RELOAD_ON_CONTINUE);
    try {
      System.setProperty(Settings.ENABLED, "true");
      System.setProperty(Settings.SOURCE_ROOTS, root.toString());
      System.setProperty(Settings.RELOAD_ON_CONTINUE, "false"); // no javac warm-up in this test
      assumeTrue(HotRestart.isEnabled(), "another test called HotRestart.exit()");
      Class<?> type = new Fixture().slot().declaringClass();
      // Times out if the proxy never asked for a snapshot.
      Await.until(() -> StartupSnapshots.shared().get(type).isPresent());
      assertEquals(
          SourceView.read(report).text(),
          StartupSnapshots.shared().get(type).orElseThrow().text());
    } finally {
      restore(Settings.ENABLED, enabled);
      restore(Settings.SOURCE_ROOTS, roots);
      restore(Settings.RELOAD_ON_CONTINUE, reload);
    }
  }

  /** A store that reads on the thread that asks, so that each test sees the read done. */
  private static StartupSnapshots inline(Supplier<SourceLocator> locator) {
    return new StartupSnapshots(locator, STARTED, Runnable::run);
  }

  private static Path write(Path root, String text) throws Exception {
    Path file = root.resolve("dev/hotrestart/debug/StartupSnapshotsTest.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.from(STARTED.minusSeconds(60)));
    return file;
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
