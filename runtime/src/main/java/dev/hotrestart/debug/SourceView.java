package dev.hotrestart.debug;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.hotrestart.config.Settings;
import dev.hotrestart.source.SourceLocator;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The lines of one source file, as the debugger lists them: real line numbers, the current line
 * marked. Read afresh for each listing, since the user edits the file while the prompt is open.
 */
final class SourceView {

  /** The marker of the current line. */
  static final String CURRENT = "->";

  private final Path file;
  private final List<String> lines;

  private SourceView(Path file, List<String> lines) {
    this.file = file;
    this.lines = List.copyOf(lines);
  }

  /**
   * Reads a file in the sources' encoding ({@link Settings#sourceEncoding()}, as reloads compile
   * it), or as Latin-1 when it is not valid in that encoding (a listing beats an error).
   *
   * @param file the file
   * @return its view
   * @throws IOException if it cannot be read
   */
  static SourceView read(Path file) throws IOException {
    return new SourceView(file, lines(Files.readAllBytes(file)));
  }

  /**
   * A text that stands for a file, such as the text its running code was compiled from.
   *
   * @param file the file it is a version of
   * @param text the text
   * @return its view
   */
  static SourceView of(Path file, String text) {
    return new SourceView(file, text.lines().toList());
  }

  /**
   * A file's bytes as {@link #read} decodes them, in the form of {@link #text()}: for the
   * snapshots of {@code diff}, which must match a file now read with {@link #read} unless the
   * file changed.
   *
   * @param bytes the file's contents
   * @return the text, lines ended by newlines
   */
  static String decode(byte[] bytes) {
    return joined(lines(bytes));
  }

  private static List<String> lines(byte[] bytes) {
    String text;
    try {
      text =
          Settings.sourceEncoding()
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      text = new String(bytes, StandardCharsets.ISO_8859_1);
    }
    return text.lines().toList(); // the line ends of BufferedReader: \n, \r and \r\n
  }

  private static String joined(List<String> lines) {
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }

  /** The file. */
  Path file() {
    return file;
  }

  /** The whole text, lines ended by newlines. */
  String text() {
    return joined(lines);
  }

  /** How many lines it has. */
  int lineCount() {
    return lines.size();
  }

  /**
   * Lines {@code first} to {@code last} (1-based, inclusive, clamped to the file), one per output
   * line: number, marker, text.
   *
   * @param first the first line
   * @param last the last line
   * @param current the line to mark, or -1
   * @return the listing, each line ending with a newline; empty if the range is past the end
   */
  String render(int first, int last, int current) {
    return render(first, last, current, Style.PLAIN);
  }

  /**
   * Lines {@code first} to {@code last} like {@link #render(int, int, int)}, the current line in
   * {@code style}.
   *
   * @param first the first line
   * @param last the last line
   * @param current the line to mark, or -1
   * @param style the colours
   * @return the listing
   */
  String render(int first, int last, int current, Style style) {
    int from = Math.max(1, first);
    int to = Math.min(lines.size(), last);
    int width = Math.max(3, String.valueOf(to).length());
    StringBuilder listing = new StringBuilder();
    for (int n = from; n <= to; n++) {
      String number = String.format(Locale.ROOT, "%" + width + "d ", n);
      if (n == current) {
        listing
            .append(style.marker(number + CURRENT))
            .append(' ')
            .append(style.current(lines.get(n - 1)));
      } else {
        listing.append(number).append("   ").append(lines.get(n - 1));
      }
      listing.append('\n');
    }
    return listing.toString();
  }

  /**
   * A line range, 1-based and inclusive.
   *
   * @param first the first line
   * @param last the last line
   */
  record Range(int first, int last) {}

  /**
   * The lines of the method named {@code methodName} that encloses {@code line}: from its
   * annotations and modifiers to its closing brace. Found by parsing the file with javac's tree
   * API, so that braces in strings or comments cannot mislead it. With nested matches (a local
   * class's method of the same name) the innermost wins.
   *
   * @param methodName the method's name as a frame gives it ({@code lambda$parse$0} counts as
   *     {@code parse}; {@code <init>} is a constructor)
   * @param line a line inside the method
   * @return the range, if the file parses far enough and such a method encloses the line
   */
  Optional<Range> methodRange(String methodName, int line) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      return Optional.empty(); // a JRE without jdk.compiler: the caller falls back to a window
    }
    String name = sourceName(methodName);
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(null, Locale.ROOT, Settings.sourceEncoding())) {
      JavacTask task =
          (JavacTask)
              compiler.getTask(
                  Writer.nullWriter(),
                  files,
                  SourceView::ignore,
                  List.of("-proc:none"),
                  null,
                  List.of(
                      new SimpleJavaFileObject(file.toUri(), JavaFileObject.Kind.SOURCE) {
                        @Override
                        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                          return text(); // this view's text, which may not be the file's now
                        }
                      }));
      SourcePositions positions = Trees.instance(task).getSourcePositions();
      List<Range> matches = new ArrayList<>();
      for (CompilationUnitTree unit : task.parse()) {
        LineMap lineMap = unit.getLineMap();
        new TreeScanner<Void, Void>() {
          @Override
          public Void visitMethod(MethodTree method, Void unused) {
            if (method.getName().contentEquals(name)) {
              long start = positions.getStartPosition(unit, method);
              long end = positions.getEndPosition(unit, method);
              if (start >= 0 && end >= 0) {
                Range range =
                    new Range(
                        (int) lineMap.getLineNumber(start), (int) lineMap.getLineNumber(end));
                if (range.first() <= line && line <= range.last()) {
                  matches.add(range);
                }
              }
            }
            return super.visitMethod(method, unused);
          }
        }.scan(unit, null);
      }
      return matches.stream().min((a, b) -> (a.last() - a.first()) - (b.last() - b.first()));
    } catch (IOException | RuntimeException e) {
      // A file that cannot be parsed at all still lists by window; not worth an error.
      System.getLogger(SourceView.class.getName())
          .log(System.Logger.Level.DEBUG, "cannot parse " + file, e);
      return Optional.empty();
    }
  }

  private static void ignore(Diagnostic<? extends JavaFileObject> diagnostic) {
    // Syntax errors of a half-edited file do not matter: the tree is good enough for positions.
  }

  private static String sourceName(String frameMethodName) {
    if (frameMethodName.startsWith("lambda$")) {
      String rest = frameMethodName.substring("lambda$".length());
      int end = rest.indexOf('$');
      return end > 0 ? rest.substring(0, end) : rest;
    }
    return frameMethodName;
  }

  /**
   * Where a frame's source is, or why it is not there.
   *
   * @param view the file, if found
   * @param searched the paths looked at, for the message when it was not
   * @param fileName the file as searched for, relative to a root
   */
  record Located(Optional<SourceView> view, List<Path> searched, String fileName) {

    /** Why there is no listing, and how to get one. */
    String missing() {
      if (searched.isEmpty()) {
        return "no source for "
            + fileName
            + ": no source roots are configured; pass -Dhotrestart.sourceRoots=DIR"
            + java.io.File.pathSeparator
            + "DIR... (the folders that hold the package directories, such as src/main/java)";
      }
      return "no source for "
          + fileName
          + "; searched "
          + searched.stream().map(Path::toString).collect(Collectors.joining(", "))
          + ". Pass -Dhotrestart.sourceRoots=DIR"
          + java.io.File.pathSeparator
          + "DIR... to the folders that hold the package directories";
    }
  }

  /**
   * Finds the source of a frame: the file the frame names, in the package of its class.
   *
   * @param locator the source roots
   * @param frame the frame
   * @return the file or the paths searched
   */
  static Located locate(SourceLocator locator, StackTraceElement frame) {
    String className = Frames.displayClassName(frame.getClassName());
    String packageName = Frames.packageOf(className);
    String fileName = frame.getFileName();
    if (fileName == null) {
      // No SourceFile attribute: guess the top-level class's file, as javac would name it.
      String simple = className.substring(className.lastIndexOf('.') + 1);
      int nested = simple.indexOf('$');
      fileName = (nested > 0 ? simple.substring(0, nested) : simple) + ".java";
    }
    String relative =
        packageName.isEmpty() ? fileName : packageName.replace('.', '/') + "/" + fileName;
    List<Path> searched = locator.candidates(packageName, fileName);
    Optional<Path> found = locator.find(packageName, fileName);
    Optional<SourceView> view = Optional.empty();
    if (found.isPresent()) {
      try {
        view = Optional.of(read(found.get()));
      } catch (IOException e) {
        // shown to the user as "no source", with the paths searched
        System.getLogger(SourceView.class.getName())
            .log(System.Logger.Level.DEBUG, "cannot read " + found.get(), e);
        view = Optional.empty();
      }
    }
    return new Located(view, searched, relative);
  }
}
