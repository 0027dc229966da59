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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * Warns where code of the same compilation writes {@code new Foo(...)} for a class {@code Foo}
 * that got a proxy: that instance is not the proxy, so its methods restart only when the runtime
 * agent that {@code hotrestart:run} and {@code hotrestart:test} start transforms the class itself,
 * and never in a run without the goal (an IDE with {@code -Dhotrestart.enabled=true}), which is
 * easy to miss. {@code @SuppressWarnings("hotrestart")} on an enclosing variable, method or class
 * silences it.
 *
 * <p>For a class annotated by hand (it or its methods), each {@code new} is a warning: someone
 * chose that class, and each place that bypasses its factory matters. For classes proxied
 * through their package's annotation, the package's own code usually builds them directly (Commons
 * Lang's {@code new StrBuilder(...)}, 103 times), so a class that does so gets one warning, at
 * its first such {@code new}, with the count; suppressed ones are not counted.
 *
 * <p>Types are only known after attribution, which comes after annotation processing, so this
 * listens for javac's {@code ANALYZE} events instead of scanning in a round. It needs javac's
 * {@link JavacTask}; under a wrapped processing environment (Gradle incremental processing) it is
 * off, and so are warnings about code compiled in a later, separate compile.
 */
final class DirectConstructionWarner implements TaskListener {

  /** A class that got a proxy: its proxy's simple name, and how it was chosen. */
  private record Proxied(String proxy, boolean byPackage) {}

  /** Annotated class name to its proxy. */
  private final Map<String, Proxied> proxies = new HashMap<>();
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

  /**
   * Notes that {@code type} got a proxy, so constructing it directly deserves a warning.
   *
   * @param byPackage whether only its package's annotation made it restartable
   */
  void proxyGenerated(TypeElement type, boolean byPackage) {
    proxies.put(
        type.getQualifiedName().toString(),
        new Proxied(Names.proxySimpleName(type), byPackage));
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
    TypeElement analyzed = event.getTypeElement();
    if (unit == null || analyzed == null) {
      return;
    }
    try {
      // One event per top-level class, and a file may declare several: scan this one's tree,
      // not the whole file, or each new would be reported once per class of the file.
      TreePath path = trees.getPath(analyzed);
      if (path != null) {
        warnAbout(analyzed, path);
      }
    } catch (RuntimeException | AssertionError e) {
      // javac runs listeners outside the processor's error handling: an exception here would
      // crash the compile over a mere warning.
      reporter.note(unit, "could not check for direct construction of proxied classes: " + e);
    }
  }

  /** A {@code new} of a proxied class: where it is, the class, and its proxy. */
  private record Site(TreePath path, TypeElement type, Proxied proxied) {}

  private void warnAbout(TypeElement analyzed, TreePath classPath) {
    List<Site> byPackage = new ArrayList<>();
    // A plain scan with a test on the name first: this runs over every class of the compile, and
    // most constructions are of other classes. Paths and elements only for the rest, each path
    // made from the trees the scan is in: TreePath.getPath searched the whole file again for each
    // (JFR, Commons Lang: a third of this class's samples).
    new TreeScanner<Void, Void>() {
      private final Deque<Tree> enclosing = new ArrayDeque<>();

      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree == null) {
          return null;
        }
        enclosing.addLast(tree);
        try {
          return super.scan(tree, unused);
        } finally {
          enclosing.removeLast();
        }
      }

      /** The path of the tree being visited: the class's path, then the trees below it. */
      private TreePath currentPath() {
        TreePath path = classPath;
        Iterator<Tree> trees = enclosing.iterator();
        trees.next(); // the class itself, the leaf of classPath
        while (trees.hasNext()) {
          path = new TreePath(path, trees.next());
        }
        return path;
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void unused) {
        if (proxiedSimpleNames.contains(simpleName(node.getIdentifier()))) {
          site(currentPath())
              .filter(site -> !reporter.isSuppressed(site.path()))
              .ifPresent(
                  site -> {
                    if (site.proxied().byPackage()) {
                      byPackage.add(site);
                    } else {
                      warnAt(site);
                    }
                  });
        }
        return super.visitNewClass(node, unused);
      }
    }.scan(classPath.getLeaf(), null);
    if (!byPackage.isEmpty()) {
      warnOnce(analyzed, byPackage);
    }
  }

  /** The {@code new} at the end of {@code path}, if it constructs a proxied class. */
  private Optional<Site> site(TreePath path) {
    Element constructor = path == null ? null : trees.getElement(path);
    if (constructor == null || constructor.getKind() != ElementKind.CONSTRUCTOR) {
      return Optional.empty();
    }
    TypeElement type = (TypeElement) constructor.getEnclosingElement();
    return Optional.ofNullable(proxies.get(type.getQualifiedName().toString()))
        .map(proxied -> new Site(path, type, proxied));
  }

  private void warnAt(Site site) {
    reporter.warning(
        site.path(),
        "HotRestartDirectNew",
        "new "
            + Names.name(site.type())
            + "(...) creates an instance that restarts under mvn hotrestart:run or"
            + " hotrestart:test (their agent) but not in a run with only"
            + " -Dhotrestart.enabled=true; call "
            + site.proxied().proxy()
            + ".create(...) to make it restart there too, or add"
            + " @SuppressWarnings(\"hotrestart\") to silence this");
  }

  /** One warning for every {@code new} of package-proxied classes in {@code analyzed}. */
  private void warnOnce(TypeElement analyzed, List<Site> sites) {
    Site first = sites.get(0);
    CompilationUnitTree unit = first.path().getCompilationUnit();
    long line =
        unit.getLineMap()
            .getLineNumber(
                trees.getSourcePositions().getStartPosition(unit, first.path().getLeaf()));
    reporter.warning(
        first.path(),
        "HotRestartDirectNew",
        "class "
            + Names.name(analyzed)
            + " creates "
            + sites.size()
            + (sites.size() == 1 ? " instance" : " instances")
            + " with new of classes that got a proxy through their package's @HotRestartable,"
            + " first on line "
            + line
            + ": new "
            + Names.name(first.type())
            + "(...); those instances restart under mvn hotrestart:run or hotrestart:test"
            + " (their agent) but not in a run with only -Dhotrestart.enabled=true: call the"
            + " generated factories ("
            + first.proxied().proxy()
            + ".create(...)) to make them restart there too, or add"
            + " @SuppressWarnings(\"hotrestart\") to class "
            + Names.name(analyzed)
            + " to silence this");
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
