package dev.hotrestart.processor;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Every diagnostic of the processor goes through here: always on an element or a source tree of
 * the user's code (never on generated code). Errors are counted, so that a class in error is not
 * written while the other classes of the compile are still checked: one compile shows every
 * problem.
 *
 * <p>Each error and warning starts with a stable tag such as {@code [HotRestartFinal]}, then one
 * sentence saying why and what to do. Warnings are suppressed by {@code
 * @SuppressWarnings("hotrestart")} on the element or any element enclosing it. Notes (no tag)
 * only say that a diagnostic aid could not run.
 */
final class ErrorReporter {

  /** The key of {@code @SuppressWarnings} that silences this processor's warnings. */
  static final String SUPPRESSION_KEY = "hotrestart";

  private final Messager messager;
  private final Trees trees;
  private int errorCount;

  /**
   * @param trees javac's trees, for diagnostics on declarations and expressions that processors
   *     are not shown as elements; empty outside javac, where nothing reports on trees
   */
  ErrorReporter(Messager messager, Optional<Trees> trees) {
    this.messager = messager;
    this.trees = trees.orElse(null);
  }

  /** javac's {@link Trees}, or empty under another compiler or a wrapped environment. */
  static Optional<Trees> trees(ProcessingEnvironment env) {
    try {
      return Optional.of(Trees.instance(env));
    } catch (IllegalArgumentException notJavac) {
      // Not javac's own environment (for example a Gradle or IDE wrapper).
      return Optional.empty();
    }
  }

  /** Reports an error on {@code element}; {@code tag} is given without brackets. */
  void error(Element element, String tag, String message) {
    errorCount++;
    messager.printMessage(Diagnostic.Kind.ERROR, format(tag, message), element);
  }

  /** Reports an error on {@code tree} of {@code unit}: for a declaration inside a method body. */
  void error(Tree tree, CompilationUnitTree unit, String tag, String message) {
    errorCount++;
    trees.printMessage(Diagnostic.Kind.ERROR, format(tag, message), tree, unit);
  }

  /**
   * Reports a warning on {@code element} unless it, or an element enclosing it, carries
   * {@code @SuppressWarnings("hotrestart")}.
   */
  void warning(Element element, String tag, String message) {
    if (!Annotations.suppresses(element, SUPPRESSION_KEY)) {
      messager.printMessage(Diagnostic.Kind.WARNING, format(tag, message), element);
    }
  }

  /** Reports a warning on the tree at the end of {@code path} unless {@link #isSuppressed}. */
  void warning(TreePath path, String tag, String message) {
    if (!isSuppressed(path)) {
      trees.printMessage(
          Diagnostic.Kind.WARNING, format(tag, message), path.getLeaf(), path.getCompilationUnit());
    }
  }

  /**
   * Whether a declaration enclosing the tree at the end of {@code path} (a variable, a method,
   * a class) carries {@code @SuppressWarnings("hotrestart")}.
   */
  boolean isSuppressed(TreePath path) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      // Declarations only: on an expression getElement gives the element it refers to.
      if (p.getLeaf() instanceof ClassTree
          || p.getLeaf() instanceof MethodTree
          || p.getLeaf() instanceof VariableTree) {
        Element element = trees.getElement(p);
        if (element != null && Annotations.suppressesDirectly(element, SUPPRESSION_KEY)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Says that a diagnostic aid failed; the compile and the proxies are not affected. */
  void note(String message) {
    messager.printMessage(Diagnostic.Kind.NOTE, "hotrestart: " + message);
  }

  /** {@link #note(String)} on a compilation unit. */
  void note(CompilationUnitTree unit, String message) {
    trees.printMessage(Diagnostic.Kind.NOTE, "hotrestart: " + message, unit, unit);
  }

  /** How many errors have been reported so far in this compile. */
  int errorCount() {
    return errorCount;
  }

  private static String format(String tag, String message) {
    return "[" + tag + "] " + message;
  }
}
