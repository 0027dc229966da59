package dev.hotrestart.processor;

import java.util.HashMap;
import java.util.LinkedHashSet;
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
    for (TypeElement declaring : supertypes(type)) {
      for (Element member : declaring.getEnclosedElements()) {
        if (test.test(member)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * {@code type} and its supertypes, each once, in javac's order (TransTypes.addBridges): the
   * superclass chain from {@code type} up, each class followed by its interfaces, depth first.
   */
  static List<TypeElement> supertypes(TypeElement type) {
    Set<TypeElement> order = new LinkedHashSet<>();
    TypeMirror superclass = type.asType();
    while (superclass.getKind() == TypeKind.DECLARED) {
      TypeElement element = (TypeElement) ((DeclaredType) superclass).asElement();
      withInterfaces(element, order);
      superclass = element.getSuperclass();
    }
    return List.copyOf(order);
  }

  private static void withInterfaces(TypeElement type, Set<TypeElement> order) {
    if (!order.add(type)) {
      return; // and its interfaces, which followed it the first time
    }
    for (TypeMirror implemented : type.getInterfaces()) {
      if (implemented.getKind() == TypeKind.DECLARED) {
        withInterfaces((TypeElement) ((DeclaredType) implemented).asElement(), order);
      }
    }
  }
}
