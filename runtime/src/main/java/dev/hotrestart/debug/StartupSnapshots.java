package dev.hotrestart.debug;

import dev.hotrestart.config.Jvm;
import dev.hotrestart.slot.ClassStartListener;
import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.source.SourceLocator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The source file of each proxied class as it was when the program started using the class, the
 * baseline of {@code diff} at the class's first crash. Without it, an edit saved while the program
 * ran, before the crash, would be part of the baseline and invisible to {@code diff}, although
 * {@code c} compiles and applies it.
 *
 * <p>The first proxy of a class asks for its snapshot ({@link Listener}) while the class is being
 * initialised, on the program's thread; finding and reading the file happens later on one background thread, so
 * the program does not wait for the disk. A snapshot is taken once per class and is never an
 * error: when the file is not found, cannot be read, or was already saved after the JVM started
 * (its text then is not what the JVM runs), the class has no snapshot and {@code diff} falls back
 * to the text at the first crash.
 */
public final class StartupSnapshots {

  private static final System.Logger LOG = System.getLogger(StartupSnapshots.class.getName());

  /** How long the idle background thread stays, so that a quiet program holds no thread. */
  private static final long IDLE_SECONDS = 5;

  private static final class Shared {
    static final StartupSnapshots INSTANCE =
        new StartupSnapshots(SourceLocator::fromSettings, Jvm.started());
  }

  /**
   * A file's bytes, deflated. A program may proxy hundreds of classes whose snapshots are kept
   * for the life of the JVM and mostly never read: source text deflates to a fifth or less. Bytes
   * rather than text, so that they are decoded at the crash exactly as {@code diff} decodes the
   * file then, and a decoding difference cannot show as an edit.
   */
  private record Deflated(byte[] data, int length, LocalTime taken) {}

  private final Supplier<SourceLocator> locator;
  private final Instant started;
  private final Map<Class<?>, CompletableFuture<Optional<Deflated>>> byClass =
      new ConcurrentHashMap<>();
  private final Executor worker;

  /**
   * A store reading files found by {@code locator}, as the debugger finds them, on one
   * background thread of low priority that ends when idle.
   *
   * @param locator the source roots, asked for when a file is looked for (the debugger also asks
   *     at each crash, so both see the same roots)
   * @param started files saved after this instant are not snapshotted
   */
  StartupSnapshots(Supplier<SourceLocator> locator, Instant started) {
    this(locator, started, backgroundWorker());
  }

  /**
   * A store reading files on {@code worker}.
   *
   * @param locator the source roots, asked for each time a file is looked for
   * @param started files saved after this instant are not snapshotted
   * @param worker runs the reads
   */
  StartupSnapshots(Supplier<SourceLocator> locator, Instant started, Executor worker) {
    this.locator = locator;
    this.started = started;
    this.worker = worker;
  }

  private static Executor backgroundWorker() {
    ThreadPoolExecutor worker =
        new ThreadPoolExecutor(
            1,
            1,
            IDLE_SECONDS,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "hotrestart-source-snapshots");
              thread.setDaemon(true);
              // Reading sources must not compete with the program it serves.
              thread.setPriority(Thread.MIN_PRIORITY);
              return thread;
            });
    worker.allowCoreThreadTimeOut(true);
    return worker;
  }

  /**
   * Snapshots each class as it starts, with or without reloading: registered in {@code
   * META-INF/services/dev.hotrestart.slot.ClassStartListener}.
   */
  public static final class Listener implements ClassStartListener {

    /** Called by {@link java.util.ServiceLoader}. */
    public Listener() {}

    @Override
    public void classStarted(MethodSlot first) {
      StartupSnapshots.classStarted(first.declaringClass());
    }
  }

  /** The store of this JVM, over {@code -Dhotrestart.sourceRoots}. */
  static StartupSnapshots shared() {
    return Shared.INSTANCE;
  }

  /**
   * Snapshots the source file of {@code type} in the background, unless that was done already.
   * Called when the first proxy of the class is created with restarting enabled. Never throws.
   *
   * @param type the annotated class of the proxy
   */
  static void classStarted(Class<?> type) {
    try {
      shared().take(type);
    } catch (Throwable e) { // the snapshot is a convenience: the program must not notice it
      LOG.log(System.Logger.Level.DEBUG, "cannot snapshot the source of " + type.getName(), e);
    }
  }

  /**
   * Schedules the snapshot of {@code type}'s file, once.
   *
   * @param type the class
   */
  void take(Class<?> type) {
    byClass.computeIfAbsent(type, t -> CompletableFuture.supplyAsync(() -> read(t), worker));
  }

  /**
   * The snapshot of a class, if it was taken and is done.
   *
   * @param type the class
   * @return the file's text when the program started using the class, timed when it was read;
   *     empty if not asked for, not done yet, or refused
   */
  Optional<SourceSnapshots.Snapshot> get(Class<?> type) {
    Optional<Deflated> deflated = done(type);
    if (deflated.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new SourceSnapshots.Snapshot(
              SourceView.decode(inflate(deflated.get())),
              deflated.get().taken(),
              SourceSnapshots.AT_START_UP));
    } catch (DataFormatException e) {
      LOG.log(System.Logger.Level.DEBUG, "the snapshot of " + type.getName() + " is corrupt", e);
      return Optional.empty();
    }
  }

  /**
   * The snapshot of the file of a top-level class, by name: for the frames of a class that has
   * not crashed.
   *
   * @param topLevel the binary name of a top-level class
   * @return its file's text at start-up, if a class of that file asked for one and it is done
   */
  Optional<SourceSnapshots.Snapshot> getByName(String topLevel) {
    for (Class<?> type : byClass.keySet()) {
      if (SourceLocator.topLevel(type).getName().equals(topLevel)) {
        Optional<SourceSnapshots.Snapshot> snapshot = get(type);
        if (snapshot.isPresent()) {
          return snapshot;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * For tests: how many bytes the snapshot of {@code type} keeps.
   *
   * @param type the class
   * @return the deflated size, or -1 without a snapshot
   */
  int deflatedSize(Class<?> type) {
    return done(type).map(deflated -> deflated.data().length).orElse(-1);
  }

  /** The snapshot of {@code type} if it was asked for, is done and was taken; never waits. */
  private Optional<Deflated> done(Class<?> type) {
    CompletableFuture<Optional<Deflated>> pending = byClass.get(type);
    if (pending == null || !pending.isDone() || pending.isCompletedExceptionally()) {
      return Optional.empty();
    }
    return pending.join();
  }

  private Optional<Deflated> read(Class<?> type) {
    try {
      Optional<Path> file = locator.get().find(type);
      if (file.isEmpty()) {
        LOG.log(
            System.Logger.Level.DEBUG,
            () -> "no source file of " + type.getName() + " at start-up; diff starts at its first"
                + " crash");
        return Optional.empty();
      }
      LocalTime taken = LocalTime.now().truncatedTo(ChronoUnit.SECONDS);
      byte[] bytes = Files.readAllBytes(file.get());
      // Asked after reading: if nothing saved the file from the JVM's start until now, the bytes
      // read are those it had at the start, even if a save raced with the read.
      Instant modified = Files.getLastModifiedTime(file.get()).toInstant();
      if (modified.isAfter(started)) {
        LOG.log(
            System.Logger.Level.DEBUG,
            () -> file.get() + " was saved after the program started (" + modified + "); diff"
                + " starts at the first crash of " + type.getName());
        return Optional.empty();
      }
      return Optional.of(new Deflated(deflate(bytes), bytes.length, taken));
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot snapshot the source of " + type.getName(), e);
      return Optional.empty();
    }
  }

  private static byte[] deflate(byte[] bytes) {
    Deflater deflater = new Deflater();
    try {
      deflater.setInput(bytes);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end(); // its native memory is not worth leaving to the garbage collector
    }
  }

  private static byte[] inflate(Deflated deflated) throws DataFormatException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(deflated.data());
      byte[] bytes = new byte[deflated.length()];
      int done = 0;
      while (done < bytes.length) {
        int n = inflater.inflate(bytes, done, bytes.length - done);
        if (n == 0 && (inflater.finished() || inflater.needsInput())) {
          throw new DataFormatException("ended after " + done + " of " + bytes.length + " bytes");
        }
        done += n;
      }
      return bytes;
    } finally {
      inflater.end();
    }
  }
}
