package dev.hotrestart.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * The one walk over how types nest: an array's component type, a wildcard's bound, a declared
 * type's enclosing type ({@code Outer<T>} in {@code Outer<T>.Inner}) and its type arguments.
 * Whatever the processor reads in a type (names for messages, JavaPoet names, private or
 * undefined types, raw or deprecated types, reifiability) goes through {@link #fold}, so every
 * reader sees the same parts.
 *
 * <p>A type variable is a leaf: its bounds belong to its declaration, where they are read.
 */
final class TypeWalk {

  private TypeWalk() {}

  /**
   * What a walk makes of each kind of type, given what it made of the types nested in it.
   *
   * @param <R> what the walk makes
   */
  interface Fold<R> {

    /**
     * A type with nothing nested in it: a primitive type, {@code void}, a type variable, an
     * undefined type ({@link TypeKind#ERROR}), an intersection or anything else.
     */
    R leaf(TypeMirror type);

    /** An array type, and what was made of its component type. */
    R array(ArrayType type, R component);

    /**
     * A wildcard, and what was made of its bound, {@code null} for {@code ?}; {@code
     * type.getSuperBound() != null} tells a {@code super} bound from an {@code extends} one.
     */
    R wildcard(WildcardType type, R bound);

    /**
     * A declared type, what was made of its enclosing type ({@code null} unless that is a
     * declared type, as for an inner class) and of each of its type arguments, in order.
     */
    R declared(DeclaredType type, R enclosing, List<R> arguments);
  }

  /** Folds {@code type} bottom-up: each nested type first, then {@code type} itself. */
  static <R> R fold(TypeMirror type, Fold<R> fold) {
    switch (type.getKind()) {
      case ARRAY:
        return fold.array((ArrayType) type, fold(((ArrayType) type).getComponentType(), fold));
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        TypeMirror bound =
            wildcard.getExtendsBound() != null
                ? wildcard.getExtendsBound()
                : wildcard.getSuperBound();
        return fold.wildcard(wildcard, bound == null ? null : fold(bound, fold));
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        TypeMirror enclosingType = declared.getEnclosingType();
        R enclosing =
            enclosingType.getKind() == TypeKind.DECLARED ? fold(enclosingType, fold) : null;
        List<R> arguments = new ArrayList<>(declared.getTypeArguments().size());
        for (TypeMirror argument : declared.getTypeArguments()) {
          arguments.add(fold(argument, fold));
        }
        return fold.declared(declared, enclosing, arguments);
      default:
        return fold.leaf(type);
    }
  }

  /** Calls {@code action} on {@code type} and on every type nested in it. */
  static void forEach(TypeMirror type, Consumer<? super TypeMirror> action) {
    first(
        type,
        t -> {
          action.accept(t);
          return Optional.empty();
        });
  }

  /** Whether {@code type} or a type nested in it matches. */
  static boolean anyMatch(TypeMirror type, Predicate<? super TypeMirror> test) {
    return first(type, t -> test.test(t) ? Optional.of(t) : Optional.empty()).isPresent();
  }

  /**
   * The first non-empty result of {@code probe}, trying {@code type} before the types nested in
   * it, and those in order (enclosing type, then type arguments left to right).
   */
  static <T> Optional<T> first(
      TypeMirror type, Function<? super TypeMirror, Optional<T>> probe) {
    return fold(
        type,
        new Fold<Optional<T>>() {
          @Override
          public Optional<T> leaf(TypeMirror leaf) {
            return probe.apply(leaf);
          }

          @Override
          public Optional<T> array(ArrayType array, Optional<T> component) {
            return probe.apply(array).or(() -> component);
          }

          @Override
          public Optional<T> wildcard(WildcardType wildcard, Optional<T> bound) {
            Optional<T> own = probe.apply(wildcard);
            return own.isPresent() || bound == null ? own : bound;
          }

          @Override
          public Optional<T> declared(
              DeclaredType declared, Optional<T> enclosing, List<Optional<T>> arguments) {
            Optional<T> own = probe.apply(declared);
            if (own.isPresent()) {
              return own;
            }
            if (enclosing != null && enclosing.isPresent()) {
              return enclosing;
            }
            for (Optional<T> argument : arguments) {
              if (argument.isPresent()) {
                return argument;
              }
            }
            return Optional.empty();
          }
        });
  }
}
