package dev.hotrestart.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * Converts {@link TypeMirror}s to JavaPoet {@link TypeName}s.
 *
 * <p>JavaPoet's own {@code TypeName.get(TypeMirror)} drops type annotations and cannot rename
 * type variables; the proxy needs both: type-use annotations such as {@code @Nullable} are kept
 * on the overriding signature, and a static factory that merges the class's and a generic
 * constructor's type parameters must rename the constructor's when both use the same name.
 */
final class TypeNames {

  private final Map<String, String> renamedTypeVariables;
  private final boolean withAnnotations;

  private TypeNames(Map<String, String> renamedTypeVariables, boolean withAnnotations) {
    this.renamedTypeVariables = Map.copyOf(renamedTypeVariables);
    this.withAnnotations = withAnnotations;
  }

  /** Converts with type annotations and no renaming. */
  static TypeNames annotated() {
    return new TypeNames(Map.of(), true);
  }

  /** Converts without any type annotation, as needed in casts and class literals. */
  static TypeNames plain() {
    return new TypeNames(Map.of(), false);
  }

  /**
   * Converts with type annotations, renaming type variables by name.
   *
   * @param renamed old name to new name; only type variables of the factory's constructor are in
   *     it, and they shadow any other variable of the same name, as in the source
   */
  static TypeNames renaming(Map<String, String> renamed) {
    return new TypeNames(renamed, true);
  }

  TypeName get(TypeMirror type) {
    return TypeWalk.fold(type, fold);
  }

  List<TypeName> list(List<? extends TypeMirror> types) {
    List<TypeName> names = new ArrayList<>(types.size());
    for (TypeMirror type : types) {
      names.add(get(type));
    }
    return List.copyOf(names);
  }

  /** The declaration of a type variable, with its bounds ({@code T extends Number & Cmp<T>}). */
  TypeVariableName declaration(TypeParameterElement parameter) {
    String name = rename(parameter.getSimpleName().toString());
    List<TypeName> bounds = new ArrayList<>();
    for (TypeMirror bound : parameter.getBounds()) {
      // A lone Object bound is what javac reports for an unbounded variable: not written.
      if (!isJavaLangObject(bound) || parameter.getBounds().size() > 1) {
        bounds.add(get(bound));
      }
    }
    return TypeVariableName.get(name, bounds.toArray(new TypeName[0]));
  }

  private String rename(String name) {
    return renamedTypeVariables.getOrDefault(name, name);
  }

  private static boolean isJavaLangObject(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals("java.lang.Object");
  }

  private <T extends TypeName> TypeName annotate(T name, TypeMirror type) {
    if (!withAnnotations || type.getAnnotationMirrors().isEmpty()) {
      return name;
    }
    List<AnnotationSpec> annotations = new ArrayList<>();
    type.getAnnotationMirrors().forEach(mirror -> annotations.add(AnnotationSpec.get(mirror)));
    return name.annotated(annotations);
  }

  private final TypeWalk.Fold<TypeName> fold =
      new TypeWalk.Fold<>() {
        @Override
        public TypeName leaf(TypeMirror type) {
          switch (type.getKind()) {
            case BOOLEAN:
              return annotate(TypeName.BOOLEAN, type);
            case BYTE:
              return annotate(TypeName.BYTE, type);
            case SHORT:
              return annotate(TypeName.SHORT, type);
            case INT:
              return annotate(TypeName.INT, type);
            case LONG:
              return annotate(TypeName.LONG, type);
            case CHAR:
              return annotate(TypeName.CHAR, type);
            case FLOAT:
              return annotate(TypeName.FLOAT, type);
            case DOUBLE:
              return annotate(TypeName.DOUBLE, type);
            case VOID:
              return TypeName.VOID;
            case TYPEVAR:
              String name = rename(((TypeVariable) type).asElement().getSimpleName().toString());
              return annotate(TypeVariableName.get(name), type);
            case ERROR:
              // Callers defer a type that names an undefined type; reaching this is a bug.
              throw new IllegalStateException("undefined type " + type);
            default:
              throw new IllegalArgumentException(
                  "unexpected type " + type + " (" + type.getKind() + ")");
          }
        }

        @Override
        public TypeName array(ArrayType type, TypeName component) {
          return annotate(ArrayTypeName.of(component), type);
        }

        @Override
        public TypeName wildcard(WildcardType type, TypeName bound) {
          TypeName name;
          if (bound == null) {
            name = WildcardTypeName.subtypeOf(Object.class);
          } else if (type.getSuperBound() != null) {
            name = WildcardTypeName.supertypeOf(bound);
          } else {
            name = WildcardTypeName.subtypeOf(bound);
          }
          return annotate(name, type);
        }

        @Override
        public TypeName declared(DeclaredType type, TypeName enclosing, List<TypeName> arguments) {
          TypeElement element = (TypeElement) type.asElement();
          if (enclosing instanceof ParameterizedTypeName
              && !element.getModifiers().contains(Modifier.STATIC)) {
            // Outer<T>.Inner<U>: the enclosing type's arguments must be written too.
            return ((ParameterizedTypeName) enclosing)
                .nestedClass(element.getSimpleName().toString(), arguments);
          }
          ClassName raw = ClassName.get(element);
          if (withAnnotations && !type.getAnnotationMirrors().isEmpty()) {
            // On the class name itself, so that a nested type reads Outer.@A Inner.
            raw = (ClassName) annotate(raw, type);
          }
          return arguments.isEmpty()
              ? raw
              : ParameterizedTypeName.get(raw, arguments.toArray(new TypeName[0]));
        }
      };
}
