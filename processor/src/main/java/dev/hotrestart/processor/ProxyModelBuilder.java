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
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Turns a validated {@link ProxyPlan} into the {@link ProxyModel} that is rendered: JavaPoet
 * names for every type ({@link TypeNames}), the lint keys each part suppresses ({@link LintKeys}),
 * and the names the proxy must choose so that it captures none of the class's. Reports nothing:
 * validation is over.
 */
final class ProxyModelBuilder {

  private final Elements elements;
  private final Types types;
  private final AllMembers members;
  private final LintKeys lint;

  ProxyModelBuilder(Elements elements, Types types, AllMembers members) {
    this.elements = elements;
    this.types = types;
    this.members = members;
    this.lint = new LintKeys(elements, types, members);
  }

  /**
   * Builds the model of {@code plan}'s proxy for one form. Each form leaves out what only the
   * other reads: a class file carries no {@code @SuppressWarnings} and imports nothing, so it
   * needs neither the lint keys nor the names JavaPoet must qualify; a source leaves bridges,
   * {@code InnerClasses} entries and erased bounds to javac. Each of these reads elements of the
   * class and its supertypes again, cold, for every proxy of the compile.
   *
   * @param classFile whether the model is for {@link ProxyClassWriter}, else for {@link
   *     ProxyWriter}
   */
  ProxyModel build(ProxyPlan plan, boolean classFile) {
    TypeElement type = plan.type();
    ClassName annotatedClass = ClassName.get(type);
    ClassName proxyClass = ClassName.get(annotatedClass.packageName(), Names.proxySimpleName(type));
    TypeNames annotated = TypeNames.annotated();

    List<TypeVariableName> typeVariables = new ArrayList<>();
    List<TypeName> typeArguments = new ArrayList<>();
    for (TypeParameterElement parameter : type.getTypeParameters()) {
      typeVariables.add(annotated.declaration(parameter));
      typeArguments.add(TypeVariableName.get(parameter.getSimpleName().toString()));
    }
    TypeName superclass = parameterized(annotatedClass, typeArguments);
    TypeName proxyType = parameterized(proxyClass, typeArguments);

    Set<String> parameterNames = new HashSet<>();
    plan.methods()
        .forEach(w -> w.method().getParameters().forEach(p -> parameterNames.add(name(p))));
    String slotPrefix = "HR_";
    while (clashes(slotPrefix, parameterNames)) {
      slotPrefix = slotPrefix + "_";
    }

    ClassFileFacts facts = classFile ? new ClassFileFacts(elements, types) : null;
    if (classFile) {
      facts.nameType(type.asType());
      type.getTypeParameters().forEach(facts::declare);
    }
    LintKeys lint = classFile ? null : this.lint;
    List<ProxyModel.Method> methods = new ArrayList<>();
    List<ExecutableElement> wrapped = new ArrayList<>();
    for (ProxyPlan.Wrapped method : plan.methods()) {
      methods.add(method(type, method, facts, lint));
      wrapped.add(method.method());
    }
    List<ProxyModel.Factory> factories = new ArrayList<>();
    for (ExecutableElement constructor : plan.constructors()) {
      factories.add(factory(type, constructor, plan.constructors(), superclass, lint));
      if (classFile) {
        facts.name(constructor);
      }
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
        classFile ? List.of() : List.copyOf(lint.forProxy(type, wrapped, plan.constructors())),
        isSerializable,
        slotPrefix,
        classFile ? Set.of() : alwaysQualify(type, typeVariables, methods, factories),
        methods,
        factories,
        classFile ? facts.interfaceBounds() : Set.of(),
        classFile ? facts.nestedClasses() : List.of());
  }

  /**
   * Simple names JavaPoet must never import: every type variable the proxy declares (a class
   * of that name imported would be hidden by it), and the member types the proxy inherits (a
   * nested class Pipeline.MethodHandle would capture the simple name MethodHandle).
   */
  private Set<String> alwaysQualify(
      TypeElement type,
      List<TypeVariableName> typeVariables,
      List<ProxyModel.Method> methods,
      List<ProxyModel.Factory> factories) {
    Set<String> names = new TreeSet<>();
    typeVariables.forEach(v -> names.add(v.name()));
    for (ProxyModel.Method method : methods) {
      method.typeVariables().forEach(v -> names.add(v.name()));
    }
    for (ProxyModel.Factory factory : factories) {
      factory.constructorTypeVariables().forEach(v -> names.add(v.name()));
      factory.factoryTypeVariables().forEach(v -> names.add(v.name()));
    }
    for (TypeElement member : members.types(type)) {
      names.add(member.getSimpleName().toString());
    }
    return names;
  }

  private static boolean clashes(String prefix, Set<String> parameterNames) {
    return parameterNames.stream()
        .anyMatch(n -> n.equals(prefix + "SLOTS") || n.startsWith(prefix + "CALL_"));
  }

  /**
   * @param facts what a class file needs that javac works out itself from a source, or null for
   *     a source
   * @param lint the lint keys' reader, or null for a class file
   */
  private ProxyModel.Method method(
      TypeElement type, ProxyPlan.Wrapped wrapped, ClassFileFacts facts, LintKeys lint) {
    ExecutableElement method = wrapped.method();
    if (facts != null) {
      facts.name(method);
    }
    TypeNames annotated = TypeNames.annotated();
    TypeNames plain = TypeNames.plain();

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
    }
    TypeMirror returnType = method.getReturnType();
    boolean isVoid = returnType.getKind() == TypeKind.VOID;
    List<ProxyModel.Parameter> parameters = parameters(method, annotated);

    Set<String> parameterNames = new HashSet<>();
    parameters.forEach(p -> parameterNames.add(p.name()));
    String thrownName = "e";
    for (int i = 1; parameterNames.contains(thrownName); i++) {
      thrownName = "e" + i;
    }

    List<TypeName> propagated = new ArrayList<>();
    wrapped.propagate().forEach(t -> propagated.add(plain.get(types.erasure(t))));
    return new ProxyModel.Method(
        method.getSimpleName().toString(),
        modifiers,
        elements.isDeprecated(method),
        lint == null ? List.of() : List.copyOf(lint.forOverride(method)),
        typeVariables,
        annotated.get(returnType),
        isVoid ? null : plain.get(returnType),
        plain.get(types.erasure(returnType)),
        parameters,
        method.isVarArgs(),
        annotated.list(method.getThrownTypes()),
        propagated,
        thrownName,
        erasures(method.getThrownTypes()),
        facts == null ? List.of() : facts.bridges(type, method));
  }

  private List<TypeName> erasures(List<? extends TypeMirror> thrown) {
    List<TypeName> erased = new ArrayList<>();
    thrown.forEach(t -> erased.add(TypeNames.plain().get(types.erasure(t))));
    return erased;
  }

  private ProxyModel.Factory factory(
      TypeElement type,
      ExecutableElement constructor,
      List<ExecutableElement> constructors,
      TypeName returnType,
      LintKeys lint) {
    TypeNames annotated = TypeNames.annotated();

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
    TypeNames renaming = TypeNames.renaming(renamed);

    List<TypeVariableName> constructorTypeVariables = new ArrayList<>();
    List<TypeVariableName> factoryTypeVariables = new ArrayList<>();
    type.getTypeParameters().forEach(p -> factoryTypeVariables.add(annotated.declaration(p)));
    for (TypeParameterElement parameter : constructor.getTypeParameters()) {
      constructorTypeVariables.add(annotated.declaration(parameter));
      factoryTypeVariables.add(renaming.declaration(parameter));
    }
    List<ProxyModel.Parameter> constructorParameters = parameters(constructor, annotated);
    List<ProxyModel.Parameter> factoryParameters = parameters(constructor, renaming);

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
        Annotations.has(constructor, "java.lang.SafeVarargs"),
        lint == null ? List.of() : List.copyOf(lint.forConstructor(constructor)),
        lint == null ? List.of() : List.copyOf(lint.forFactory(type, constructor, constructors)),
        constructorTypeVariables,
        factoryTypeVariables,
        returnType,
        constructorParameters,
        factoryParameters,
        constructor.isVarArgs(),
        annotated.list(constructor.getThrownTypes()),
        renaming.list(constructor.getThrownTypes()),
        link.toString(),
        linkTypes,
        erasures(constructor.getThrownTypes()));
  }

  private List<ProxyModel.Parameter> parameters(ExecutableElement executable, TypeNames names) {
    List<ProxyModel.Parameter> parameters = new ArrayList<>();
    for (VariableElement parameter : executable.getParameters()) {
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
}
