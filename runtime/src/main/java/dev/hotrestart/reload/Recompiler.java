package dev.hotrestart.reload;

import dev.hotrestart.config.Settings;
import dev.hotrestart.source.SourceLocator;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;

/**
 * Compiles the source file of a running class in memory, as a reload needs it: found in the
 * source roots, against the class path the class was loaded from, for the release its class file
 * has, and checked to keep the running class's shape ({@link ShapeCheck}). One {@link
 * InMemoryCompiler} is kept per class path, for the life of the JVM.
 */
final class Recompiler {

  private static final System.Logger LOG = System.getLogger(Recompiler.class.getName());

  /**
   * A compiled edit of one class that passed the shape check.
   *
   * @param file the source file
   * @param output every class file of the compile
   * @param edited the new version of the running class, from {@code output}
   * @param start when the reload started, in {@link System#nanoTime()}
   * @param text the file's text as compiled
   * @param modified the file's modification time, read before its text
   */
  record Compiled(
      Path file,
      InMemoryCompiler.Output output,
      ClassNode edited,
      long start,
      String text,
      FileTime modified) {}

  private final SourceLocator sources;
  private final ChangeTracker tracker;
  private final Map<List<String>, InMemoryCompiler> compilers = new HashMap<>();
  private String noCompiler;

  /**
   * A compiler of the sources {@code sources} finds.
   *
   * @param sources where the sources of running classes are
   * @param tracker told when a file is compiled; holds the class files the release is read from
   */
  Recompiler(SourceLocator sources, ChangeTracker tracker) {
    this.sources = sources;
    this.tracker = tracker;
  }

  /** The source roots read. */
  SourceLocator sources() {
    return sources;
  }

  /**
   * Compiles the file that declares {@code running}, with the bodies a reload of {@code reloaded}
   * cannot use blanked, and checks the result's shape against the running class.
   *
   * @param running the running class
   * @param reloaded the names of its methods being reloaded
   * @return the compiled edit
   * @throws ReloadRefusal if the file is missing, does not compile, or changes the class's shape
   */
  Compiled compile(Class<?> running, Set<String> reloaded) throws ReloadRefusal {
    long start = System.nanoTime();
    Path file = sourceFile(running);
    // Read before the text: a save in between then counts as new at the next c.
    FileTime modified = ChangeTracker.lastModified(file);
    InMemoryCompiler compiler = compiler(running);
    int release = release(running);
    String[] text = new String[1];
    String fileName = file.getFileName().toString();
    InMemoryCompiler.Output output =
        compiler.compile(
            file,
            release,
            source -> {
              text[0] = source;
              return BodyPruner.prune(source, fileName, running, reloaded).orElse(source);
            });
    if (!output.succeeded()) {
      // What the edit uses may be in another saved file or a new one. First: a fix that
      // compiles this way skips the whole file's compile below (with processors, Lombok's, that
      // is most of a second).
      output =
          seeingOtherSources(
              compiler,
              file,
              release,
              source -> BodyPruner.prune(source, fileName, running, reloaded).orElse(source),
              output);
    }
    if (!output.succeeded()) {
      // The errors of the whole file, as the user will see them from a build; and should
      // pruning ever have broken a file that compiles, this compile is the one to use. The same
      // text: the one the running code's lines will be read against.
      output = text[0] == null ? compiler.compile(file, release) : compiler.compile(file, text[0], release);
    }
    if (!output.succeeded()) {
      throw new ReloadRefusal(output.errors() + "\nhotrestart: " + fileName + " does not compile.");
    }
    byte[] bytes = output.classes().get(running.getName());
    if (bytes == null) {
      throw new ReloadRefusal("hotrestart: " + file + " no longer declares " + running.getName() + ".");
    }
    ClassNode edited = ClassFiles.read(bytes);
    List<String> differences = ShapeCheck.differences(edited, running);
    if (!differences.isEmpty()) {
      throw new ReloadRefusal(
          "hotrestart: cannot reload "
              + running.getName()
              + ": the edit changes the class's shape, which needs a restart:\n  - "
              + String.join("\n  - ", differences),
          "Undo that part of the edit and type c again, or r to raise the exception (a restart"
              + " applies it).");
    }
    for (FieldNode field : NewFields.added(edited, running)) {
      NewFields.declare(running, field);
    }
    defineAdded(running, output);
    return new Compiled(file, output, edited, start, text[0], modified);
  }

  /**
   * Compiles the file that declares {@code running} whole, for a class without wrapped methods:
   * any of its methods may have changed, so none is blanked. No shape check: the caller compares
   * every class of the file with what the JVM runs.
   *
   * @param running the running top-level class
   * @param file its source file
   * @return the compile; {@link Compiled#edited()} is the new version of {@code running}
   * @throws ReloadRefusal if the file does not compile or no longer declares the class
   */
  Compiled compileWhole(Class<?> running, Path file) throws ReloadRefusal {
    long start = System.nanoTime();
    FileTime modified = ChangeTracker.lastModified(file);
    InMemoryCompiler compiler = compiler(running);
    String[] text = new String[1];
    InMemoryCompiler.Output output =
        compiler.compile(
            file,
            release(running),
            source -> {
              text[0] = source;
              return source;
            });
    String fileName = file.getFileName().toString();
    if (!output.succeeded()) {
      output = seeingOtherSources(compiler, file, release(running), source -> source, output);
    }
    if (!output.succeeded()) {
      throw new ReloadRefusal(output.errors() + "\nhotrestart: " + fileName + " does not compile.");
    }
    byte[] bytes = output.classes().get(running.getName());
    if (bytes == null) {
      throw new ReloadRefusal("hotrestart: " + file + " no longer declares " + running.getName() + ".");
    }
    defineAdded(running, output);
    return new Compiled(file, output, ClassFiles.read(bytes), start, text[0], modified);
  }

  /**
   * Defines the classes of the new source files the compile of {@code running}'s file read
   * ({@link InMemoryCompiler.Output#added}), beside it: the program has no class file for them
   * and no other compile makes them, and the edited code uses them. Before the swap, which may
   * still be refused: a class nothing running uses changes nothing.
   */
  private static void defineAdded(Class<?> running, InMemoryCompiler.Output output)
      throws ReloadRefusal {
    if (!output.added().isEmpty()) {
      Definer.defineNew(running, output.added());
      LOG.log(
          System.Logger.Level.DEBUG,
          "defined " + output.added().keySet() + " of new files beside " + running.getName());
    }
  }

  /**
   * A failed compile tried again with the source roots as javac's source path, so that code
   * using a method or field another saved file adds, or a new file, compiles; {@code failed},
   * whose errors are the ones to show, when that fails too. Only after a failure: reading sources
   * costs time, and the build's processors see them only in a further compile ({@link
   * InMemoryCompiler#compileSeeing}).
   */
  private InMemoryCompiler.Output seeingOtherSources(
      InMemoryCompiler compiler,
      Path file,
      int release,
      java.util.function.UnaryOperator<String> transform,
      InMemoryCompiler.Output failed) {
    List<Path> roots = sources.roots();
    if (roots.isEmpty()) {
      return failed;
    }
    InMemoryCompiler.Output again = compiler.compileSeeing(file, release, transform, roots);
    return again.succeeded() ? again : failed;
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
   * The readable source file of {@code running}.
   *
   * @throws ReloadRefusal naming the paths searched, if there is none
   */
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

  /**
   * The compiler for the class path {@code running} was loaded from.
   *
   * @throws ReloadRefusal if this JVM has no Java compiler, or an entry of the class path that
   *     existed is gone
   */
  InMemoryCompiler compiler(Class<?> running) throws ReloadRefusal {
    InMemoryCompiler compiler = compilerOf(running);
    List<Path> missing = compiler.missingEntries(loadedFrom(running));
    if (!missing.isEmpty()) {
      throw new ReloadRefusal(missingClassPath(missing));
    }
    return compiler;
  }

  /** The directory or jar {@code running} was loaded from, if it is a local one. */
  private static Optional<Path> loadedFrom(Class<?> running) {
    try {
      CodeSource source = running.getProtectionDomain().getCodeSource();
      if (source != null && source.getLocation() != null
          && source.getLocation().getProtocol().equals("file")) {
        return Optional.of(Path.of(source.getLocation().toURI()));
      }
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      LOG.log(System.Logger.Level.DEBUG, "where " + running.getName() + " came from is unknown", e);
    }
    return Optional.empty();
  }

  /** Says what is missing; the source is not to blame, and nothing was compiled. */
  static String missingClassPath(List<Path> missing) {
    return "hotrestart: "
        + (missing.size() == 1
            ? "the class path entry " + missing.get(0) + " is gone"
            : "these class path entries are gone: "
                + missing.stream().map(Path::toString).collect(Collectors.joining(", ")))
        + " (deleted by a clean build?), so nothing can be compiled against the program's"
        + " classes; nothing was compiled and the old code keeps running. Build the project"
        + " again (for example mvn compile), then repeat the command.";
  }

  private InMemoryCompiler compilerOf(Class<?> running) throws ReloadRefusal {
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
          InMemoryCompiler.create(
              Settings.sourceEncoding(), classPath, Settings.processorPath(), whyNot);
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
   * framework may load the program through its own loader), then {@code java.class.path}, the
   * module path, and {@code hotrestart.compileClassPath}.
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
    // A program on the module path: its modules compile as class path entries, the one file
    // being compiled then sees every package, as its module did through its requires.
    for (String entry : System.getProperty("jdk.module.path", "").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(entry);
      }
    }
    // provided dependencies (Lombok's annotations): the build compiled against them
    entries.addAll(Settings.compileClassPath());
    return new ArrayList<>(entries);
  }

  /**
   * The release to compile for: that of the running class file, so that the new code may use
   * what the old code could, and no more than this JVM runs. Read from the class file the {@link
   * ChangeTracker} keeps, so a reload reads no class file from disk.
   */
  int release(Class<?> running) {
    int runtime = Runtime.version().feature();
    byte[] header = tracker.original(running).get(running.getName());
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
   * the source file of {@code type}, pruned as a reload of {@code method} would be, which loads
   * the parts of javac that real code needs and reads the jars of the class path. The results
   * are thrown away.
   *
   * @param type a class that may be reloaded later
   * @param method the name of one of its methods
   */
  void warmUp(Class<?> type, String method) {
    Thread thread =
        new Thread(
            () -> {
              try {
                InMemoryCompiler compiler = compiler(type);
                compiler.warmUp(Runtime.version().feature());
                Optional<Path> file = sources.find(type);
                if (file.isPresent()) {
                  compilePruned(compiler, file.get(), release(type), type, Set.of(method));
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
