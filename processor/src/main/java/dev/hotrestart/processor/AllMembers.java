package dev.hotrestart.processor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * {@link Elements#getAllMembers} of each class, read once per round. javac builds the whole
 * member scope again on every call (the class and all its supertypes), and validation, the lint
 * keys, the factories' overload checks (once per constructor) and the model each needed it: on
 * Commons Lang, whose large classes have hundreds of members, that was four reads per class and
 * one more per constructor. Cleared at each round, since javac enters the classes of the
 * compile again for the next one.
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

  /** The member classes and interfaces of {@code type}, its own and inherited. */
  List<TypeElement> types(TypeElement type) {
    return ElementFilter.typesIn(all(type));
  }

  /** Forgets every class: their elements belong to the round that is over. */
  void clear() {
    members.clear();
  }

  private List<? extends Element> all(TypeElement type) {
    return members.computeIfAbsent(type, t -> List.copyOf(elements.getAllMembers(t)));
  }
}
