package dev.hotrestart.processor;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Which javac lint warnings ({@code @SuppressWarnings} keys) a proxy must suppress to compile
 * clean under {@code -Xlint:all -Werror}. The proxy repeats the annotated class's signatures,
 * extends it and calls its constructors, so whatever those would warn about in the class (and
 * its author has accepted there) warns again in the proxy; and its casts from the erased
 * invoker are unchecked where the result type is not reifiable; and its factories are methods,
 * which javac checks for ambiguous overloads where it does not check constructors ({@link
 * FactoryOverloads}). Each answer is a value the model
 * keeps, so the keys of one member never depend on another's.
 */
final class LintKeys {

  private final Elements elements;
  private final AllMembers members;
  private final FactoryOverloads overloads;

  LintKeys(Elements elements, Types types, AllMembers members) {
    this.elements = elements;
    this.members = members;
    this.overloads = new FactoryOverloads(elements, types, members);
  }

  /**
   * Keys for the whole proxy: {@code rawtypes} when a type parameter of the class has a raw
   * bound; {@code deprecation} (or {@code removal}) when it extends, names, calls or overrides
   * something deprecated.
   *
   * @param methods the wrapped methods
   * @param constructors the constructors that get a factory
   */
  Set<String> forProxy(
      TypeElement type, List<ExecutableElement> methods, List<ExecutableElement> constructors) {
    Set<String> keys = new TreeSet<>();
    for (TypeParameterElement parameter : type.getTypeParameters()) {
      for (TypeMirror bound : parameter.getBounds()) {
        if (mentionsRawType(bound)) {
          keys.add("rawtypes");
        }
        noteDeprecatedTypes(bound, keys);
      }
    }
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      noteDeprecated(e, keys);
    }
    List<ExecutableElement> inherited = deprecatedSuperclassMethods(type);
    for (ExecutableElement method : methods) {
      noteDeprecatedSignature(method, keys);
      for (ExecutableElement other : inherited) {
        if (other.getSimpleName().equals(method.getSimpleName())
            && elements.overrides(method, other, type)) {
          noteDeprecated(other, keys);
        }
      }
    }
    constructors.forEach(constructor -> noteDeprecatedSignature(constructor, keys));
    return keys;
  }

  /** Keys for the override of {@code method}: {@code rawtypes}, {@code unchecked}. */
  Set<String> forOverride(ExecutableElement method) {
    Set<String> keys = forSignature(method);
    TypeMirror result = method.getReturnType();
    if (result.getKind() != TypeKind.VOID && !isReifiable(result)) {
      // (T) or (List<String>) applied to invokeExact's Object result.
      keys.add("unchecked");
    }
    if (method.isVarArgs() && !isReifiableVarargs(method)) {
      // The same "possible heap pollution" warning the original has; @SafeVarargs is not allowed
      // on an overridable method.
      keys.add("unchecked");
    }
    return keys;
  }

  /**
   * Keys for the proxy's constructor that calls {@code constructor}: {@code rawtypes}, {@code
   * unchecked}, {@code varargs}.
   */
  Set<String> forConstructor(ExecutableElement constructor) {
    Set<String> keys = forSignature(constructor);
    if (constructor.isVarArgs() && !isReifiableVarargs(constructor)) {
      // Without @SafeVarargs: the original's "possible heap pollution" warning. With it: passing
      // the array on to the next constructor is the "varargs" lint, safe since it is unchanged.
      keys.add(Annotations.has(constructor, "java.lang.SafeVarargs") ? "varargs" : "unchecked");
    }
    return keys;
  }

  /**
   * Keys for the factory that calls the proxy's constructor for {@code constructor}: the
   * constructor's, and {@code overloads} when javac may flag it beside another {@code create}.
   *
   * @param constructors the constructors that get a factory
   */
  Set<String> forFactory(
      TypeElement type, ExecutableElement constructor, List<ExecutableElement> constructors) {
    Set<String> keys = forConstructor(constructor);
    if (overloads.mayBeFlagged(type, constructor, constructors)) {
      keys.add("overloads");
    }
    return keys;
  }

  /** {@code rawtypes} when the signature names a generic class without type arguments. */
  private static Set<String> forSignature(ExecutableElement executable) {
    Set<String> keys = new TreeSet<>();
    if (SignatureTypes.of(executable).stream().anyMatch(LintKeys::mentionsRawType)) {
      keys.add("rawtypes");
    }
    return keys;
  }

  private static boolean mentionsRawType(TypeMirror type) {
    return TypeWalk.anyMatch(
        type,
        t ->
            t.getKind() == TypeKind.DECLARED
                && ((DeclaredType) t).getTypeArguments().isEmpty()
                && !((TypeElement) ((DeclaredType) t).asElement()).getTypeParameters().isEmpty());
  }

  private static boolean isReifiableVarargs(ExecutableElement executable) {
    List<? extends VariableElement> parameters = executable.getParameters();
    TypeMirror last = parameters.get(parameters.size() - 1).asType();
    return last.getKind() != TypeKind.ARRAY
        || isReifiable(((ArrayType) last).getComponentType());
  }

  /**
   * JLS 4.7: whether a cast to {@code type} is checked at run time in full: no type variable and
   * no type argument but {@code ?} anywhere in it.
   */
  private static boolean isReifiable(TypeMirror type) {
    return !TypeWalk.anyMatch(
        type,
        t -> {
          switch (t.getKind()) {
            case TYPEVAR:
            case INTERSECTION:
              return true;
            case DECLARED:
              return ((DeclaredType) t).getTypeArguments().stream().anyMatch(a -> !isUnbounded(a));
            default:
              return false;
          }
        });
  }

  private static boolean isUnbounded(TypeMirror argument) {
    return argument.getKind() == TypeKind.WILDCARD
        && ((WildcardType) argument).getExtendsBound() == null
        && ((WildcardType) argument).getSuperBound() == null;
  }

  /**
   * The deprecated methods of {@code type}'s superclass, its own and inherited: overriding one is
   * a deprecation warning in the proxy. Most classes have none, and looking for a deprecated
   * declaration first spares reading the superclass's whole member scope (JFR, Commons Lang).
   */
  private List<ExecutableElement> deprecatedSuperclassMethods(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    if (superclass.getKind() != TypeKind.DECLARED) {
      return List.of();
    }
    TypeElement parent = (TypeElement) ((DeclaredType) superclass).asElement();
    return members.methodsIf(parent, elements::isDeprecated);
  }

  private void noteDeprecatedSignature(ExecutableElement executable, Set<String> keys) {
    noteDeprecated(executable, keys);
    SignatureTypes.of(executable).forEach(t -> noteDeprecatedTypes(t, keys));
  }

  /** A deprecated class named anywhere in {@code type}, or enclosing one named there. */
  private void noteDeprecatedTypes(TypeMirror type, Set<String> keys) {
    TypeWalk.forEach(
        type,
        t -> {
          if (t.getKind() == TypeKind.DECLARED) {
            for (Element e = ((DeclaredType) t).asElement();
                e instanceof TypeElement;
                e = e.getEnclosingElement()) {
              noteDeprecated(e, keys);
            }
          }
        });
  }

  private void noteDeprecated(Element element, Set<String> keys) {
    if (elements.isDeprecated(element)) {
      Deprecated deprecated = element.getAnnotation(Deprecated.class);
      keys.add(deprecated != null && deprecated.forRemoval() ? "removal" : "deprecation");
    }
  }
}
