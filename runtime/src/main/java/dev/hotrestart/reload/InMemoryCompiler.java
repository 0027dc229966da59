package dev.hotrestart.reload;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles one source file in this JVM, into memory, against the running class path. One file
 * manager is kept while the class path on disk stays as it was: javac then reads each jar of the
 * class path once, which is most of the difference between a first compile (hundreds of ms) and a
 * warm one (tens).
 *
 * <p>javac's file manager remembers an entry it found missing for as long as it lives, so a
 * {@code target/classes} deleted by a clean build, even for a moment, would fail every later
 * compile with {@code cannot find symbol} though the directory is back. So each compile first
 * looks at the entries ({@link #missingEntries}: one {@code stat} each), and the file manager is
 * built again whenever an entry appeared, disappeared or a jar changed, before or during a
 * compile.
 */
final class InMemoryCompiler {

  /**
   * The outcome of a compile: class files by binary name, or javac's errors as text and one by
   * one.
   */
  record Output(Map<String, byte[]> classes, String errors, List<Problem> problems, long millis) {
    Output(Map<String, byte[]> classes, String errors, long millis) {
      this(classes, errors, List.of(), millis);
    }

    boolean succeeded() {
      return errors == null;
    }
  }

  /**
   * One error of javac.
   *
   * @param position where it is, as an offset into the compiled text, or {@link
   *     Diagnostic#NOPOS}
   * @param code javac's key for the kind of error ({@code compiler.err.cant.resolve.location})
   * @param message the message, possibly of several lines
   * @param text the error as javac prints it: file and line, message, source line and caret
   */
  record Problem(long position, String code, String message, String text) {}

  private final JavaCompiler javac;
  private final Charset encoding;
  private final List<File> classPath;
  /** The build's annotation processor path; empty: no processor runs. */
  private final List<File> processorPath;
  /**
   * The processors {@link #processorPath} declares, named to javac so that hotrestart's own
   * (which would write a second proxy) is left out; empty: {@code -proc:none}.
   */
  private final List<String> processors;
  /** The entries of the class path that existed at some time: those a compile needs. */
  private final Set<File> needed = new LinkedHashSet<>();

  private StandardJavaFileManager standard;
  /** The state of the class path on disk when {@link #standard} was built. */
  private List<String> builtFor;
  private boolean stale;
  /**
   * The processors' classes, loaded once: javac would load them again for every compile (about
   * 1.7 s for Lombok each time). Null until a compile runs a processor.
   */
  private URLClassLoader processorLoader;

  private InMemoryCompiler(
      JavaCompiler javac, Charset encoding, List<String> classPath, List<String> processorPath)
      throws IOException {
    this.javac = javac;
    this.encoding = encoding;
    this.classPath = files(classPath);
    this.processorPath = files(processorPath);
    this.processors = processors(this.processorPath);
    this.standard = fileManager();
  }

  private static List<File> files(List<String> entries) {
    List<File> files = new ArrayList<>();
    for (String entry : entries) {
      files.add(new File(entry));
    }
    return List.copyOf(files);
  }

  /** The processors named in the service files of {@code path}, but hotrestart's own. */
  static List<String> processors(List<File> path) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    for (File entry : path) {
      String text = null;
      if (entry.isDirectory()) {
        Path file = entry.toPath().resolve(PROCESSOR_SERVICE);
        if (Files.isRegularFile(file)) {
          text = Files.readString(file);
        }
      } else if (entry.isFile()) {
        try (JarFile jar = new JarFile(entry)) {
          JarEntry service = jar.getJarEntry(PROCESSOR_SERVICE);
          if (service != null) {
            try (InputStream in = jar.getInputStream(service)) {
              text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
          }
        }
      }
      if (text == null) {
        continue;
      }
      for (String line : text.split("\\R")) {
        String name = line.replaceFirst("#.*", "").trim();
        // hotrestart's processor would write a proxy the running program already has
        if (!name.isEmpty() && !name.startsWith(OWN_PROCESSOR_PACKAGE)) {
          names.add(name);
        }
      }
    }
    return List.copyOf(names);
  }

  private static final String PROCESSOR_SERVICE =
      "META-INF/services/javax.annotation.processing.Processor";
  private static final String OWN_PROCESSOR_PACKAGE = "dev.hotrestart.";

  private StandardJavaFileManager fileManager() throws IOException {
    builtFor = state();
    stale = false;
    StandardJavaFileManager manager = javac.getStandardFileManager(null, Locale.ROOT, encoding);
    manager.setLocation(StandardLocation.CLASS_PATH, classPath);
    manager.setLocation(StandardLocation.ANNOTATION_PROCESSOR_PATH, processorPath);
    // An empty source path: javac must not pick up and recompile other sources of the project.
    manager.setLocation(StandardLocation.SOURCE_PATH, Collections.emptyList());
    return manager;
  }

  /**
   * How each class path entry is on disk: a directory, a file with its time and size, or
   * missing. Entries that exist are remembered as {@link #needed}.
   */
  private List<String> state() {
    List<String> state = new ArrayList<>(classPath.size());
    for (File entry : classPath) {
      if (entry.isDirectory()) {
        state.add("d");
      } else if (entry.isFile()) {
        state.add("f" + entry.lastModified() + "/" + entry.length());
      } else {
        state.add("-");
        continue;
      }
      needed.add(entry);
    }
    return state;
  }

  /**
   * The class path entries that existed earlier in this JVM and are gone now, such as a {@code
   * target/classes} deleted by {@code mvn clean}: compiling without them would blame the source
   * for every class they hold. Entries that never existed are left out: javac skips them, as the
   * build did.
   *
   * @param loadedFrom where a running class was loaded from: needed even if this compiler never
   *     saw it (it is created at the first compile, which may come after the deletion)
   * @return the missing entries, in class path order; empty when all are there
   */
  synchronized List<Path> missingEntries(Optional<Path> loadedFrom) {
    state();
    loadedFrom.map(Path::toFile).filter(classPath::contains).ifPresent(needed::add);
    List<Path> missing = new ArrayList<>();
    for (File entry : needed) {
      if (!entry.exists()) {
        missing.add(entry.toPath());
      }
    }
    return missing;
  }

  /**
   * The compiler of this JVM, or a reason why there is none.
   *
   * @param encoding the encoding of the project's sources
   * @param classPath what the compiled code may refer to
   * @param processorPath the build's annotation processor path; its processors run in every
   *     compile, but hotrestart's own
   * @param whyNot receives the reason when there is no compiler
   */
  static Optional<InMemoryCompiler> create(
      Charset encoding, List<String> classPath, List<String> processorPath, StringBuilder whyNot) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      whyNot.append(
          "hotrestart: this JVM has no Java compiler (it is a JRE, or runs without the"
              + " jdk.compiler module); run the program on a JDK to reload code");
      return Optional.empty();
    }
    try {
      return Optional.of(new InMemoryCompiler(javac, encoding, classPath, processorPath));
    } catch (IOException | RuntimeException e) {
      whyNot.append("hotrestart: could not set up the Java compiler: ").append(e);
      return Optional.empty();
    }
  }

  /**
   * Compiles a file as it is on disk; diagnostics name the file and its lines. The file is decoded
   * here, strictly: javac would only warn about bytes that are not valid in the encoding and
   * compile replacement characters into the code.
   */
  synchronized Output compile(Path file, int release) {
    return compile(file, release, UnaryOperator.identity());
  }

  /**
   * Like {@link #compile(Path, int)}, compiling {@code transform} of the decoded text instead;
   * the transform must keep every line where it is, so diagnostics stay true to the file.
   */
  synchronized Output compile(Path file, int release, UnaryOperator<String> transform) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return new Output(Map.of(), "hotrestart: cannot read " + file + ": " + e, 0);
    }
    CharsetDecoder decoder =
        encoding
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate((int) (bytes.length * (double) decoder.maxCharsPerByte()) + 16);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      return new Output(
          Map.of(),
          String.format(
              "%s:%d: error: byte 0x%02X is not valid %s%n"
                  + "Save the file as %s, or tell hotrestart its encoding with"
                  + " -Dhotrestart.encoding=NAME (mvn hotrestart:run passes"
                  + " project.build.sourceEncoding)",
              file,
              line,
              bytes[in.position()] & 0xff,
              encoding.name(),
              encoding.name()),
          0);
    }
    out.flip();
    return compile(file, transform.apply(out.toString()), release);
  }

  /**
   * Like {@link #compile(Path, int, UnaryOperator)}, with {@code roots} as javac's source path:
   * a type whose source there is newer than its class file is read from the source (and not
   * compiled to a class file), so the code may use what another saved file adds. Not the
   * default: a processor such as Lombok does not run on sources read that way.
   */
  synchronized Output compileSeeing(
      Path file, int release, UnaryOperator<String> transform, List<Path> roots) {
    try {
      standard.setLocationFromPaths(StandardLocation.SOURCE_PATH, roots);
    } catch (IOException e) {
      return new Output(Map.of(), "hotrestart: cannot read the source roots " + roots + ": " + e, 0);
    }
    try {
      return compile(file, release, transform);
    } finally {
      try {
        standard.setLocation(StandardLocation.SOURCE_PATH, null);
      } catch (IOException e) {
        stale = true; // the next compile builds a file manager without it
      }
    }
  }

  /**
   * Compiles {@code content} as if it were the file {@code file}: used for debugger expressions,
   * which are compiled inside a copy of the file's source.
   */
  synchronized Output compile(Path file, String content, int release) {
    JavaFileObject unit =
        new SimpleJavaFileObject(file.toUri(), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return content;
          }
        };
    return run(List.of(unit), release);
  }

  private Output run(Iterable<? extends JavaFileObject> units, int release) {
    long start = System.nanoTime();
    List<String> before = state();
    if (stale || !before.equals(builtFor)) {
      try {
        standard.close();
        standard = fileManager();
      } catch (IOException e) {
        return new Output(
            Map.of(), "hotrestart: could not set up the Java compiler again: " + e, 0);
      }
    }
    try {
      return runJavac(units, release, start);
    } finally {
      // An entry that came or went while javac ran may be remembered wrongly by its file manager.
      if (!state().equals(builtFor)) {
        stale = true;
      }
    }
  }

  private Output runJavac(Iterable<? extends JavaFileObject> units, int release, long start) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    MemoryOutput output = new MemoryOutput(standard, processors.isEmpty() ? null : processorLoader());
    List<String> options =
        new ArrayList<>(
            List.of(
                "-g",
                "-parameters",
                "-implicit:none",
                "-nowarn",
                "-Xlint:none",
                "-encoding",
                encoding.name(),
                "--release",
                Integer.toString(release)));
    if (processors.isEmpty()) {
      options.add("-proc:none");
    } else {
      options.add("-processor");
      options.add(String.join(",", processors));
    }
    boolean ok;
    try {
      ok = javac.getTask(null, output, diagnostics, options, null, units).call();
    } catch (RuntimeException e) {
      return new Output(Map.of(), "hotrestart: javac failed: " + e, millisSince(start));
    }
    if (!ok) {
      List<Problem> problems = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          problems.add(
              new Problem(d.getPosition(), d.getCode(), d.getMessage(Locale.ROOT), format(d)));
        }
      }
      return new Output(
          Map.of(), format(diagnostics.getDiagnostics()), problems, millisSince(start));
    }
    return new Output(output.classes(), null, millisSince(start));
  }

  /**
   * The loader of the processor path, made once; its parent is javac's own loader, as the one
   * javac makes has.
   */
  private URLClassLoader processorLoader() {
    if (processorLoader == null) {
      URL[] urls = new URL[processorPath.size()];
      for (int i = 0; i < urls.length; i++) {
        try {
          urls[i] = processorPath.get(i).toURI().toURL();
        } catch (MalformedURLException e) {
          throw new IllegalStateException("not a file path: " + processorPath.get(i), e);
        }
      }
      processorLoader = new URLClassLoader(urls, standard.getClass().getClassLoader());
    }
    return processorLoader;
  }

  /** Warms javac up: the first compile in a JVM loads and JITs the compiler itself. */
  void warmUp(int release) {
    Path fake = Path.of("HotRestartWarmUp.java").toAbsolutePath();
    compile(
        fake,
        "class HotRestartWarmUp { int f(java.util.List<String> l) {"
            + " return l.stream().mapToInt(String::length).sum(); } }",
        release);
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** Errors as javac prints them: file:line: error: message, the source line and a caret. */
  static String format(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    StringBuilder text = new StringBuilder();
    int errors = 0;
    for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      errors++;
      text.append(format(d));
    }
    text.append(errors).append(errors == 1 ? " error" : " errors");
    return text.toString();
  }

  /** One error as javac prints it, ending with a newline. */
  private static String format(Diagnostic<? extends JavaFileObject> d) {
    StringBuilder text = new StringBuilder();
    JavaFileObject source = d.getSource();
    String where = source == null ? "" : Path.of(source.toUri()).toString();
    if (d.getLineNumber() != Diagnostic.NOPOS) {
      where += ":" + d.getLineNumber();
    }
    text.append(where.isEmpty() ? "" : where + ": ")
        .append("error: ")
        .append(d.getMessage(Locale.ROOT))
        .append('\n');
    sourceLine(d).ifPresent(text::append);
    return text.toString();
  }

  private static Optional<String> sourceLine(Diagnostic<? extends JavaFileObject> d) {
    if (d.getSource() == null || d.getLineNumber() == Diagnostic.NOPOS) {
      return Optional.empty();
    }
    try {
      String content = d.getSource().getCharContent(true).toString();
      String[] lines = content.split("\r\n|\r|\n", -1);
      int index = (int) d.getLineNumber() - 1;
      if (index < 0 || index >= lines.length) {
        return Optional.empty();
      }
      String line = lines[index];
      StringBuilder caret = new StringBuilder();
      long column = d.getColumnNumber();
      for (int i = 1; i < column && i <= line.length(); i++) {
        caret.append(line.charAt(i - 1) == '\t' ? '\t' : ' ');
      }
      return Optional.of("    " + line + "\n    " + caret + "^\n");
    } catch (IOException e) {
      // the diagnostic itself is still shown, without its source line
      System.getLogger(InMemoryCompiler.class.getName())
          .log(System.Logger.Level.DEBUG, "cannot read the source line of a diagnostic", e);
      return Optional.empty();
    }
  }

  /** Keeps class files in memory, by binary name. */
  private static final class MemoryOutput extends ForwardingJavaFileManager<JavaFileManager> {
    private final Map<String, ByteArrayOutputStream> classes = new LinkedHashMap<>();

    /** The processors' loader for javac, or null to let the delegate make one. */
    private final ClassLoader processors;

    MemoryOutput(JavaFileManager delegate, ClassLoader processors) {
      super(delegate);
      this.processors = processors;
    }

    @Override
    public ClassLoader getClassLoader(Location location) {
      if (processors != null && location == StandardLocation.ANNOTATION_PROCESSOR_PATH) {
        // javac closes a Closeable processor loader after the compile; this one it cannot close
        return new ClassLoader(processors) {};
      }
      return super.getClassLoader(location);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
      URI uri = URI.create("mem:///" + className.replace('.', '/') + kind.extension);
      if (kind != JavaFileObject.Kind.CLASS) {
        // a processor's generated source: javac reads it back and compiles it in this round
        return new SimpleJavaFileObject(uri, kind) {
          private final ByteArrayOutputStream text = new ByteArrayOutputStream();

          @Override
          public OutputStream openOutputStream() {
            text.reset();
            return text;
          }

          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text.toString(StandardCharsets.UTF_8);
          }
        };
      }
      return new SimpleJavaFileObject(uri, kind) {
        @Override
        public OutputStream openOutputStream() {
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          classes.put(className, bytes);
          return bytes;
        }
      };
    }

    Map<String, byte[]> classes() {
      Map<String, byte[]> result = new LinkedHashMap<>();
      classes.forEach((name, bytes) -> result.put(name, bytes.toByteArray()));
      return result;
    }
  }
}
