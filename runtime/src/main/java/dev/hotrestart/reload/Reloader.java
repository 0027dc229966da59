package dev.hotrestart.reload;

import dev.hotrestart.config.Jvm;
import dev.hotrestart.config.Settings;
import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.slot.SlotRegistry;
import dev.hotrestart.source.SourceLocator;
import java.io.File;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;

/**
 * Recompiles the source of a wrapped method and swaps the new code into its slot.
 *
 * <p>The whole file is compiled in memory against the running class path; the recompiled class
 * must keep the running class's shape ({@link ShapeCheck}); the edited method, with what it
 * needs, moves into a new class beside the running one ({@link Transplant}), defined through the
 * running class's private lookup; then the slot points at it. Each step can refuse, and a refusal
 * leaves the running code as it was. Reloads are serialised.
 */
public final class Reloader {

  private static final System.Logger LOG = System.getLogger(Reloader.class.getName());

  private static final Reloader SHARED = new Reloader(SourceLocator.fromSettings());
  private static final AtomicInteger WORK_CLASSES = new AtomicInteger();

  private final SourceLocator sources;
  private final Map<List<String>, InMemoryCompiler> compilers = new HashMap<>();
  private String noCompiler;

  /**
   * A reloader reading sources from {@code sources}; the JVM normally uses {@link #shared()}.
   *
   * @param sources where the sources of running classes are
   */
  public Reloader(SourceLocator sources) {
    this.sources = sources;
  }

  /** The reloader of this JVM, reading the source roots of {@code -Dhotrestart.sourceRoots}. */
  public static Reloader shared() {
    return SHARED;
  }

  /** The source roots this reloader reads. */
  public SourceLocator sources() {
    return sources;
  }

  /**
   * Recompiles the file that declares {@code slot}'s method and, if it compiles and the class
   * keeps its shape, swaps the edited method in. Never throws: every failure is a result, and a
   * failure leaves the running code as it was.
   *
   * @param slot the method to reload
   * @return what happened, to show the user
   */
  public ReloadResult reload(MethodSlot slot) {
    return reload(List.of(slot));
  }

  /**
   * Reloads several methods; those of one class are compiled once and swapped together.
   *
   * @param slots the methods to reload
   * @return what happened, one line per class
   */
  public synchronized ReloadResult reload(Collection<MethodSlot> slots) {
    Map<Class<?>, List<MethodSlot>> byClass = new LinkedHashMap<>();
    for (MethodSlot slot : slots) {
      byClass.computeIfAbsent(slot.declaringClass(), c -> new ArrayList<>()).add(slot);
    }
    Map<Class<?>, Compiled> compiled = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Class<?> running : byClass.keySet()) {
      try {
        compiled.put(running, compile(running, names(byClass.get(running))));
      } catch (ReloadRefusal refusal) {
        problems.add(refusal.getMessage());
      } catch (RuntimeException | LinkageError e) {
        problems.add(internalError(running, e));
      }
    }
    return problems.isEmpty() ? applyAll(compiled, byClass) : nothingReloaded(problems, byClass);
  }

  /**
   * For {@code -Dhotrestart.reloadAll=true}: recompiles the file of every class with wrapped
   * methods that was modified since it last ran, and swaps in each wrapped method whose code
   * differs from the running code, plus {@code crashed} in any case. Every file is compiled and
   * checked before anything is swapped, so one broken file changes nothing anywhere.
   *
   * @param crashed the method the user is continuing
   * @param candidates the methods that may have changed: normally {@link SlotRegistry#all()}
   * @return what happened, one line per class
   */
  public synchronized ReloadResult reloadChanged(
      MethodSlot crashed, Collection<MethodSlot> candidates) {
    Map<Class<?>, List<MethodSlot>> byClass = new LinkedHashMap<>();
    byClass.put(crashed.declaringClass(), new ArrayList<>(List.of(crashed)));
    for (MethodSlot slot : candidates) {
      if (slot == crashed) {
        continue;
      }
      byClass.computeIfAbsent(slot.declaringClass(), c -> new ArrayList<>()).add(slot);
    }
    Map<Class<?>, Compiled> compiled = new LinkedHashMap<>();
    Map<Class<?>, List<MethodSlot>> changed = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<Class<?>, List<MethodSlot>> entry : byClass.entrySet()) {
      Class<?> running = entry.getKey();
      boolean isCrashed = running == crashed.declaringClass();
      try {
        if (!isCrashed
            && (sources.find(running).isEmpty() || !modifiedSinceChecked(running))) {
          continue; // no source to reload from, or not edited since it last compiled
        }
        Compiled result = compile(running, names(entry.getValue()));
        List<MethodSlot> slots = new ArrayList<>();
        for (MethodSlot slot : entry.getValue()) {
          String key = key(slot);
          String now = Fingerprint.of(result.edited(), key, result.output().classes());
          if (slot == crashed || (now != null && !now.equals(runningFingerprint(slot)))) {
            slots.add(slot);
          }
        }
        if (!slots.isEmpty()) {
          compiled.put(running, result);
          changed.put(running, slots);
        }
      } catch (ReloadRefusal refusal) {
        problems.add(refusal.getMessage());
      } catch (RuntimeException | LinkageError e) {
        problems.add(internalError(running, e));
      }
    }
    return problems.isEmpty() ? applyAll(compiled, changed) : nothingReloaded(problems, byClass);
  }

  private static ReloadResult nothingReloaded(
      List<String> problems, Map<Class<?>, List<MethodSlot>> byClass) {
    if (byClass.size() > 1) {
      problems.add("hotrestart: nothing was reloaded, in any class; the old code is still running.");
    }
    return ReloadResult.failure(String.join("\n", problems));
  }

  /** Swaps in each class's compiled edit; all of them compiled and passed their checks. */
  private ReloadResult applyAll(
      Map<Class<?>, Compiled> compiled, Map<Class<?>, List<MethodSlot>> slots) {
    List<String> messages = new ArrayList<>();
    boolean allSucceeded = true;
    for (Map.Entry<Class<?>, List<MethodSlot>> entry : slots.entrySet()) {
      try {
        messages.add(apply(entry.getKey(), compiled.get(entry.getKey()), entry.getValue()));
      } catch (ReloadRefusal refusal) {
        allSucceeded = false;
        messages.add(refusal.getMessage());
      } catch (RuntimeException | LinkageError e) {
        allSucceeded = false;
        messages.add(internalError(entry.getKey(), e));
      }
    }
    return new ReloadResult(allSucceeded, String.join("\n", messages));
  }

  private static String internalError(Class<?> running, Throwable e) {
    return "hotrestart: internal error while reloading "
        + running.getName()
        + ", nothing was swapped: "
        + e;
  }

  private static Set<String> names(List<MethodSlot> slots) {
    return slots.stream().map(MethodSlot::methodName).collect(Collectors.toSet());
  }

  private static String key(MethodSlot slot) {
    return slot.methodName() + slot.methodType().toMethodDescriptorString();
  }

  /** A compiled edit of one class that passed the shape check. */
  record Compiled(Path file, InMemoryCompiler.Output output, ClassNode edited, long start) {}

  Compiled compile(Class<?> running, Set<String> reloaded) throws ReloadRefusal {
    long start = System.nanoTime();
    Path file = sourceFile(running);
    checked.put(running, lastModified(file));
    InMemoryCompiler compiler = compiler(running);
    int release = release(running);
    InMemoryCompiler.Output output = compilePruned(compiler, file, release, running, reloaded);
    if (!output.succeeded()) {
      // The errors of the whole file, as the user will see them from a build; and should
      // pruning ever have broken a file that compiles, this compile is the one to use.
      output = compiler.compile(file, release);
    }
    if (!output.succeeded()) {
      throw new ReloadRefusal(
          output.errors()
              + "\nhotrestart: "
              + file.getFileName()
              + " does not compile; the old code is still running. Fix it and type c again.");
    }
    byte[] bytes = output.classes().get(running.getName());
    if (bytes == null) {
      throw new ReloadRefusal(
          "hotrestart: " + file + " no longer declares " + running.getName() + "; nothing reloaded");
    }
    ClassNode edited = ClassFiles.read(bytes);
    List<String> differences = ShapeCheck.differences(edited, running);
    if (!differences.isEmpty()) {
      throw new ReloadRefusal(
          "hotrestart: cannot reload "
              + running.getName()
              + ": the edit changes the class's shape, which needs a restart:\n  - "
              + String.join("\n  - ", differences)
              + "\nThe old code is still running. Undo that part of the edit and type c, or type"
              + " r or q to give up on this call.");
    }
    return new Compiled(file, output, edited, start);
  }

  String apply(Class<?> running, Compiled compiled, List<MethodSlot> slots)
      throws ReloadRefusal {
    List<String> roots = new ArrayList<>();
    for (MethodSlot slot : slots) {
      roots.add(key(slot));
    }
    // Fingerprints first: the transplant consumes the edited class's method nodes.
    Map<MethodSlot, String> fingerprints = new HashMap<>();
    for (MethodSlot slot : slots) {
      fingerprints.put(slot, fingerprintOfSwapped(compiled, slot));
    }
    String name =
        Type.getInternalName(running)
            + "$HR$"
            + slots.get(0).methodName()
            + "$"
            + WORK_CLASSES.incrementAndGet();
    long transplantStart = System.nanoTime();
    Transplant.Result transplant =
        Transplant.build(compiled.output().classes(), running, compiled.edited(), roots, name);
    long defineStart = System.nanoTime();
    Map<String, MethodHandle> handles = define(running, transplant);
    long swapStart = System.nanoTime();
    for (MethodSlot slot : slots) {
      slot.swap(handles.get(key(slot)));
      loaded.put(slot, fingerprints.get(slot));
    }
    long end = System.nanoTime();
    long start = compiled.start();
    long total = (end - start) / 1_000_000;
    LOG.log(
        System.Logger.Level.DEBUG,
        () ->
            String.format(
                java.util.Locale.ROOT,
                "reloaded %s as %s: %.1f ms in all; javac %d ms, shape check %.1f ms,"
                    + " transplant %.1f ms, define and link %.1f ms, swap %.1f ms",
                slots,
                name,
                (end - start) / 1e6,
                compiled.output().millis(),
                (transplantStart - start) / 1e6 - compiled.output().millis(),
                (defineStart - transplantStart) / 1e6,
                (swapStart - defineStart) / 1e6,
                (end - swapStart) / 1e6));
    return "hotrestart: reloaded "
        + slots.stream().map(MethodSlot::describe).collect(Collectors.joining(", "))
        + " from "
        + compiled.file().getFileName()
        + " in "
        + total
        + " ms (javac "
        + compiled.output().millis()
        + " ms)";
  }

  /**
   * Compiles {@code file} with the bodies a reload of {@code reloaded} cannot use blanked ({@link
   * BodyPruner}), or whole when it cannot be pruned.
   */
  private static InMemoryCompiler.Output compilePruned(
      InMemoryCompiler compiler, Path file, int release, Class<?> type, Set<String> reloaded) {
    String fileName = file.getFileName().toString();
    return compiler.compile(
        file, release, source -> BodyPruner.prune(source, fileName, type, reloaded).orElse(source));
  }

  /**
   * The fingerprint to remember for code about to be swapped in. It is bookkeeping for {@link
   * #reloadChanged} only, so a failure to compute it must not refuse the reload: the code then
   * counts as changed next time, and is reloaded again, which is harmless.
   */
  private static String fingerprintOfSwapped(Compiled compiled, MethodSlot slot) {
    try {
      String fingerprint =
          Fingerprint.of(compiled.edited(), key(slot), compiled.output().classes());
      return fingerprint == null ? UNKNOWN : fingerprint;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot fingerprint " + slot.describe(), e);
      return UNKNOWN;
    }
  }

  /** Equal to no fingerprint, which is never empty. */
  private static final String UNKNOWN = "";

  // ---------------------------------------------------------------- what runs now

  /** The fingerprint of each slot's code as last swapped in. */
  private final Map<MethodSlot, String> loaded = new ConcurrentHashMap<>();
  /**
   * The class files as they were when their first proxy was created, by binary name: the class
   * and its anonymous and local classes, which a method's fingerprint includes.
   */
  private final Map<Class<?>, Map<String, byte[]>> originals = new ConcurrentHashMap<>();
  /** When each class's source was last compiled, as the file's modification time then. */
  private final Map<Class<?>, FileTime> checked = new ConcurrentHashMap<>();

  /**
   * Keeps the class file of {@code slot}'s class as it is now, so that {@link #reloadChanged}
   * can tell later edits from the running code even after an IDE recompiles the class file on
   * disk. Called when a proxy is created with restarting enabled.
   *
   * @param slot a slot of a proxy being initialised
   */
  public void remember(MethodSlot slot) {
    originals.computeIfAbsent(slot.declaringClass(), ClassFiles::ofLoaded);
  }

  private String runningFingerprint(MethodSlot slot) {
    String fingerprint = loaded.get(slot);
    if (fingerprint != null) {
      return fingerprint;
    }
    Class<?> type = slot.declaringClass();
    Map<String, byte[]> files = originals.computeIfAbsent(type, ClassFiles::ofLoaded);
    byte[] original = files.get(type.getName());
    return original == null ? null : Fingerprint.of(ClassFiles.read(original), key(slot), files);
  }

  private boolean modifiedSinceChecked(Class<?> running) throws ReloadRefusal {
    Path file = sourceFile(running);
    FileTime before = checked.get(running);
    FileTime now = lastModified(file);
    if (before == null) {
      // Never compiled in this JVM: changed if modified after the JVM started.
      return now.toInstant().isAfter(Jvm.started());
    }
    return now.compareTo(before) > 0;
  }

  private static FileTime lastModified(Path file) throws ReloadRefusal {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new ReloadRefusal("hotrestart: cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Defines the transplant's classes beside {@code running} and links them, before any swap. */
  static Map<String, MethodHandle> define(Class<?> running, Transplant.Result transplant)
      throws ReloadRefusal {
    MethodHandles.Lookup host;
    try {
      host = MethodHandles.privateLookupIn(running, MethodHandles.lookup());
    } catch (IllegalAccessException e) {
      throw new ReloadRefusal(
          "hotrestart: cannot reload "
              + running.getName()
              + ": its package is not open to hotrestart ("
              + e.getMessage()
              + "); if it is in a named module, add `opens "
              + running.getPackageName()
              + "` to module-info.java");
    }
    List<Class<?>> defined = new ArrayList<>();
    try {
      for (byte[] bytes : transplant.classes().values()) {
        defined.add(host.defineClass(bytes));
      }
      // Link and verify now: a verification error must refuse the reload, not crash later.
      for (Class<?> type : defined) {
        Class.forName(type.getName(), true, type.getClassLoader());
      }
      Class<?> work = defined.get(defined.size() - 1);
      Map<String, MethodHandle> handles = new LinkedHashMap<>();
      for (Map.Entry<String, String> root : transplant.rootDescriptors().entrySet()) {
        String methodName = root.getKey().substring(0, root.getKey().indexOf('('));
        MethodType type =
            MethodType.fromMethodDescriptorString(root.getValue(), running.getClassLoader());
        handles.put(root.getKey(), host.findStatic(work, methodName, type));
      }
      return handles;
    } catch (ReflectiveOperationException | LinkageError | IllegalArgumentException e) {
      throw new ReloadRefusal(
          "hotrestart: the reloaded code of "
              + running.getName()
              + " could not be loaded, so nothing was swapped: "
              + e
              + "\nThis is a hotrestart bug; please report it with the edit that caused it.");
    }
  }

  Path sourceFile(Class<?> running) throws ReloadRefusal {
    Optional<Path> file = sources.find(running);
    if (file.isEmpty()) {
      List<Path> searched = sources.candidates(running);
      throw new ReloadRefusal(
          "hotrestart: cannot find the source of "
              + running.getName()
              + (searched.isEmpty()
                  ? " (no source roots are configured)"
                  : "; looked at:\n  "
                      + searched.stream().map(Path::toString).collect(Collectors.joining("\n  ")))
              + "\nSet the source roots with -Dhotrestart.sourceRoots=DIR"
              + File.pathSeparator
              + "DIR... (mvn hotrestart:run passes the project's source roots; see its"
              + " sourceRoots parameter)");
    }
    if (!Files.isReadable(file.get())) {
      throw new ReloadRefusal("hotrestart: cannot read " + file.get() + "; check its permissions");
    }
    return file.get();
  }

  InMemoryCompiler compiler(Class<?> running) throws ReloadRefusal {
    List<String> classPath = classPath(running.getClassLoader());
    synchronized (compilers) {
      InMemoryCompiler compiler = compilers.get(classPath);
      if (compiler != null) {
        return compiler;
      }
      if (noCompiler != null) {
        throw new ReloadRefusal(noCompiler);
      }
      StringBuilder whyNot = new StringBuilder();
      Optional<InMemoryCompiler> created =
          InMemoryCompiler.create(Settings.sourceEncoding(), classPath, whyNot);
      if (created.isEmpty()) {
        noCompiler = whyNot.toString();
        throw new ReloadRefusal(noCompiler);
      }
      compilers.put(classPath, created.get());
      return created.get();
    }
  }

  /**
   * The class path the running class was loaded from: the URLs of its loaders (a test or a
   * framework may load the program through its own loader), then {@code java.class.path}.
   */
  static List<String> classPath(ClassLoader loader) {
    Set<String> entries = new LinkedHashSet<>();
    List<ClassLoader> chain = new ArrayList<>();
    for (ClassLoader l = loader; l != null; l = l.getParent()) {
      chain.add(0, l);
    }
    for (ClassLoader l : chain) {
      if (l instanceof URLClassLoader) {
        for (URL url : ((URLClassLoader) l).getURLs()) {
          try {
            if (url.getProtocol().equals("file")) {
              entries.add(Path.of(url.toURI()).toString());
            }
          } catch (URISyntaxException | IllegalArgumentException e) {
            // not a local file: javac could not read it anyway
          }
        }
      }
    }
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(entry);
      }
    }
    return new ArrayList<>(entries);
  }

  /**
   * The release to compile for: that of the running class file, so that the new code may use
   * what the old code could, and no more than this JVM runs. Read from the class file kept for
   * {@link #reloadChanged}, so a reload reads no class file from disk.
   */
  int release(Class<?> running) {
    int runtime = Runtime.version().feature();
    byte[] header =
        originals.computeIfAbsent(running, ClassFiles::ofLoaded).get(running.getName());
    if (header != null && header.length >= 8) {
      int major = ((header[6] & 0xff) << 8) | (header[7] & 0xff);
      int release = major - 44;
      if (release >= 8 && release <= runtime) {
        return release;
      }
    }
    return runtime;
  }

  /**
   * Warms javac up in the background so that the first reload is fast: a tiny class first, then
   * the source file of {@code example}'s class, pruned as a reload of it would be, which loads
   * the parts of javac that real code needs and reads the jars of the class path. The results
   * are thrown away.
   *
   * @param example a method that may be reloaded later
   */
  public void warmUp(MethodSlot example) {
    Thread thread =
        new Thread(
            () -> {
              try {
                Class<?> type = example.declaringClass();
                InMemoryCompiler compiler = compiler(type);
                compiler.warmUp(Runtime.version().feature());
                Optional<Path> file = sources.find(type);
                if (file.isPresent()) {
                  compilePruned(
                      compiler, file.get(), release(type), type, Set.of(example.methodName()));
                }
              } catch (ReloadRefusal | RuntimeException e) {
                // no compiler: the first reload will say so to the user
                LOG.log(System.Logger.Level.DEBUG, "warming up the compiler failed", e);
              }
            },
            "hotrestart-warm-up");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }
}
