package dev.hotrestart.reload;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.SourcePositions;
import dev.hotrestart.source.SourceTrees;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Blanks the bodies of methods that a reload cannot use, so javac has less to attribute and
 * generate: most of a reload's time is javac, and a large file's time is in its method bodies.
 *
 * <p>A reload moves the wrapped methods being reloaded, the private methods of their class that
 * they reach and the lambdas and anonymous classes inside those; everything else the new code
 * calls runs from the running program. So the bodies of every other method, in this
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
    Optional<SourceTrees.Parsed> parsed;
    try {
      parsed = SourceTrees.parse(source, fileName);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    if (parsed.isEmpty() || parsed.get().syntaxErrors()) {
      return Optional.empty();
    }
    CompilationUnitTree tree = parsed.get().unit();
    Optional<ClassTree> targetTree = SourceTrees.findClass(tree, target);
    if (targetTree.isEmpty()) {
      return Optional.empty();
    }
    SourcePositions positions = parsed.get().positions();
    Set<MethodTree> kept = reached(targetTree.get(), keep, target);
    List<long[]> blanks = new ArrayList<>();
    for (Tree type : tree.getTypeDecls()) {
      if (type instanceof ClassTree) {
        collect((ClassTree) type, kept, tree, positions, blanks);
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

  /**
   * A method's name and simple parameter type names, as in {@code extra(String,int[])}: enough
   * to tell a method the running class lacks (a guess that keeps a body is only slower).
   */
  private static String shape(MethodTree method) {
    StringBuilder shape = new StringBuilder(method.getName().toString()).append('(');
    String separator = "";
    for (var parameter : method.getParameters()) {
      String type = parameter.getType().toString().replaceAll("<.*>", "").replace("...", "[]");
      if (type.contains(".")) {
        type = type.substring(type.lastIndexOf('.') + 1);
      }
      shape.append(separator).append(type.trim());
      separator = ",";
    }
    return shape.append(')').toString();
  }

  /**
   * The methods of the target to keep: the reloaded ones, the new non-private ones (which the
   * running class lacks, and which a reload moves whether called or not), and the private ones they
   * call or reference by name, transitively (a name match keeps every overload: more than needed is
   * safe). Every call to a private method in the bytecode comes from such a name in the source.
   */
  private static Set<MethodTree> reached(ClassTree target, Set<String> keep, Class<?> running) {
    Map<String, List<MethodTree>> privateByName = new HashMap<>();
    Set<String> runningShapes = new HashSet<>();
    for (java.lang.reflect.Method method : running.getDeclaredMethods()) {
      runningShapes.add(
          method.getName()
              + java.util.Arrays.stream(method.getParameterTypes())
                  .map(Class::getSimpleName)
                  .collect(java.util.stream.Collectors.joining(",", "(", ")")));
    }
    Set<MethodTree> kept = new HashSet<>();
    Deque<MethodTree> todo = new ArrayDeque<>();
    for (Tree member : target.getMembers()) {
      if (member instanceof MethodTree) {
        MethodTree method = (MethodTree) member;
        boolean isPrivate = method.getModifiers().getFlags().contains(Modifier.PRIVATE);
        boolean isNew =
            !method.getName().contentEquals("<init>") && !runningShapes.contains(shape(method));
        if (keep.contains(method.getName().toString()) || (isNew && !isPrivate && method.getBody() != null)) {
          // A new non-private method moves on its own, called or not (NewMethods).
          todo.add(method);
        } else if (isPrivate || isNew) {
          privateByName.computeIfAbsent(method.getName().toString(), n -> new ArrayList<>()).add(method);
        }
      }
    }
    while (!todo.isEmpty()) {
      MethodTree method = todo.poll();
      if (!kept.add(method) || method.getBody() == null) {
        continue;
      }
      Set<String> names = new HashSet<>();
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
          ExpressionTree select = call.getMethodSelect();
          if (select instanceof IdentifierTree) {
            names.add(((IdentifierTree) select).getName().toString());
          } else if (select instanceof MemberSelectTree) {
            names.add(((MemberSelectTree) select).getIdentifier().toString());
          }
          return super.visitMethodInvocation(call, unused);
        }

        @Override
        public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
          names.add(reference.getName().toString());
          return super.visitMemberReference(reference, unused);
        }
      }.scan(method.getBody(), null);
      for (String name : names) {
        todo.addAll(privateByName.getOrDefault(name, List.of()));
      }
    }
    return kept;
  }

  private static void collect(
      ClassTree type,
      Set<MethodTree> kept,
      CompilationUnitTree unit,
      SourcePositions positions,
      List<long[]> blanks) {
    for (Tree member : type.getMembers()) {
      if (member instanceof ClassTree) {
        collect((ClassTree) member, kept, unit, positions, blanks);
      } else if (member instanceof MethodTree) {
        MethodTree method = (MethodTree) member;
        BlockTree body = method.getBody();
        // Constructors stay: javac checks how they initialise final fields.
        if (body == null || kept.contains(method) || method.getName().contentEquals("<init>")) {
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
}
