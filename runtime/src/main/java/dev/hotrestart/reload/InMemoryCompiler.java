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
import javax.tools.ForwardingJavaFileObject;
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
   * one. {@code added} holds the classes of source files new to the program that the compile
   * read besides the file (a second {@code @Mapper} the file uses, with the {@code
   * ItemMapperImpl} a processor wrote from it): the program has none of them, and nothing else
   * compiles them. They are not in {@code classes}, which holds the file's own classes and what
   * processors generated from it.
   */
  record Output(
      Map<String, byte[]> classes,
      String errors,
      List<Problem> problems,
      long millis,
      Map<String, byte[]> added) {
    Output(Map<String, byte[]> classes, String errors, long millis) {
      this(classes, errors, List.of(), millis, Map.of());
    }

    Output(Map<String, byte[]> classes, String errors, List<Problem> problems, long millis) {
      this(classes, errors, problems, millis, Map.of());
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
    String[] text = new String[1];
    Output failed = decode(file, text);
    return failed != null ? failed : compile(file, transform.apply(text[0]), release);
  }

  /**
   * Reads {@code file} strictly in the encoding into {@code text[0]}; an {@link Output} that
   * says what is wrong when it cannot.
   */
  private Output decode(Path file, String[] text) {
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
    text[0] = out.toString();
    return null;
  }

  /**
   * Like {@link #compile(Path, int, UnaryOperator)}, with {@code roots} as javac's source path:
   * a type whose source there is newer than its class file, or that has no class file, is read
   * from the source, so the code may use what another saved file adds.
   *
   * <p>javac does not run annotation processors on the sources it reads that way ("implicitly
   * compiled files were not subject to annotation processing"), so a Lombok class read there
   * lacks its getters, and a new {@code @Mapper} its implementation. When processors run and
   * the compile needs what they would write (it failed, or it read a source file new to the
   * program), it is done again with those sources as files of the compile, which processors do
   * see; {@link #attribute} keeps only the classes this file and new files give.
   */
  synchronized Output compileSeeing(
      Path file, int release, UnaryOperator<String> transform, List<Path> roots) {
    String[] text = new String[1];
    Output unreadable = decode(file, text);
    if (unreadable != null) {
      return unreadable;
    }
    JavaFileObject unit = unit(file, transform.apply(text[0]));
    try {
      standard.setLocationFromPaths(StandardLocation.SOURCE_PATH, roots);
    } catch (IOException e) {
      return new Output(Map.of(), "hotrestart: cannot read the source roots " + roots + ": " + e, 0);
    }
    try {
      Compile first = run(List.of(unit), release);
      Set<JavaFileObject> read = new LinkedHashSet<>(first.readFromSourcePath());
      boolean anyNew = read.stream().anyMatch(this::isNew);
      if (read.isEmpty()
          || (first.output().succeeded() && !anyNew)
          || (processors.isEmpty() && !anyNew)) {
        return first.output();
      }
      // Each pass may read further sources (a file compiled now uses another): a few passes
      // reach them all in any real edit; the last failure is the one to show.
      Compile again = first;
      long millis = first.output().millis();
      for (int pass = 0; pass < MAX_PASSES; pass++) {
        List<JavaFileObject> units = new ArrayList<>();
        units.add(unit);
        units.addAll(read);
        again = run(units, release);
        millis += again.output().millis();
        if (again.output().succeeded()) {
          return attribute(again, unit, read, first.generated(), millis);
        }
        if (!read.addAll(again.readFromSourcePath())) {
          break;
        }
      }
      return first.output().succeeded() ? first.output() : again.output();
    } finally {
      try {
        standard.setLocation(StandardLocation.SOURCE_PATH, null);
      } catch (IOException e) {
        stale = true; // the next compile builds a file manager without it
      }
    }
  }

  private static final int MAX_PASSES = 3;

  /** Whether the class path has no class file for the type {@code source} declares. */
  private boolean isNew(JavaFileObject source) {
    return !hasClassFile(standard.inferBinaryName(StandardLocation.SOURCE_PATH, source));
  }

  private boolean hasClassFile(String binaryName) {
    try {
      return binaryName != null
          && standard.getJavaFileForInput(
                  StandardLocation.CLASS_PATH, binaryName, JavaFileObject.Kind.CLASS)
              != null;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The classes of a compile of {@code unit} with {@code others} also given to javac, by the
   * file each came from: {@code unit}'s, and what processors generated from it, as the file's
   * classes; those of a file new to the program, and what was generated from it, as {@link
   * Output#added}; those of the program's other files are left out: each is compiled from its own
   * file when it changed, and runs as it is when it did not. A generated source whose origin
   * javac does not say (JDK 17, or a processor that names no originating element) counts as the
   * file's when the compile without the others generated it too. {@code millis}: javac's time
   * in every pass.
   */
  private Output attribute(
      Compile compile,
      JavaFileObject unit,
      Set<JavaFileObject> others,
      Set<URI> generatedAlone,
      long millis) {
    Set<URI> newFiles = new LinkedHashSet<>();
    Set<URI> otherFiles = new LinkedHashSet<>();
    for (JavaFileObject other : others) {
      otherFiles.add(other.toUri());
      if (isNew(other)) {
        newFiles.add(other.toUri());
      }
    }
    Map<String, byte[]> classes = new LinkedHashMap<>();
    Map<String, byte[]> added = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> entry : compile.output().classes().entrySet()) {
      // Up from a class to the source file it was compiled from, through the sources
      // processors wrote, to a file of the compile; null when javac does not say.
      URI from = compile.siblings().get(entry.getKey());
      URI generated = null;
      for (int depth = 0; depth < 16 && compile.generated().contains(from); depth++) {
        generated = generated == null ? from : generated;
        from = compile.origins().get(from);
      }
      if (from != null && from.equals(unit.toUri())) {
        classes.put(entry.getKey(), entry.getValue());
      } else if (from != null && newFiles.contains(from)) {
        added.put(entry.getKey(), entry.getValue());
      } else if (from != null && otherFiles.contains(from)) {
        continue; // compiled from its own file, if it changed
      } else if (generated != null && generatedAlone.contains(generated)) {
        classes.put(entry.getKey(), entry.getValue());
      } else if (generated != null && !newFiles.isEmpty() && !hasClassFile(entry.getKey())) {
        added.put(entry.getKey(), entry.getValue());
      }
    }
    return new Output(classes, null, List.of(), millis, added);
  }

  /**
   * Compiles {@code content} as if it were the file {@code file}: used for debugger expressions,
   * which are compiled inside a copy of the file's source.
   */
  synchronized Output compile(Path file, String content, int release) {
    return run(List.of(unit(file, content)), release).output();
  }

  private static JavaFileObject unit(Path file, String content) {
    return new SimpleJavaFileObject(file.toUri(), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return content;
      }
    };
  }

  /**
   * One run of javac.
   *
   * @param output its outcome
   * @param readFromSourcePath the source files javac read from the source path, as the standard
   *     file manager gives them
   * @param siblings for each class written, the source file it was compiled from
   * @param origins for each source a processor wrote, the file of the element it was generated
   *     from, when javac says (JDK 18 and later)
   * @param generated every source a processor wrote
   */
  private record Compile(
      Output output,
      Set<JavaFileObject> readFromSourcePath,
      Map<String, URI> siblings,
      Map<URI, URI> origins,
      Set<URI> generated) {}

  private Compile run(Iterable<? extends JavaFileObject> units, int release) {
    long start = System.nanoTime();
    List<String> before = state();
    if (stale || !before.equals(builtFor)) {
      try {
        standard.close();
        standard = fileManager();
      } catch (IOException e) {
        return new Compile(
            new Output(Map.of(), "hotrestart: could not set up the Java compiler again: " + e, 0),
            Set.of(),
            Map.of(),
            Map.of(),
            Set.of());
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

  private Compile runJavac(Iterable<? extends JavaFileObject> units, int release, long start) {
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
      return output.result(
          new Output(Map.of(), "hotrestart: javac failed: " + e, millisSince(start)));
    }
    if (!ok) {
      List<Problem> problems = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          problems.add(
              new Problem(d.getPosition(), d.getCode(), d.getMessage(Locale.ROOT), format(d)));
        }
      }
      return output.result(
          new Output(
              Map.of(), format(diagnostics.getDiagnostics()), problems, millisSince(start)));
    }
    return output.result(new Output(output.classes(), null, millisSince(start)));
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

  /**
   * Keeps class files in memory, by binary name, and notes where each output came from and which
   * sources javac read from the source path.
   */
  private static final class MemoryOutput extends ForwardingJavaFileManager<JavaFileManager> {
    private final Map<String, ByteArrayOutputStream> classes = new LinkedHashMap<>();
    private final Map<String, URI> siblings = new LinkedHashMap<>();
    private final Map<URI, URI> origins = new LinkedHashMap<>();
    private final Set<URI> generated = new LinkedHashSet<>();
    private final Set<JavaFileObject> readFromSourcePath = new LinkedHashSet<>();

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

    /**
     * The source path's sources, each wrapped to note when javac reads it: only the ones a type
     * was taken from are read, and those are the ones processors did not see.
     */
    @Override
    public Iterable<JavaFileObject> list(
        Location location, String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse)
        throws IOException {
      Iterable<JavaFileObject> listed = super.list(location, packageName, kinds, recurse);
      if (location != StandardLocation.SOURCE_PATH) {
        return listed;
      }
      List<JavaFileObject> noted = new ArrayList<>();
      for (JavaFileObject file : listed) {
        noted.add(
            file.getKind() == JavaFileObject.Kind.SOURCE
                ? new ReadNoted(file, readFromSourcePath)
                : file);
      }
      return noted;
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
      return super.inferBinaryName(location, ReadNoted.unwrap(file));
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
      return super.isSameFile(ReadNoted.unwrap(a), ReadNoted.unwrap(b));
    }

    @Override
    public boolean contains(Location location, FileObject file) throws IOException {
      return super.contains(location, ReadNoted.unwrap(file));
    }

    /** A source of the source path that notes, when javac reads it, that it was read. */
    private static final class ReadNoted extends ForwardingJavaFileObject<JavaFileObject> {
      private final Set<JavaFileObject> read;

      ReadNoted(JavaFileObject file, Set<JavaFileObject> read) {
        super(file);
        this.read = read;
      }

      static FileObject unwrap(FileObject file) {
        return file instanceof ReadNoted ? ((ReadNoted) file).fileObject : file;
      }

      static JavaFileObject unwrap(JavaFileObject file) {
        return file instanceof ReadNoted ? ((ReadNoted) file).fileObject : file;
      }

      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) throws IOException {
        read.add(fileObject);
        return super.getCharContent(ignoreEncodingErrors);
      }
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
      URI uri = URI.create("mem:///" + className.replace('.', '/') + kind.extension);
      if (kind == JavaFileObject.Kind.CLASS) {
        if (sibling != null) {
          siblings.put(className, ReadNoted.unwrap(sibling).toUri());
        }
      } else {
        generated.add(uri);
        if (sibling != null) {
          // JDK 18 and later: the file of the first originating element the processor named
          origins.put(uri, ReadNoted.unwrap(sibling).toUri());
        }
      }
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

    Compile result(Output output) {
      return new Compile(
          output,
          new LinkedHashSet<>(readFromSourcePath),
          new LinkedHashMap<>(siblings),
          new LinkedHashMap<>(origins),
          new LinkedHashSet<>(generated));
    }
  }
}
