package dev.hotrestart.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The types that signatures name, and the two kinds among them that stop a proxy: a private
 * type, which the proxy (a separate class in the same package) cannot see, and a type that is
 * not defined (yet).
 */
final class SignatureTypes {

  private SignatureTypes() {}

  /**
   * The types {@code executable}'s signature names: its result, its parameters, its {@code
   * throws} clause and its type parameters' bounds, in that order.
   */
  static List<TypeMirror> of(ExecutableElement executable) {
    List<TypeMirror> mentioned = new ArrayList<>();
    mentioned.add(executable.getReturnType());
    executable.getParameters().forEach(p -> mentioned.add(p.asType()));
    mentioned.addAll(executable.getThrownTypes());
    executable.getTypeParameters().forEach(p -> mentioned.addAll(p.getBounds()));
    return mentioned;
  }

  /** The first private class (or class nested in a private one) {@code executable} names. */
  static Optional<TypeElement> privateType(ExecutableElement executable) {
    for (TypeMirror type : of(executable)) {
      Optional<TypeElement> hidden = privateType(type);
      if (hidden.isPresent()) {
        return hidden;
      }
    }
    return Optional.empty();
  }

  /**
   * The first private class (or class nested in a private one) named anywhere in {@code type}.
   * Type variables are not entered: their bounds are checked where they are declared.
   */
  static Optional<TypeElement> privateType(TypeMirror type) {
    return TypeWalk.first(
        type,
        t -> {
          if (t.getKind() != TypeKind.DECLARED) {
            return Optional.empty();
          }
          TypeElement element = (TypeElement) ((DeclaredType) t).asElement();
          for (Element e = element; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(Modifier.PRIVATE)) {
              return Optional.of(element);
            }
          }
          return Optional.empty();
        });
  }

  /**
   * Checks that every type {@code type} names in its supertypes, type parameters, methods and
   * constructors is defined.
   *
   * @throws MissingTypeException naming the first undefined type
   */
  static void checkDefined(TypeElement type) {
    checkDefined(type.getSuperclass());
    type.getInterfaces().forEach(SignatureTypes::checkDefined);
    for (TypeParameterElement parameter : type.getTypeParameters()) {
      parameter.getBounds().forEach(SignatureTypes::checkDefined);
    }
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() == ElementKind.METHOD || member.getKind() == ElementKind.CONSTRUCTOR) {
        of((ExecutableElement) member).forEach(SignatureTypes::checkDefined);
      }
    }
  }

  /**
   * Checks that {@code type} and every type nested in it is defined.
   *
   * @throws MissingTypeException naming the first undefined type
   */
  static void checkDefined(TypeMirror type) {
    TypeWalk.forEach(
        type,
        t -> {
          if (t.getKind() == TypeKind.ERROR) {
            throw new MissingTypeException(t.toString());
          }
        });
  }
}
