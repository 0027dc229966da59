package dev.hotrestart.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Turns a validated {@link ProxyPlan} into the {@link ProxyModel} that is rendered. */
final class ProxyModelBuilder {

  /** The prefix of every generated class name. */
  static final String PROXY_PREFIX = "HotRestart_";

  private final Elements elements;
  private final Types types;

  ProxyModelBuilder(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** {@code HotRestart_Outer_Inner} for {@code Outer.Inner}. */
  static String proxySimpleName(TypeElement type) {
    return PROXY_PREFIX + ProxyValidator.name(type).replace('.', '_');
  }

  ProxyModel build(ProxyPlan plan) {
    TypeElement type = plan.type();
    ClassName annotatedClass = ClassName.get(type);
    ClassName proxyClass = ClassName.get(annotatedClass.packageName(), proxySimpleName(type));
    TypeNames annotated = TypeNames.annotated();

    List<TypeVariableName> typeVariables = new ArrayList<>();
    List<TypeName> typeArguments = new ArrayList<>();
    Set<String> alwaysQualify = new TreeSet<>();
    for (TypeParameterElement parameter : type.getTypeParameters()) {
      typeVariables.add(annotated.declaration(parameter));
      typeArguments.add(TypeVariableName.get(parameter.getSimpleName().toString()));
      alwaysQualify.add(parameter.getSimpleName().toString());
    }
    TypeName superclass = parameterized(annotatedClass, typeArguments);
    TypeName proxyType = parameterized(proxyClass, typeArguments);
    // Member types inherited by the proxy shadow imports: a nested class Pipeline.MethodHandle
    // would capture the simple name MethodHandle, so JavaPoet must qualify such names.
    for (TypeElement member : ElementFilter.typesIn(elements.getAllMembers(type))) {
      alwaysQualify.add(member.getSimpleName().toString());
    }

    Set<String> classWarnings = new TreeSet<>();
    for (TypeParameterElement parameter : type.getTypeParameters()) {
      parameter.getBounds().forEach(bound -> addRawTypes(bound, classWarnings));
    }
    noteDeprecation(type, classWarnings);

    Set<String> parameterNames = new HashSet<>();
    plan.methods()
        .forEach(w -> w.method().getParameters().forEach(p -> parameterNames.add(name(p))));
    String slotPrefix = "HR_";
    while (clashes(slotPrefix, parameterNames)) {
      slotPrefix = slotPrefix + "_";
    }

    List<ExecutableElement> inherited = superclassMethods(type);
    List<ProxyModel.Method> methods = new ArrayList<>();
    for (ProxyPlan.Wrapped wrapped : plan.methods()) {
      methods.add(method(type, wrapped, inherited, classWarnings, alwaysQualify));
    }
    List<ProxyModel.Factory> factories = new ArrayList<>();
    for (ExecutableElement constructor : plan.constructors()) {
      factories.add(factory(type, constructor, superclass, classWarnings, alwaysQualify));
    }

    TypeElement serializable = elements.getTypeElement("java.io.Serializable");
    boolean isSerializable =
        serializable != null
            && types.isAssignable(types.erasure(type.asType()), serializable.asType());
    return new ProxyModel(
        annotatedClass,
        proxyClass,
        type.getModifiers().contains(Modifier.PUBLIC),
        typeVariables,
        superclass,
        proxyType,
        List.copyOf(classWarnings),
        isSerializable,
        slotPrefix,
        alwaysQualify,
        methods,
        factories);
  }

  private static boolean clashes(String prefix, Set<String> parameterNames) {
    return parameterNames.stream()
        .anyMatch(n -> n.startsWith(prefix + "SLOT_") || n.startsWith(prefix + "CALL_"));
  }

  private ProxyModel.Method method(
      TypeElement type,
      ProxyPlan.Wrapped wrapped,
      List<ExecutableElement> inherited,
      Set<String> classWarnings,
      Set<String> alwaysQualify) {
    ExecutableElement method = wrapped.method();
    TypeNames annotated = TypeNames.annotated();
    TypeNames plain = TypeNames.plain();
    Set<String> suppress = new TreeSet<>();

    Set<Modifier> modifiers = EnumSet.noneOf(Modifier.class);
    for (Modifier modifier : method.getModifiers()) {
      // Only visibility is kept: the rest is excluded by validation (static, final, private) or
      // belongs to the original's code (abstract, synchronized, native, strictfp: the super call
      // still takes the monitor of a synchronized original).
      if (modifier == Modifier.PUBLIC || modifier == Modifier.PROTECTED) {
        modifiers.add(modifier);
      }
    }
    List<TypeVariableName> typeVariables = new ArrayList<>();
    for (TypeParameterElement parameter : method.getTypeParameters()) {
      typeVariables.add(annotated.declaration(parameter));
      alwaysQualify.add(parameter.getSimpleName().toString());
      parameter.getBounds().forEach(bound -> addRawTypes(bound, suppress));
    }
    TypeMirror returnType = method.getReturnType();
    boolean isVoid = returnType.getKind() == TypeKind.VOID;
    if (!isVoid && !isReifiable(returnType)) {
      // (T) or (List<String>) applied to invokeExact's Object result.
      suppress.add("unchecked");
    }
    addRawTypes(returnType, suppress);
    List<ProxyModel.Parameter> parameters = parameters(method, annotated, suppress);
    if (method.isVarArgs() && !isReifiableVarargs(method)) {
      // The same "possible heap pollution" warning the original has; @SafeVarargs is not allowed
      // on an overridable method.
      suppress.add("unchecked");
    }

    Set<String> parameterNames = new HashSet<>();
    parameters.forEach(p -> parameterNames.add(p.name()));
    String thrownName = "e";
    for (int i = 1; parameterNames.contains(thrownName); i++) {
      thrownName = "e" + i;
    }
    noteDeprecation(method, classWarnings);
    noteOverriddenDeprecation(type, method, inherited, classWarnings);

    List<TypeName> propagated = new ArrayList<>();
    wrapped.propagate().forEach(t -> propagated.add(plain.get(types.erasure(t))));
    return new ProxyModel.Method(
        method.getSimpleName().toString(),
        modifiers,
        elements.isDeprecated(method),
        List.copyOf(suppress),
        typeVariables,
        annotated.get(returnType),
        isVoid ? null : plain.get(returnType),
        plain.get(types.erasure(returnType)),
        parameters,
        method.isVarArgs(),
        annotated.list(method.getThrownTypes()),
        propagated,
        thrownName);
  }

  private ProxyModel.Factory factory(
      TypeElement type,
      ExecutableElement constructor,
      TypeName returnType,
      Set<String> classWarnings,
      Set<String> alwaysQualify) {
    TypeNames annotated = TypeNames.annotated();
    Set<String> suppress = new TreeSet<>();

    // The static factory declares the class's type parameters and then the constructor's; a
    // constructor type parameter that reuses a class type parameter's name must be renamed.
    Set<String> taken = new HashSet<>();
    type.getTypeParameters().forEach(p -> taken.add(p.getSimpleName().toString()));
    constructor.getTypeParameters().forEach(p -> taken.add(p.getSimpleName().toString()));
    Map<String, String> renamed = new HashMap<>();
    Set<String> classNames = new LinkedHashSet<>();
    type.getTypeParameters().forEach(p -> classNames.add(p.getSimpleName().toString()));
    for (TypeParameterElement parameter : constructor.getTypeParameters()) {
      String name = parameter.getSimpleName().toString();
      if (classNames.contains(name)) {
        String fresh = name;
        for (int i = 2; taken.contains(fresh); i++) {
          fresh = name + i;
        }
        taken.add(fresh);
        renamed.put(name, fresh);
      }
    }
    alwaysQualify.addAll(taken);
    TypeNames renaming = TypeNames.renaming(renamed);

    List<TypeVariableName> constructorTypeVariables = new ArrayList<>();
    List<TypeVariableName> factoryTypeVariables = new ArrayList<>();
    type.getTypeParameters().forEach(p -> factoryTypeVariables.add(annotated.declaration(p)));
    for (TypeParameterElement parameter : constructor.getTypeParameters()) {
      constructorTypeVariables.add(annotated.declaration(parameter));
      factoryTypeVariables.add(renaming.declaration(parameter));
      parameter.getBounds().forEach(bound -> addRawTypes(bound, suppress));
    }
    List<ProxyModel.Parameter> constructorParameters =
        parameters(constructor, annotated, suppress);
    List<ProxyModel.Parameter> factoryParameters = parameters(constructor, renaming, suppress);
    boolean safeVarargs = Annotations.has(constructor, "java.lang.SafeVarargs");
    if (constructor.isVarArgs() && !isReifiableVarargs(constructor)) {
      // Without @SafeVarargs: the original's "possible heap pollution" warning. With it: passing
      // the array on to the next constructor is the "varargs" lint, safe since it is unchanged.
      suppress.add(safeVarargs ? "varargs" : "unchecked");
    }
    noteDeprecation(constructor, classWarnings);

    Set<Modifier> visibility = EnumSet.noneOf(Modifier.class);
    if (constructor.getModifiers().contains(Modifier.PUBLIC)) {
      visibility.add(Modifier.PUBLIC);
    } else if (constructor.getModifiers().contains(Modifier.PROTECTED)) {
      visibility.add(Modifier.PROTECTED);
    }

    StringBuilder link = new StringBuilder("$T#").append(type.getSimpleName()).append('(');
    List<TypeName> linkTypes = new ArrayList<>();
    linkTypes.add(ClassName.get(type));
    for (ProxyModel.Parameter parameter : constructorParameters) {
      link.append(linkTypes.size() > 1 ? ", $T" : "$T");
      linkTypes.add(parameter.erasure());
    }
    link.append(')');

    return new ProxyModel.Factory(
        visibility,
        elements.isDeprecated(constructor),
        safeVarargs,
        List.copyOf(suppress),
        constructorTypeVariables,
        factoryTypeVariables,
        returnType,
        constructorParameters,
        factoryParameters,
        constructor.isVarArgs(),
        annotated.list(constructor.getThrownTypes()),
        renaming.list(constructor.getThrownTypes()),
        link.toString(),
        linkTypes);
  }

  private List<ProxyModel.Parameter> parameters(
      ExecutableElement executable, TypeNames names, Set<String> suppress) {
    List<ProxyModel.Parameter> parameters = new ArrayList<>();
    for (VariableElement parameter : executable.getParameters()) {
      addRawTypes(parameter.asType(), suppress);
      parameters.add(
          new ProxyModel.Parameter(
              name(parameter),
              names.get(parameter.asType()),
              TypeNames.plain().get(types.erasure(parameter.asType()))));
    }
    return parameters;
  }

  private static String name(VariableElement parameter) {
    return parameter.getSimpleName().toString();
  }

  private static TypeName parameterized(ClassName raw, List<TypeName> arguments) {
    return arguments.isEmpty()
        ? raw
        : ParameterizedTypeName.get(raw, arguments.toArray(new TypeName[0]));
  }

  // ---- lint: what the generated code must suppress to compile clean under -Xlint:all ----------

  private boolean isReifiableVarargs(ExecutableElement executable) {
    List<? extends VariableElement> parameters = executable.getParameters();
    TypeMirror last = parameters.get(parameters.size() - 1).asType();
    return last.getKind() != TypeKind.ARRAY
        || isReifiable(((ArrayType) last).getComponentType());
  }

  /** JLS 4.7: whether a cast to {@code type} is checked at run time in full. */
  private static boolean isReifiable(TypeMirror type) {
    switch (type.getKind()) {
      case ARRAY:
        return isReifiable(((ArrayType) type).getComponentType());
      case TYPEVAR:
      case INTERSECTION:
        return false;
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        for (TypeMirror argument : declared.getTypeArguments()) {
          if (argument.getKind() != TypeKind.WILDCARD
              || ((WildcardType) argument).getExtendsBound() != null
              || ((WildcardType) argument).getSuperBound() != null) {
            return false;
          }
        }
        TypeMirror enclosing = declared.getEnclosingType();
        return enclosing.getKind() != TypeKind.DECLARED || isReifiable(enclosing);
      default:
        return true;
    }
  }

  /** Adds {@code rawtypes} when {@code type} mentions a generic class without arguments. */
  private static void addRawTypes(TypeMirror type, Set<String> suppress) {
    if (mentionsRawType(type)) {
      suppress.add("rawtypes");
    }
  }

  private static boolean mentionsRawType(TypeMirror type) {
    switch (type.getKind()) {
      case ARRAY:
        return mentionsRawType(((ArrayType) type).getComponentType());
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        return (wildcard.getExtendsBound() != null && mentionsRawType(wildcard.getExtendsBound()))
            || (wildcard.getSuperBound() != null && mentionsRawType(wildcard.getSuperBound()));
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        if (declared.getTypeArguments().isEmpty() && !element.getTypeParameters().isEmpty()) {
          return true;
        }
        return declared.getTypeArguments().stream().anyMatch(ProxyModelBuilder::mentionsRawType);
      default:
        return false;
    }
  }

  /**
   * The proxy extends the class, calls its constructors and names the types of its signatures:
   * each use of a deprecated one would warn, so the proxy suppresses those warnings instead.
   */
  private void noteDeprecation(Element element, Set<String> classWarnings) {
    List<TypeMirror> mentioned = new ArrayList<>();
    if (element instanceof ExecutableElement) {
      ExecutableElement executable = (ExecutableElement) element;
      noteDeprecated(executable, classWarnings);
      mentioned.add(executable.getReturnType());
      executable.getParameters().forEach(p -> mentioned.add(p.asType()));
      mentioned.addAll(executable.getThrownTypes());
      executable.getTypeParameters().forEach(p -> mentioned.addAll(p.getBounds()));
    } else {
      for (Element e = element; e instanceof TypeElement; e = e.getEnclosingElement()) {
        noteDeprecated(e, classWarnings);
      }
      ((TypeElement) element)
          .getTypeParameters()
          .forEach(p -> mentioned.addAll(p.getBounds()));
    }
    mentioned.forEach(t -> noteDeprecatedTypes(t, classWarnings));
  }

  /** The methods of {@code type}'s superclass, its own and inherited: read once per class. */
  private List<ExecutableElement> superclassMethods(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    if (superclass.getKind() != TypeKind.DECLARED) {
      return List.of();
    }
    TypeElement parent = (TypeElement) ((DeclaredType) superclass).asElement();
    return ElementFilter.methodsIn(elements.getAllMembers(parent));
  }

  private void noteOverriddenDeprecation(
      TypeElement type,
      ExecutableElement method,
      List<ExecutableElement> inherited,
      Set<String> classWarnings) {
    for (ExecutableElement other : inherited) {
      if (other.getSimpleName().equals(method.getSimpleName())
          && elements.overrides(method, other, type)) {
        noteDeprecated(other, classWarnings);
      }
    }
  }

  private void noteDeprecatedTypes(TypeMirror type, Set<String> classWarnings) {
    switch (type.getKind()) {
      case ARRAY:
        noteDeprecatedTypes(((ArrayType) type).getComponentType(), classWarnings);
        break;
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getExtendsBound() != null) {
          noteDeprecatedTypes(wildcard.getExtendsBound(), classWarnings);
        }
        if (wildcard.getSuperBound() != null) {
          noteDeprecatedTypes(wildcard.getSuperBound(), classWarnings);
        }
        break;
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        for (Element e = declared.asElement();
            e instanceof TypeElement;
            e = e.getEnclosingElement()) {
          noteDeprecated(e, classWarnings);
        }
        declared.getTypeArguments().forEach(t -> noteDeprecatedTypes(t, classWarnings));
        break;
      default:
        break;
    }
  }

  private void noteDeprecated(Element element, Set<String> classWarnings) {
    if (elements.isDeprecated(element)) {
      Deprecated deprecated = element.getAnnotation(Deprecated.class);
      classWarnings.add(deprecated != null && deprecated.forRemoval() ? "removal" : "deprecation");
    }
  }
}
