package dev.hotrestart.debug;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.source.SourceTrees;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The source of what a reload of a wrapped method moves, as {@code diff} compares it: the method
 * (its lambdas are inside it) and the private methods of its class it calls, directly or through
 * each other, found by name in the parsed text. Mirrors in source what the reloader moves in
 * bytecode, so that {@code diff} shows each change that {@code c} applies.
 */
final class MovingSource {

  /**
   * One declaration's lines in one text.
   *
   * @param label how {@code diff} names it
   * @param first its first line, 1-based
   * @param last its last line
   */
  record Part(String label, int first, int last) {}

  /**
   * What moves, in one text.
   *
   * @param parts the method first, then the private methods reached
   * @param reached the names of the private methods reached
   */
  record Moving(List<Part> parts, Set<String> reached) {}

  private MovingSource() {}

  /**
   * The parts of {@code text} that move with {@code slot}'s method, the method first: each
   * private method reached, all overloads of a name in the order written.
   *
   * @param text a version of the file
   * @param fileName its name
   * @param slot the wrapped method
   * @param alsoReached names of private methods to include even if this version does not reach
   *     them (the other version does); may be empty
   * @return the parts, the method first; no parts if the text does not declare the method
   */
  static Moving parts(String text, String fileName, MethodSlot slot, Set<String> alsoReached) {
    Optional<SourceTrees.Parsed> parsed = SourceTrees.parse(text, fileName);
    if (parsed.isEmpty()) {
      return new Moving(List.of(), Set.of());
    }
    Optional<ClassTree> type = SourceTrees.findClass(parsed.get().unit(), slot.declaringClass());
    Optional<MethodTree> method =
        type.flatMap(t -> SourceTrees.findMethod(t, slot.methodName(), slot.methodType()));
    if (method.isEmpty()) {
      return new Moving(List.of(), Set.of());
    }
    List<MethodTree> privates = new ArrayList<>();
    for (Tree member : type.get().getMembers()) {
      if (member instanceof MethodTree m && m.getModifiers().getFlags().contains(Modifier.PRIVATE)) {
        privates.add(m);
      }
    }
    Set<String> reached = new LinkedHashSet<>();
    Deque<MethodTree> toScan = new ArrayDeque<>(List.of(method.get()));
    Set<String> pending = new LinkedHashSet<>(alsoReached);
    while (!toScan.isEmpty() || !pending.isEmpty()) {
      Set<String> called = new LinkedHashSet<>(pending);
      pending.clear();
      if (!toScan.isEmpty()) {
        called.addAll(calledNames(toScan.poll()));
      }
      for (String name : called) {
        if (!name.equals(slot.methodName()) && reached.add(name)) {
          privates.stream().filter(m -> m.getName().contentEquals(name)).forEach(toScan::add);
        }
      }
    }
    LineMap lines = parsed.get().unit().getLineMap();
    List<Part> parts = new ArrayList<>();
    parts.add(part(parsed.get(), lines, method.get(), slot.describe()));
    String owner = slot.declaringClass().getName();
    for (String name : reached) {
      for (MethodTree m : privates) {
        if (m.getName().contentEquals(name)) {
          parts.add(
              part(
                  parsed.get(),
                  lines,
                  m,
                  "private " + owner + "." + name + " (c reloads it with " + slot.methodName() + ")"));
        }
      }
    }
    return new Moving(parts, reached);
  }

  private static Part part(SourceTrees.Parsed parsed, LineMap lines, MethodTree tree, String label) {
    long start = parsed.positions().getStartPosition(parsed.unit(), tree);
    long end = parsed.positions().getEndPosition(parsed.unit(), tree);
    return new Part(label, (int) lines.getLineNumber(start), (int) lines.getLineNumber(end));
  }

  /** Unqualified or {@code this.} calls and {@code this::}/{@code Type::} references. */
  private static Set<String> calledNames(MethodTree method) {
    Set<String> names = new LinkedHashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        Tree select = call.getMethodSelect();
        if (select instanceof IdentifierTree id) {
          names.add(id.getName().toString());
        } else if (select instanceof MemberSelectTree member) {
          names.add(member.getIdentifier().toString());
        }
        return super.visitMethodInvocation(call, unused);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
        names.add(reference.getName().toString());
        return super.visitMemberReference(reference, unused);
      }
    }.scan(method, null);
    return names;
  }
}
