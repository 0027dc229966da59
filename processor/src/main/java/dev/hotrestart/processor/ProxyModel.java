package dev.hotrestart.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/**
 * Everything {@link ProxyWriter} needs to render one proxy, and nothing else: no elements, no
 * type mirrors. Built by {@link ProxyModelBuilder} from a validated {@link ProxyPlan}; immutable,
 * so rendering cannot depend on anything but these values (as AutoValue renders its template
 * from a plain vars object).
 *
 * @param annotatedClass the annotated class ({@code com.acme.Pipeline})
 * @param proxyClass the generated class ({@code com.acme.HotRestart_Pipeline})
 * @param isPublic whether the proxy is public (exactly when the annotated class is)
 * @param typeVariables the annotated class's type parameters, with bounds
 * @param superclass the annotated class applied to its own type variables ({@code Pipeline<T>})
 * @param proxyType the proxy applied to the same type variables ({@code HotRestart_Pipeline<T>})
 * @param suppressWarnings lint keys suppressed on the whole proxy (for example {@code
 *     deprecation} when the annotated class is deprecated)
 * @param serializable whether the proxy needs a {@code serialVersionUID}
 * @param slotPrefix prefix of the slot and invoker fields ({@code HR_}), chosen not to clash
 *     with any parameter name
 * @param alwaysQualify simple names JavaPoet must never import: type variables and member
 *     types the proxy inherits, which would shadow an imported class of the same simple name
 * @param methods the wrapped methods, in declaration order; method {@code i} uses slot {@code i}
 * @param factories one per non-private constructor, in declaration order
 * @param interfaceBounds binary names of the interfaces that are the first bound of a type
 *     variable the proxy declares: a class file's generic signature writes such a bound after
 *     two colons ({@code <K::Ljava/lang/Comparable<TK;>;>}), a class bound after one
 * @param nestedClasses the nested classes the proxy's class file names, for its {@code
 *     InnerClasses} attribute, in no particular order
 */
record ProxyModel(
    ClassName annotatedClass,
    ClassName proxyClass,
    boolean isPublic,
    List<TypeVariableName> typeVariables,
    TypeName superclass,
    TypeName proxyType,
    List<String> suppressWarnings,
    boolean serializable,
    String slotPrefix,
    Set<String> alwaysQualify,
    List<Method> methods,
    List<Factory> factories,
    Set<String> interfaceBounds,
    List<NestedClass> nestedClasses) {

  ProxyModel {
    interfaceBounds = Collections.unmodifiableSet(new TreeSet<>(interfaceBounds));
    nestedClasses = List.copyOf(nestedClasses);
    typeVariables = List.copyOf(typeVariables);
    suppressWarnings = List.copyOf(suppressWarnings);
    alwaysQualify = Collections.unmodifiableSet(new TreeSet<>(alwaysQualify));
    methods = List.copyOf(methods);
    factories = List.copyOf(factories);
  }

  /**
   * One parameter of a method or constructor.
   *
   * @param name the name in the source
   * @param type the declared type, with type annotations
   * @param erasure the erased type, for the slot's {@code MethodType}
   */
  record Parameter(String name, TypeName type, TypeName erasure) {}

  /**
   * One wrapped method: the override and its slot.
   *
   * @param name the method's name
   * @param modifiers the override's modifiers (visibility; never abstract, synchronized, native)
   * @param deprecated whether the original is deprecated (the override then is too)
   * @param suppressWarnings lint keys to suppress on the override ({@code unchecked}, {@code
   *     rawtypes})
   * @param typeVariables the method's own type parameters, with bounds
   * @param returnType the declared return type
   * @param castType the type the invoker's result is cast to (the return type without type
   *     annotations); {@code null} for void
   * @param erasedReturn the erased return type, for the {@code MethodType}
   * @param parameters the parameters in order
   * @param varargs whether the last parameter is variable-arity
   * @param exceptions the declared {@code throws} clause
   * @param propagated erased exception types that pass through without a prompt
   * @param thrownName the catch variable's name, distinct from every parameter name
   * @param erasedExceptions the erasure of each type in {@code exceptions}
   * @param bridges the bridge methods javac would add to the proxy for this override, in the
   *     order it would add them
   */
  record Method(
      String name,
      Set<Modifier> modifiers,
      boolean deprecated,
      List<String> suppressWarnings,
      List<TypeVariableName> typeVariables,
      TypeName returnType,
      TypeName castType,
      TypeName erasedReturn,
      List<Parameter> parameters,
      boolean varargs,
      List<TypeName> exceptions,
      List<TypeName> propagated,
      String thrownName,
      List<TypeName> erasedExceptions,
      List<Bridge> bridges) {

    Method {
      erasedExceptions = List.copyOf(erasedExceptions);
      bridges = List.copyOf(bridges);
      modifiers = ordered(modifiers);
      suppressWarnings = List.copyOf(suppressWarnings);
      typeVariables = List.copyOf(typeVariables);
      parameters = List.copyOf(parameters);
      exceptions = List.copyOf(exceptions);
      propagated = List.copyOf(propagated);
    }

    boolean returnsVoid() {
      return castType == null;
    }
  }

  /**
   * One constructor of the annotated class: the proxy's private constructor calling it and the
   * public (or protected, or package-private) static factory calling that.
   *
   * @param visibility the constructor's visibility modifier, empty for package-private
   * @param deprecated whether the constructor is deprecated (the factory then is too)
   * @param safeVarargs whether the constructor is {@code @SafeVarargs} (the factory then is too)
   * @param constructorSuppressWarnings lint keys to suppress on the constructor ({@code
   *     rawtypes}, {@code unchecked}, {@code varargs})
   * @param factorySuppressWarnings lint keys to suppress on the factory: the constructor's, and
   *     {@code overloads} where javac may find it ambiguous with another {@code create}
   * @param constructorTypeVariables the constructor's own type parameters, with bounds
   * @param factoryTypeVariables the class's type parameters then the constructor's, renamed
   *     where they clash
   * @param returnType the factory's return type ({@code Pipeline<T>})
   * @param constructorParameters the constructor's parameters
   * @param factoryParameters the same parameters with renamed type variables
   * @param varargs whether the last parameter is variable-arity
   * @param constructorExceptions the constructor's {@code throws} clause
   * @param factoryExceptions the same with renamed type variables
   * @param javadocLink the constructor as a Javadoc reference target ({@code
   *     Pipeline#Pipeline(Config)}), with {@code $T} placeholders bound to {@code javadocTypes}
   * @param javadocTypes the erased types in {@code javadocLink}
   * @param erasedExceptions the erasure of each type in {@code constructorExceptions}
   */
  record Factory(
      Set<Modifier> visibility,
      boolean deprecated,
      boolean safeVarargs,
      List<String> constructorSuppressWarnings,
      List<String> factorySuppressWarnings,
      List<TypeVariableName> constructorTypeVariables,
      List<TypeVariableName> factoryTypeVariables,
      TypeName returnType,
      List<Parameter> constructorParameters,
      List<Parameter> factoryParameters,
      boolean varargs,
      List<TypeName> constructorExceptions,
      List<TypeName> factoryExceptions,
      String javadocLink,
      List<TypeName> javadocTypes,
      List<TypeName> erasedExceptions) {

    Factory {
      erasedExceptions = List.copyOf(erasedExceptions);
      visibility = ordered(visibility);
      constructorSuppressWarnings = List.copyOf(constructorSuppressWarnings);
      factorySuppressWarnings = List.copyOf(factorySuppressWarnings);
      constructorTypeVariables = List.copyOf(constructorTypeVariables);
      factoryTypeVariables = List.copyOf(factoryTypeVariables);
      constructorParameters = List.copyOf(constructorParameters);
      factoryParameters = List.copyOf(factoryParameters);
      constructorExceptions = List.copyOf(constructorExceptions);
      factoryExceptions = List.copyOf(factoryExceptions);
      javadocTypes = List.copyOf(javadocTypes);
    }
  }

  /**
   * A bridge method: an overridden method of a supertype whose erasure differs from the
   * override's ({@code compareTo(Object)} for {@code compareTo(Foo)}). The source rendering gets
   * it from javac; the class file writer writes it.
   *
   * @param parameters the overridden method's erased parameter types
   * @param returnType its erased return type
   * @param exceptions its erased {@code throws} clause
   */
  record Bridge(List<TypeName> parameters, TypeName returnType, List<TypeName> exceptions) {

    Bridge {
      parameters = List.copyOf(parameters);
      exceptions = List.copyOf(exceptions);
    }
  }

  /**
   * A nested class named in the proxy's class file, as its {@code InnerClasses} attribute lists
   * it.
   *
   * @param binaryName the class's binary name ({@code com.acme.Outer$Inner})
   * @param outerBinaryName its enclosing class's binary name
   * @param simpleName its simple name
   * @param access its access flags as javac writes them there (static, interface, abstract ...)
   */
  record NestedClass(String binaryName, String outerBinaryName, String simpleName, int access) {}

  /** An unmodifiable copy that iterates in declaration order, so output is deterministic. */
  private static Set<Modifier> ordered(Set<Modifier> modifiers) {
    return modifiers.isEmpty()
        ? Set.of()
        : Collections.unmodifiableSet(EnumSet.copyOf(modifiers));
  }
}
