package dev.hotrestart.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Finds {@code @HotRestartable} on local and anonymous classes and on their methods.
 *
 * <p>javac does not show annotation processors the declarations inside method bodies, so these
 * annotations would otherwise be ignored without a word. This scans the source trees instead
 * (syntax only: a name {@code HotRestartable} imported from {@code dev.hotrestart}, or the
 * qualified name) and reports an error on the annotation.
 *
 * <p>Limits: javac runs the processor only for a compile in which some hotrestart annotation is
 * visible to processors (on a class, method or package), so a compile whose only {@code
 * @HotRestartable} is on a local class is not scanned. The scan needs javac's {@link Trees};
 * under a build tool that wraps the processing environment (Gradle's incremental processing) it
 * is off.
 */
final class LocalClassScanner {

  private static final String PACKAGE = "dev.hotrestart";
  private static final String SIMPLE_NAME = "HotRestartable";

  private final Trees trees;
  private final ErrorReporter reporter;
  private final Set<CompilationUnitTree> scanned =
      Collections.newSetFromMap(new IdentityHashMap<>());

  /** @param trees javac's trees; empty (scanning off) outside javac */
  LocalClassScanner(Optional<Trees> trees, ErrorReporter reporter) {
    this.trees = trees.orElse(null);
    this.reporter = reporter;
  }

  /** Scans the compilation units of {@code rootElements} not scanned before. */
  void scan(Set<? extends Element> rootElements) {
    if (trees == null) {
      return;
    }
    for (TypeElement root : ElementFilter.typesIn(rootElements)) {
      TreePath path = trees.getPath(root);
      if (path != null && scanned.add(path.getCompilationUnit())) {
        CompilationUnitTree unit = path.getCompilationUnit();
        if (importsAnnotation(unit) || mentionsQualifiedName(unit)) {
          new Scanner(unit).scan(unit, false);
        }
      }
    }
  }

  private static boolean importsAnnotation(CompilationUnitTree unit) {
    if (unit.getPackageName() != null && unit.getPackageName().toString().equals(PACKAGE)) {
      return true;
    }
    for (ImportTree importTree : unit.getImports()) {
      String name = importTree.getQualifiedIdentifier().toString();
      if (!importTree.isStatic()
          && (name.equals(PACKAGE + "." + SIMPLE_NAME) || name.equals(PACKAGE + ".*"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentionsQualifiedName(CompilationUnitTree unit) {
    try {
      String text = unit.getSourceFile().getCharContent(true).toString();
      return text.contains(PACKAGE + "." + SIMPLE_NAME);
    } catch (IOException e) {
      // Without the text, scan anyway: correctness over speed.
      return true;
    }
  }

  /** The second argument says whether the tree is inside code (a body or an initializer). */
  // A plain TreeScanner: it walks every body of every annotated file, and a TreePathScanner would
  // allocate a path for each node that nothing here reads.
  private final class Scanner extends TreeScanner<Void, Boolean> {
    private final CompilationUnitTree unit;
    private final boolean simpleNameImported;

    Scanner(CompilationUnitTree unit) {
      this.unit = unit;
      this.simpleNameImported = importsAnnotation(unit);
    }

    @Override
    public Void visitClass(ClassTree node, Boolean inCode) {
      if (inCode) {
        boolean anonymous = node.getSimpleName().contentEquals("");
        AnnotationTree onClass = hotRestartable(node.getModifiers());
        if (onClass != null) {
          report(
              onClass,
              "@HotRestartable local class "
                  + node.getSimpleName()
                  + " cannot restart: the generated proxy, a separate class, cannot see or extend"
                  + " a local class; move it to a top-level or static nested class");
        }
        for (Tree member : node.getMembers()) {
          if (member instanceof MethodTree) {
            MethodTree method = (MethodTree) member;
            AnnotationTree onMethod = hotRestartable(method.getModifiers());
            if (onMethod != null) {
              report(
                  onMethod,
                  "@HotRestartable method "
                      + method.getName()
                      + "() of "
                      + (anonymous ? "an anonymous class" : "local class " + node.getSimpleName())
                      + " cannot restart: the generated proxy, a separate class, cannot see or"
                      + " extend it; move the method to a top-level or static nested class");
            }
          }
        }
      }
      for (Tree member : node.getMembers()) {
        if (member instanceof MethodTree) {
          scan(((MethodTree) member).getBody(), true);
        } else if (member instanceof VariableTree) {
          scan(((VariableTree) member).getInitializer(), true);
        } else if (member instanceof BlockTree) {
          scan(member, true);
        } else {
          scan(member, inCode);
        }
      }
      return null;
    }

    private AnnotationTree hotRestartable(ModifiersTree modifiers) {
      for (AnnotationTree annotation : modifiers.getAnnotations()) {
        String name = annotation.getAnnotationType().toString();
        if (name.equals(PACKAGE + "." + SIMPLE_NAME)
            || (simpleNameImported && name.equals(SIMPLE_NAME))) {
          return annotation;
        }
      }
      return null;
    }

    private void report(AnnotationTree annotation, String message) {
      reporter.error(annotation, unit, "HotRestartLocal", message);
    }
  }
}
