package dev.hotrestart.processor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.objectweb.asm.Opcodes;

/**
 * What a class file of the proxy needs beyond its source: which type variable bounds are
 * interfaces, which nested classes it names, and the bridge methods javac would add. Javac works
 * these out itself when it compiles the source rendering; {@link ProxyClassWriter} writes the
 * class file directly, so {@link ProxyModelBuilder} records them in the model while the elements
 * are at hand.
 */
final class ClassFileFacts {

  private final Elements elements;
  private final Types types;
  private final Set<String> interfaceBounds = new TreeSet<>();
  private final Map<String, ProxyModel.NestedClass> nested = new TreeMap<>();
  private TypeElement inheritedOf;
  private Map<String, List<ExecutableElement>> inherited;

  ClassFileFacts(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** Records a type variable the proxy declares: its first bound, and the classes it names. */
  void declare(TypeParameterElement parameter) {
    List<? extends TypeMirror> bounds = parameter.getBounds();
    if (!bounds.isEmpty() && bounds.get(0).getKind() == TypeKind.DECLARED) {
      TypeElement first = (TypeElement) ((DeclaredType) bounds.get(0)).asElement();
      if (first.getKind().isInterface()) {
        interfaceBounds.add(elements.getBinaryName(first).toString());
      }
    }
    bounds.forEach(this::nameType);
  }

  /** Records the type variables and nested classes of a method or constructor's signature. */
  void name(ExecutableElement executable) {
    executable.getTypeParameters().forEach(this::declare);
    SignatureTypes.of(executable).forEach(this::nameType);
  }

  /** Records every nested class {@code type} names, with the classes enclosing it. */
  void nameType(TypeMirror type) {
    TypeWalk.forEach(
        type,
        t -> {
          if (t.getKind() == TypeKind.DECLARED) {
            nest((TypeElement) ((DeclaredType) t).asElement());
          }
        });
  }

  private void nest(TypeElement type) {
    for (TypeElement e = type;
        e.getNestingKind() == NestingKind.MEMBER;
        e = (TypeElement) e.getEnclosingElement()) {
      String name = elements.getBinaryName(e).toString();
      if (nested.containsKey(name)) {
        return;
      }
      TypeElement outer = (TypeElement) e.getEnclosingElement();
      nested.put(
          name,
          new ProxyModel.NestedClass(
              name,
              elements.getBinaryName(outer).toString(),
              e.getSimpleName().toString(),
              innerAccess(e)));
    }
  }

  /** The access flag javac writes for each modifier a nested class may have. */
  private static final Map<Modifier, Integer> INNER_ACCESS =
      Map.of(
          Modifier.PUBLIC, Opcodes.ACC_PUBLIC,
          Modifier.PRIVATE, Opcodes.ACC_PRIVATE,
          Modifier.PROTECTED, Opcodes.ACC_PROTECTED,
          Modifier.STATIC, Opcodes.ACC_STATIC,
          Modifier.FINAL, Opcodes.ACC_FINAL,
          Modifier.ABSTRACT, Opcodes.ACC_ABSTRACT);

  /** The flags javac writes for a class in an {@code InnerClasses} attribute. */
  private static int innerAccess(TypeElement type) {
    int access = 0;
    for (Modifier modifier : type.getModifiers()) {
      access |= INNER_ACCESS.getOrDefault(modifier, 0);
    }
    switch (type.getKind()) {
      case ANNOTATION_TYPE:
        return access | Opcodes.ACC_ANNOTATION | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT;
      case INTERFACE:
        return access | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT;
      case ENUM:
        return access | Opcodes.ACC_ENUM;
      default:
        return access;
    }
  }

  /** Binary names of the interfaces that are a declared type variable's first bound. */
  Set<String> interfaceBounds() {
    return Collections.unmodifiableSet(interfaceBounds);
  }

  /** The nested classes recorded so far, by binary name. */
  List<ProxyModel.NestedClass> nestedClasses() {
    return List.copyOf(nested.values());
  }

  /**
   * The bridges javac adds to a subclass of {@code type} that overrides {@code method}: one per
   * erasure, different from the method's own, of a supertype method it overrides. In javac's
   * order (TransTypes.addBridges): the superclass chain from {@code type} up, each class's
   * interfaces after it, each class's members last declared first.
   */
  List<ProxyModel.Bridge> bridges(TypeElement type, ExecutableElement method) {
    List<ExecutableElement> candidates =
        inherited(type).getOrDefault(method.getSimpleName().toString(), List.of());
    if (candidates.isEmpty()) {
      return List.of();
    }
    Set<String> seen = new HashSet<>();
    seen.add(key(method));
    List<ProxyModel.Bridge> bridges = new ArrayList<>();
    for (ExecutableElement overridden : candidates) {
      if (!elements.overrides(method, overridden, type) || !seen.add(key(overridden))) {
        continue;
      }
      ExecutableType erased = (ExecutableType) types.erasure(overridden.asType());
      TypeNames plain = TypeNames.plain();
      bridges.add(
          new ProxyModel.Bridge(
              plain.list(erased.getParameterTypes()),
              plain.get(erased.getReturnType()),
              plain.list(erased.getThrownTypes())));
      erased.getParameterTypes().forEach(this::nameType);
      nameType(erased.getReturnType());
      erased.getThrownTypes().forEach(this::nameType);
    }
    return bridges;
  }

  /**
   * The methods {@code type}'s methods may override, by name, in javac's order: its own are left
   * out (a method overrides none of its class's), and so are static and private ones. Read once
   * per class: a class with hundreds of wrapped methods would otherwise walk its supertypes'
   * members hundreds of times.
   */
  private Map<String, List<ExecutableElement>> inherited(TypeElement type) {
    if (type.equals(inheritedOf)) {
      return inherited;
    }
    Map<String, List<ExecutableElement>> byName = new HashMap<>();
    for (TypeElement supertype : AllMembers.supertypes(type)) {
      if (supertype.equals(type)) {
        continue;
      }
      List<? extends Element> members = new ArrayList<>(supertype.getEnclosedElements());
      Collections.reverse(members);
      for (Element member : members) {
        if (member.getKind() == ElementKind.METHOD
            && !member.getModifiers().contains(Modifier.STATIC)
            && !member.getModifiers().contains(Modifier.PRIVATE)) {
          byName
              .computeIfAbsent(member.getSimpleName().toString(), n -> new ArrayList<>())
              .add((ExecutableElement) member);
        }
      }
    }
    inheritedOf = type;
    inherited = byName;
    return byName;
  }

  /** The erased parameter and return types, which identify a method's binary form. */
  private String key(ExecutableElement method) {
    ExecutableType erased = (ExecutableType) types.erasure(method.asType());
    StringBuilder key = new StringBuilder("(");
    for (TypeMirror parameter : erased.getParameterTypes()) {
      key.append(name(parameter)).append(',');
    }
    return key.append(')').append(name(erased.getReturnType())).toString();
  }

  /** An erased type's name, without the type annotations its {@code toString} may show. */
  private static String name(TypeMirror erased) {
    switch (erased.getKind()) {
      case DECLARED:
        return ((TypeElement) ((DeclaredType) erased).asElement()).getQualifiedName().toString();
      case ARRAY:
        return name(((ArrayType) erased).getComponentType()) + "[]";
      default:
        return erased.getKind().toString();
    }
  }
}
