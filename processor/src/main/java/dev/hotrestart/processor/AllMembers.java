package dev.hotrestart.processor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * {@link Elements#getAllMembers} of each class, read once per round, and only when a class or
 * one of its supertypes declares a member it is asked about. javac builds the whole member scope
 * again on every call (the class and all its supertypes): on Commons Lang, whose large classes
 * have hundreds of members, reading it for every proxied class was the largest part of
 * validation (JFR), although it is needed only to look for a method named {@code create} or for
 * member classes, which few classes have. Walking the declared members of the class and its
 * supertypes first answers "none" at a fraction of the cost. Cleared at each round, since javac
 * enters the classes of the compile again for the next one.
 */
final class AllMembers {

  private final Elements elements;
  private final Map<TypeElement, List<? extends Element>> members = new HashMap<>();

  AllMembers(Elements elements) {
    this.elements = elements;
  }

  /** The methods of {@code type}, its own and inherited. */
  List<ExecutableElement> methods(TypeElement type) {
    return ElementFilter.methodsIn(all(type));
  }

  /** The methods of {@code type} named {@code name}, its own and inherited. */
  List<ExecutableElement> methodsNamed(TypeElement type, String name) {
    return methodsIf(type, e -> e.getSimpleName().contentEquals(name));
  }

  /**
   * The methods of {@code type}, its own and inherited, that {@code test} accepts; {@code test}
   * must not depend on where a method is declared or whether it is inherited.
   */
  List<ExecutableElement> methodsIf(TypeElement type, Predicate<Element> test) {
    Predicate<Element> method = e -> e.getKind() == ElementKind.METHOD;
    if (!anyDeclares(type, method.and(test))) {
      return List.of();
    }
    return methods(type).stream().filter(test).collect(Collectors.toList());
  }

  /** The member classes and interfaces of {@code type}, its own and inherited. */
  List<TypeElement> types(TypeElement type) {
    if (!anyDeclares(type, e -> e.getKind().isClass() || e.getKind().isInterface())) {
      return List.of();
    }
    return ElementFilter.typesIn(all(type));
  }

  /** Forgets every class: their elements belong to the round that is over. */
  void clear() {
    members.clear();
  }

  private List<? extends Element> all(TypeElement type) {
    return members.computeIfAbsent(type, t -> List.copyOf(elements.getAllMembers(t)));
  }

  /**
   * Whether {@code type} or any of its supertypes declares a member that {@code test} accepts:
   * without one, no member of {@code type}, own or inherited, can be accepted.
   */
  private static boolean anyDeclares(TypeElement type, Predicate<Element> test) {
    Set<TypeElement> seen = new HashSet<>();
    Deque<TypeElement> pending = new ArrayDeque<>();
    pending.add(type);
    while (!pending.isEmpty()) {
      TypeElement next = pending.removeFirst();
      if (!seen.add(next)) {
        continue;
      }
      for (Element member : next.getEnclosedElements()) {
        if (test.test(member)) {
          return true;
        }
      }
      addDeclared(next.getSuperclass(), pending);
      for (TypeMirror supertype : next.getInterfaces()) {
        addDeclared(supertype, pending);
      }
    }
    return false;
  }

  private static void addDeclared(TypeMirror type, Deque<TypeElement> pending) {
    if (type.getKind() == TypeKind.DECLARED) {
      pending.add((TypeElement) ((DeclaredType) type).asElement());
    }
  }
}
