package dev.hotrestart.source;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.lang.invoke.MethodType;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Finding a wrapped method in source text with javac's tree API, for the evaluator (which adds a
 * method beside it) and the debugger's {@code diff} (which compares its lines).
 */
public final class SourceTrees {

  private SourceTrees() {}

  /**
   * A range of lines, 1-based and inclusive.
   *
   * @param first the first line
   * @param last the last line
   */
  public record Lines(int first, int last) {}

  /**
   * The lines of a wrapped method in a source text, from its modifiers to its closing brace.
   * Syntax errors elsewhere do not matter as long as the parser gets through the method.
   *
   * @param source the text of the file
   * @param fileName the file's name, for javac
   * @param declaringClass the class that declares the method
   * @param methodName the method's name
   * @param methodType the method's erased type, without the receiver
   * @return its lines, if the text declares it and a compiler is present
   */
  public static Optional<Lines> methodLines(
      String source,
      String fileName,
      Class<?> declaringClass,
      String methodName,
      MethodType methodType) {
    Optional<Parsed> parsed = parse(source, fileName);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    CompilationUnitTree tree = parsed.get().unit();
    SourcePositions positions = parsed.get().positions();
    LineMap lines = tree.getLineMap();
    return findClass(tree, declaringClass)
        .flatMap(type -> findMethod(type, methodName, methodType))
        .map(
            method ->
                new Lines(
                    (int) lines.getLineNumber(positions.getStartPosition(tree, method)),
                    (int) lines.getLineNumber(positions.getEndPosition(tree, method))));
  }

  /**
   * A source text parsed by javac, without attribution.
   *
   * @param unit the tree of the file
   * @param positions where each tree starts and ends in the text
   * @param syntaxErrors whether the parser reported errors (the tree may then be partial)
   */
  public record Parsed(CompilationUnitTree unit, SourcePositions positions, boolean syntaxErrors) {

    /**
     * The text of a tree.
     *
     * @param source the text that was parsed
     * @param tree a tree of it
     * @return the characters the tree spans
     */
    public String text(String source, Tree tree) {
      return source.substring(
          (int) positions.getStartPosition(unit, tree), (int) positions.getEndPosition(unit, tree));
    }
  }

  /**
   * Parses a source text held in memory.
   *
   * @param source the text of the file
   * @param fileName the file's name, for javac
   * @return the parse, or empty when this JVM has no Java compiler
   */
  public static Optional<Parsed> parse(String source, String fileName) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
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
        (JavacTask)
            javac.getTask(null, null, diagnostics, List.of("-proc:none"), null, List.of(unit));
    CompilationUnitTree tree;
    try {
      tree = task.parse().iterator().next();
    } catch (IOException e) {
      throw new IllegalStateException("cannot parse text held in memory", e);
    }
    boolean errors =
        diagnostics.getDiagnostics().stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
    return Optional.of(new Parsed(tree, Trees.instance(task).getSourcePositions(), errors));
  }

  /**
   * The declaration of {@code type} in a parsed file, nested classes included.
   *
   * @param unit the parsed file
   * @param type the class
   * @return its tree, if the file still declares it
   */
  public static Optional<ClassTree> findClass(CompilationUnitTree unit, Class<?> type) {
    List<String> names = new ArrayList<>();
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      names.add(0, c.getSimpleName());
    }
    List<? extends Tree> members = unit.getTypeDecls();
    ClassTree found = null;
    for (String simpleName : names) {
      found = null;
      for (Tree member : members) {
        if (member instanceof ClassTree
            && ((ClassTree) member).getSimpleName().contentEquals(simpleName)) {
          found = (ClassTree) member;
          break;
        }
      }
      if (found == null) {
        return Optional.empty();
      }
      members = found.getMembers();
    }
    return Optional.ofNullable(found);
  }

  /**
   * The declaration of a wrapped method in its class's tree: by name and arity, and among
   * overloads of one arity by the erased simple names of the parameter types.
   *
   * @param type the class's tree
   * @param methodName the method's name
   * @param methodType the method's erased type, without the receiver
   * @return its tree, if the class still declares it
   */
  public static Optional<MethodTree> findMethod(
      ClassTree type, String methodName, MethodType methodType) {
    List<MethodTree> candidates = new ArrayList<>();
    for (Tree member : type.getMembers()) {
      if (member instanceof MethodTree) {
        MethodTree method = (MethodTree) member;
        if (method.getName().contentEquals(methodName)
            && method.getParameters().size() == methodType.parameterCount()) {
          candidates.add(method);
        }
      }
    }
    if (candidates.size() <= 1) {
      return candidates.stream().findFirst();
    }
    // Overloads of the same arity: match the erased simple names of the parameter types.
    for (MethodTree method : candidates) {
      boolean matches = true;
      List<? extends VariableTree> parameters = method.getParameters();
      List<TypeParameterTree> typeVariables = new ArrayList<>(method.getTypeParameters());
      for (int i = 0; i < parameters.size() && matches; i++) {
        String written = parameters.get(i).getType().toString().replaceAll("<.*>", "").trim();
        String simple = written.substring(written.lastIndexOf('.') + 1);
        Class<?> erased = methodType.parameterType(i);
        boolean typeVariable =
            typeVariables.stream().anyMatch(t -> t.getName().contentEquals(simple));
        matches = typeVariable || simple.equals(erased.getSimpleName()) || simple.endsWith("...")
            && simple.replace("...", "[]").equals(erased.getSimpleName());
      }
      if (matches) {
        return Optional.of(method);
      }
    }
    return candidates.stream().findFirst();
  }
}
