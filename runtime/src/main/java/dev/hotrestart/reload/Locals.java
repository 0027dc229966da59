package dev.hotrestart.reload;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import dev.hotrestart.source.SourceTrees;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local variables a method declares, found in its source by javac's tree API: what {@code p}
 * cannot see yet, so that it can say so instead of javac's {@code cannot find symbol}.
 */
final class Locals {

  private Locals() {}

  /**
   * The local variables declared in {@code method}'s body (parameters of lambdas and catch
   * clauses included; not the method's own parameters, and nothing inside a local or anonymous
   * class), each with the line of its first declaration.
   *
   * @param parsed the parsed source file
   * @param method a method of it
   * @return line by name, in source order
   */
  static Map<String, Long> declaredIn(SourceTrees.Parsed parsed, MethodTree method) {
    Map<String, Long> lines = new LinkedHashMap<>();
    if (method.getBody() == null) {
      return lines;
    }
    LineMap lineMap = parsed.unit().getLineMap();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree variable, Void unused) {
        long start = parsed.positions().getStartPosition(parsed.unit(), variable);
        lines.putIfAbsent(variable.getName().toString(), lineMap.getLineNumber(start));
        return super.visitVariable(variable, unused);
      }

      @Override
      public Void visitClass(ClassTree type, Void unused) {
        return null; // its fields and locals are not the method's
      }
    }.scan(method.getBody(), null);
    return lines;
  }
}
