package dev.hotrestart.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Whether javac's {@code -Xlint:overloads} could flag a proxy's factory: {@code
 * create(Computable<I, O>)} beside {@code create(Function<? super I, ? extends O>)} is
 * "potentially ambiguous", since a lambda argument fits both. The class's own constructors
 * with those parameters are not flagged (javac checks methods only), so a class that compiles
 * clean still needs the factories' warning suppressed. Overrides are never flagged (javac leaves
 * the problem with the methods they override), so only factories are checked here.
 *
 * <p>javac's rule (JDK-8024947): two methods of the same name, neither overriding the other, with
 * the same number of parameters once varargs are spread, where at each position the two
 * parameter types are subtypes one of the other or both functional interfaces whose method
 * takes the same number (at least one) of parameters, and at some position the latter holds
 * without the former. Each factory declares its own copy of the class's type variables, which
 * javac may or may not unify, so this answers yes whenever javac could: subtyping is tested on
 * erasures and any two different functional interface types count. An extra suppression is
 * harmless; a missing one fails {@code -Werror}.
 */
final class FactoryOverloads {

  private final Elements elements;
  private final Types types;
  private final AllMembers members;

  FactoryOverloads(Elements elements, Types types, AllMembers members) {
    this.elements = elements;
    this.members = members;
    this.types = types;
  }

  /**
   * Whether the factory for {@code constructor} may be flagged beside another factory (one per
   * constructor in {@code constructors}) or a method {@code create} the proxy inherits.
   */
  boolean mayBeFlagged(
      TypeElement type, ExecutableElement constructor, List<ExecutableElement> constructors) {
    List<TypeMirror> own = parameterTypes(constructor.getParameters());
    for (ExecutableElement other : constructors) {
      if (other != constructor
          && ambiguous(
              own,
              constructor.isVarArgs(),
              parameterTypes(other.getParameters()),
              other.isVarArgs())) {
        return true;
      }
    }
    for (ExecutableElement create : members.methodsNamed(type, "create")) {
      if (!create.getModifiers().contains(Modifier.PRIVATE)) {
        ExecutableType seen =
            (ExecutableType) types.asMemberOf((DeclaredType) type.asType(), create);
        List<TypeMirror> theirs = List.copyOf(seen.getParameterTypes());
        if (ambiguous(own, constructor.isVarArgs(), theirs, create.isVarArgs())) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<TypeMirror> parameterTypes(List<? extends VariableElement> parameters) {
    List<TypeMirror> types = new ArrayList<>();
    parameters.forEach(p -> types.add(p.asType()));
    return types;
  }

  private boolean ambiguous(
      List<TypeMirror> a, boolean aVarargs, List<TypeMirror> b, boolean bVarargs) {
    int length = Math.max(a.size(), b.size());
    List<TypeMirror> left = spread(a, aVarargs, length);
    List<TypeMirror> right = spread(b, bVarargs, length);
    if (left.size() != right.size()) {
      return false;
    }
    boolean lambdaFitsBoth = false;
    for (int i = 0; i < left.size(); i++) {
      TypeMirror s = left.get(i);
      TypeMirror t = right.get(i);
      boolean related =
          types.isSubtype(types.erasure(s), types.erasure(t))
              || types.isSubtype(types.erasure(t), types.erasure(s));
      OptionalInt sArity = lambdaArity(s);
      OptionalInt tArity = lambdaArity(t);
      boolean bothLambdas =
          sArity.isPresent()
              && tArity.isPresent()
              && sArity.getAsInt() > 0
              && sArity.getAsInt() == tArity.getAsInt();
      if (!related && !bothLambdas) {
        return false;
      }
      lambdaFitsBoth |= bothLambdas && !types.isSameType(s, t);
    }
    return lambdaFitsBoth;
  }

  /** javac's view of a varargs method in overload checks: the last parameter's element type. */
  private static List<TypeMirror> spread(List<TypeMirror> types, boolean varargs, int length) {
    if (!varargs || types.isEmpty()) {
      return types;
    }
    List<TypeMirror> spread = new ArrayList<>(types.subList(0, types.size() - 1));
    TypeMirror element = ((ArrayType) types.get(types.size() - 1)).getComponentType();
    do {
      spread.add(element);
    } while (spread.size() < length);
    return spread;
  }

  /**
   * How many parameters a lambda for {@code type} takes: the parameter count of its one
   * abstract method when it is a functional interface; empty otherwise.
   */
  private OptionalInt lambdaArity(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return OptionalInt.empty();
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    if (!elements.isFunctionalInterface(element)) {
      return OptionalInt.empty();
    }
    for (ExecutableElement method : members.methods(element)) {
      if (method.getModifiers().contains(Modifier.ABSTRACT) && !isObjectMethod(method)) {
        return OptionalInt.of(method.getParameters().size());
      }
    }
    return OptionalInt.empty();
  }

  /** An interface may redeclare {@code equals}, {@code hashCode} and {@code toString}. */
  private static boolean isObjectMethod(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    int parameters = method.getParameters().size();
    return (name.equals("equals")
            && parameters == 1
            && method.getParameters().get(0).asType().toString().equals("java.lang.Object"))
        || (name.equals("hashCode") && parameters == 0)
        || (name.equals("toString") && parameters == 0);
  }
}
