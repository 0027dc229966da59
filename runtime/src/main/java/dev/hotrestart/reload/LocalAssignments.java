package dev.hotrestart.reload;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreeScanner;
import dev.hotrestart.source.SourceTrees;
import java.util.Collection;
import java.util.Optional;

/**
 * Finds an assignment to a local variable of the crashed method in a {@code p} expression. {@code
 * p} sees a copy of each local, and {@code c} runs the method again from its first line, where
 * every local starts over: such an assignment could change nothing, so it is refused with that
 * reason rather than appear to work.
 */
final class LocalAssignments {

  private LocalAssignments() {}

  /**
   * The first local variable {@code expression} assigns ({@code x = 1}, {@code x += 1}, {@code
   * x++}), if any.
   *
   * @param expression the expression as typed
   * @param locals the names of the local variables the expression sees
   * @return the name of the variable assigned
   */
  static Optional<String> find(String expression, Collection<String> locals) {
    if (locals.isEmpty()) {
      return Optional.empty();
    }
    String text = "class $hr$ { Object $hr$() { return (\n" + expression + "\n); } }";
    Optional<SourceTrees.Parsed> parsed = SourceTrees.parse(text, "$hr$.java");
    if (parsed.isEmpty()) {
      return Optional.empty(); // no compiler: the evaluation itself will say so
    }
    String[] found = new String[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        note(tree.getVariable());
        return super.visitAssignment(tree, unused);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
        note(tree.getVariable());
        return super.visitCompoundAssignment(tree, unused);
      }

      @Override
      public Void visitUnary(UnaryTree tree, Void unused) {
        Tree.Kind kind = tree.getKind();
        if (kind == Tree.Kind.PREFIX_INCREMENT
            || kind == Tree.Kind.PREFIX_DECREMENT
            || kind == Tree.Kind.POSTFIX_INCREMENT
            || kind == Tree.Kind.POSTFIX_DECREMENT) {
          note(tree.getExpression());
        }
        return super.visitUnary(tree, unused);
      }

      private void note(ExpressionTree target) {
        if (found[0] == null
            && target instanceof IdentifierTree
            && locals.contains(((IdentifierTree) target).getName().toString())) {
          found[0] = ((IdentifierTree) target).getName().toString();
        }
      }
    }.scan(parsed.get().unit(), null);
    return Optional.ofNullable(found[0]);
  }
}
