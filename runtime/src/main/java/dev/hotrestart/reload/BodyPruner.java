package dev.hotrestart.reload;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import dev.hotrestart.source.SourceTrees;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;

/**
 * Blanks the bodies of methods that a reload cannot use, so javac has less to attribute and
 * generate: most of a reload's time is javac, and a large file's time is in its method bodies.
 *
 * <p>A reload moves the wrapped methods being reloaded, the private methods of their class (one
 * of them may be reached) and the lambdas and anonymous classes inside those; everything else
 * the new code calls runs from the running program. So the bodies of every other method, in this
 * class and in the other classes of the file, become {@code throw null;}. Newlines are kept, so
 * every line keeps its number; constructors and initialisers are kept, since javac checks how they
 * initialise fields. If the file does not parse, nothing is pruned and javac reports the errors.
 */
final class BodyPruner {

  private BodyPruner() {}

  /**
   * The source with the bodies that cannot matter blanked, or empty when it does not parse or
   * does not declare {@code target}.
   *
   * @param source the text of the file
   * @param fileName the file's name
   * @param target the class being reloaded
   * @param keep the names of its methods being reloaded
   */
  static Optional<String> prune(String source, String fileName, Class<?> target, Set<String> keep) {
    JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      return Optional.empty();
    }
    JavaFileObject unit =
        new SimpleJavaFileObject(URI.create("string:///" + fileName), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavacTask task =
        (JavacTask) javac.getTask(null, null, diagnostics, List.of("-proc:none"), null, List.of(unit));
    CompilationUnitTree tree;
    try {
      tree = task.parse().iterator().next();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        return Optional.empty();
      }
    }
    Optional<ClassTree> targetTree = SourceTrees.findClass(tree, target);
    if (targetTree.isEmpty()) {
      return Optional.empty();
    }
    SourcePositions positions = Trees.instance(task).getSourcePositions();
    List<long[]> blanks = new ArrayList<>();
    for (Tree type : tree.getTypeDecls()) {
      if (type instanceof ClassTree) {
        collect((ClassTree) type, targetTree.get(), keep, tree, positions, blanks);
      }
    }
    blanks.sort((a, b) -> Long.compare(a[0], b[0]));
    StringBuilder pruned = new StringBuilder(source);
    // From the end, so earlier offsets stay valid.
    for (int i = blanks.size() - 1; i >= 0; i--) {
      int start = (int) blanks.get(i)[0];
      int end = (int) blanks.get(i)[1];
      StringBuilder body = new StringBuilder(" throw null; ");
      for (int c = start; c < end; c++) {
        if (source.charAt(c) == '\n') {
          body.append('\n');
        }
      }
      pruned.replace(start, end, body.toString());
    }
    return Optional.of(pruned.toString());
  }

  private static void collect(
      ClassTree type,
      ClassTree target,
      Set<String> keep,
      CompilationUnitTree unit,
      SourcePositions positions,
      List<long[]> blanks) {
    for (Tree member : type.getMembers()) {
      if (member instanceof ClassTree) {
        collect((ClassTree) member, target, keep, unit, positions, blanks);
      } else if (member instanceof MethodTree) {
        MethodTree method = (MethodTree) member;
        BlockTree body = method.getBody();
        if (body == null || keeps(type == target, method, keep)) {
          continue;
        }
        long start = positions.getStartPosition(unit, body);
        long end = positions.getEndPosition(unit, body);
        if (start >= 0 && end > start + 1) {
          blanks.add(new long[] {start + 1, end - 1}); // inside the braces
        }
      }
    }
  }

  private static boolean keeps(boolean inTarget, MethodTree method, Set<String> keep) {
    if (method.getName().contentEquals("<init>")) {
      return true;
    }
    return inTarget
        && (keep.contains(method.getName().toString())
            || method.getModifiers().getFlags().contains(Modifier.PRIVATE));
  }
}
