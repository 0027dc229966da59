package dev.hotrestart.processor;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * Warns where code of the same compilation writes {@code new Foo(...)} for a class {@code Foo}
 * that got a proxy: that instance is not the proxy, so its methods never restart, which is easy
 * to miss. {@code @SuppressWarnings("hotrestart")} on an enclosing method or class silences it.
 *
 * <p>Types are only known after attribution, which comes after annotation processing, so this
 * listens for javac's {@code ANALYZE} events instead of scanning in a round. It needs javac's
 * {@link JavacTask}; under a wrapped processing environment (Gradle incremental processing) it is
 * off, and so are warnings about code compiled in a later, separate compile.
 */
final class DirectConstructionWarner implements TaskListener {

  /** Annotated class name to its proxy's simple name. */
  private final Map<String, String> proxies = new HashMap<>();
  /** The annotated classes' simple names. */
  private final Set<String> proxiedSimpleNames = new HashSet<>();
  private final Trees trees;
  private final ErrorReporter reporter;

  private DirectConstructionWarner(Trees trees, ErrorReporter reporter) {
    this.trees = trees;
    this.reporter = reporter;
  }

  /**
   * Registers a warner with the running javac; does nothing outside javac.
   *
   * @param trees javac's trees, empty outside javac
   */
  static DirectConstructionWarner register(
      ProcessingEnvironment env, Optional<Trees> trees, ErrorReporter reporter) {
    if (trees.isEmpty()) {
      return new DirectConstructionWarner(null, reporter);
    }
    try {
      JavacTask task = JavacTask.instance(env);
      DirectConstructionWarner warner = new DirectConstructionWarner(trees.get(), reporter);
      task.addTaskListener(warner);
      return warner;
    } catch (IllegalArgumentException notJavac) {
      return new DirectConstructionWarner(null, reporter);
    }
  }

  /** Notes that {@code type} got a proxy, so constructing it directly deserves a warning. */
  void proxyGenerated(TypeElement type) {
    proxies.put(type.getQualifiedName().toString(), Names.proxySimpleName(type));
    proxiedSimpleNames.add(type.getSimpleName().toString());
  }

  @Override
  public void started(TaskEvent event) {}

  @Override
  public void finished(TaskEvent event) {
    if (trees == null || proxies.isEmpty() || event.getKind() != TaskEvent.Kind.ANALYZE) {
      return;
    }
    CompilationUnitTree unit = event.getCompilationUnit();
    if (unit == null) {
      return;
    }
    try {
      warnAbout(unit);
    } catch (RuntimeException | AssertionError e) {
      // javac runs listeners outside the processor's error handling: an exception here would
      // crash the compile over a mere warning.
      reporter.note(unit, "could not check for direct construction of proxied classes: " + e);
    }
  }

  private void warnAbout(CompilationUnitTree unit) {
    // A plain scan with a test on the name first: this runs over every file of the compile, and
    // most constructions are of other classes. Paths and elements only for the rest.
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitNewClass(NewClassTree node, Void unused) {
        if (proxiedSimpleNames.contains(simpleName(node.getIdentifier()))) {
          check(node, TreePath.getPath(unit, node));
        }
        return super.visitNewClass(node, unused);
      }
    }.scan(unit, null);
  }

  private void check(NewClassTree node, TreePath path) {
    Element constructor = path == null ? null : trees.getElement(path);
    if (constructor == null || constructor.getKind() != ElementKind.CONSTRUCTOR) {
      return;
    }
    TypeElement type = (TypeElement) constructor.getEnclosingElement();
    String proxy = proxies.get(type.getQualifiedName().toString());
    if (proxy != null) {
      reporter.warning(
          path,
          "HotRestartDirectNew",
          "new "
              + Names.name(type)
              + "(...) creates an instance whose methods never restart; call "
              + proxy
              + ".create(...) instead, or add @SuppressWarnings(\"hotrestart\") to silence"
              + " this");
    }
  }

  /** The simple name a {@code new} expression names its class by, or {@code ""}. */
  private static String simpleName(Tree type) {
    if (type instanceof ParameterizedTypeTree) {
      return simpleName(((ParameterizedTypeTree) type).getType());
    } else if (type instanceof AnnotatedTypeTree) {
      return simpleName(((AnnotatedTypeTree) type).getUnderlyingType());
    } else if (type instanceof MemberSelectTree) {
      return ((MemberSelectTree) type).getIdentifier().toString();
    } else if (type instanceof IdentifierTree) {
      return ((IdentifierTree) type).getName().toString();
    }
    return "";
  }
}
