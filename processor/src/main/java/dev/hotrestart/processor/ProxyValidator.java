package dev.hotrestart.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The first step: decides whether a class gets a proxy and what goes in it (a {@link ProxyPlan}),
 * reporting every problem on the annotated element. It never writes anything, and knows nothing
 * of the steps after it. The class-level rules are here; which methods are wrapped is {@link
 * WrappedMethods}'s, and what signatures may name is {@link SignatureTypes}'s.
 *
 * <p>Three ways a class becomes a candidate, and how loudly each is checked:
 *
 * <ul>
 *   <li>{@code @HotRestartable} on the class: every overridable method it declares is wrapped.
 *       A class that cannot have a proxy is an error; a final method, or one whose signature
 *       names a private type, is a {@code [HotRestartSkipped]} warning (private, static and
 *       native methods are not: see {@link WrappedMethods}).
 *   <li>{@code @HotRestartable} on methods of a class that is not annotated: only those methods
 *       are wrapped; each must be overridable (an error otherwise), and class problems are
 *       errors on the first annotated method.
 *   <li>{@code @HotRestartable} on the package of a top-level class: like the class annotation,
 *       except that a class that cannot have a proxy (or has no method to wrap, or says
 *       {@code @NoRestart}) is skipped silently, and methods that cannot restart are skipped
 *       without warnings: a package holds helpers and {@code main} classes that were never meant
 *       to restart.
 * </ul>
 *
 * <p>Only methods <em>declared</em> in the class are wrapped, never inherited ones (from a
 * superclass, from {@code Object} or interface default methods): the reloader recompiles the
 * class's own source file, so a method whose source is elsewhere could restart but never be
 * edited. Annotate the superclass too if its methods should restart.
 */
final class ProxyValidator {

  private final Elements elements;
  private final Types types;
  private final ErrorReporter reporter;
  private final WrappedMethods methods;
  private final AllMembers members;

  ProxyValidator(Elements elements, Types types, ErrorReporter reporter, AllMembers members) {
    this.elements = elements;
    this.members = members;
    this.types = types;
    this.reporter = reporter;
    this.methods = new WrappedMethods(elements, reporter);
  }

  /**
   * Validates one candidate class.
   *
   * @return the plan, or empty when the class gets no proxy (errors, if any, are reported)
   * @throws MissingTypeException when a signature names an undefined type: try again next round
   */
  Optional<ProxyPlan> validate(TypeElement type) {
    Optional<AnnotationMirror> classAnnotation =
        Annotations.find(type, Annotations.HOT_RESTARTABLE);
    List<ExecutableElement> annotatedMethods =
        ElementFilter.methodsIn(type.getEnclosedElements()).stream()
            .filter(m -> Annotations.has(m, Annotations.HOT_RESTARTABLE))
            .collect(Collectors.toList());
    Optional<AnnotationMirror> packageAnnotation =
        type.getNestingKind() == NestingKind.TOP_LEVEL
            ? Annotations.find(elements.getPackageOf(type), Annotations.HOT_RESTARTABLE)
            : Optional.empty();
    if (classAnnotation.isEmpty() && annotatedMethods.isEmpty() && packageAnnotation.isEmpty()) {
      return Optional.empty();
    }
    SignatureTypes.checkDefined(type);
    // Read every propagate list now, so that an undefined exception type defers the class before
    // anything is reported: reports must not repeat when the class is retried.
    classAnnotation.ifPresent(this::checkPropagateDefined);
    packageAnnotation.ifPresent(this::checkPropagateDefined);
    for (ExecutableElement method : annotatedMethods) {
      Annotations.find(method, Annotations.HOT_RESTARTABLE).ifPresent(this::checkPropagateDefined);
    }

    boolean direct = classAnnotation.isPresent();
    Subject subject =
        direct
            ? new Subject(type, "@HotRestartable " + kindNoun(type) + " " + Names.name(type), true)
            : annotatedMethods.isEmpty()
                ? new Subject(type, kindNoun(type) + " " + Names.name(type), false)
                : new Subject(
                    annotatedMethods.get(0),
                    kindNoun(type)
                        + " "
                        + Names.name(type)
                        + " of @HotRestartable method "
                        + Names.signature(annotatedMethods.get(0)),
                    true);
    // Package mode only: generated classes (ours are final anyway) never get a proxy.
    if (!subject.reported && Annotations.isGenerated(type)) {
      return Optional.empty();
    }

    if (!checkKind(type, subject)) {
      return Optional.empty();
    }
    checkClass(type, subject);
    List<ProxyPlan.Wrapped> wrapped =
        methods.select(
            type,
            direct,
            direct || packageAnnotation.isPresent(),
            classAnnotation.or(() -> packageAnnotation));
    List<ExecutableElement> constructors = constructors(type, subject);
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      checkAbstract(type, subject);
    }
    checkFactoryClash(type, constructors, subject);

    if (subject.failed || reporter.errorCount() > subject.errorsBefore) {
      return Optional.empty();
    }
    if (wrapped.isEmpty()) {
      if (!direct) {
        return Optional.empty();
      }
      reporter.warning(
          type,
          "HotRestartEmpty",
          subject.text
              + " declares no method that can restart, so its proxy changes nothing; declare an"
              + " overridable method in it, or remove @HotRestartable");
    }
    boolean byPackage = !direct && annotatedMethods.isEmpty();
    return Optional.of(new ProxyPlan(type, wrapped, constructors, byPackage));
  }

  /** Reading the list defers the class when it names an undefined exception type. */
  private void checkPropagateDefined(AnnotationMirror hotRestartable) {
    Annotations.propagate(hotRestartable, elements).forEach(SignatureTypes::checkDefined);
  }

  /** The element problems of the class are reported on, and how it is named in messages. */
  private final class Subject {
    final Element element;
    final String text;
    final boolean reported;
    final int errorsBefore = reporter.errorCount();
    boolean failed;

    Subject(Element element, String text, boolean reported) {
      this.element = element;
      this.text = text;
      this.reported = reported;
    }

    void error(String tag, String message) {
      failed = true;
      if (reported) {
        reporter.error(element, tag, text + " " + message);
      }
    }
  }

  private boolean checkKind(TypeElement type, Subject subject) {
    String name = Names.name(type);
    switch (type.getKind()) {
      case CLASS:
        return true;
      case INTERFACE:
        subject.error(
            "HotRestartNotAClass",
            "cannot restart: the generated proxy must extend a class; annotate the class that"
                + " implements "
                + name
                + " instead");
        return false;
      case ENUM:
        subject.error(
            "HotRestartNotAClass",
            "cannot restart: an enum cannot be subclassed by the generated proxy; move the code"
                + " that may fail into a class and annotate that");
        return false;
      case RECORD:
        subject.error(
            "HotRestartNotAClass",
            "cannot restart: a record is final, so the generated proxy cannot subclass it; move"
                + " the code that may fail into a class and annotate that");
        return false;
      case ANNOTATION_TYPE:
        subject.error(
            "HotRestartNotAClass",
            "cannot restart: an annotation type has no code to run; remove @HotRestartable");
        return false;
      default:
        subject.error(
            "HotRestartNotAClass", "cannot restart: only a class can; remove @HotRestartable");
        return false;
    }
  }

  private void checkClass(TypeElement type, Subject subject) {
    String proxy = Names.proxySimpleName(type);
    if (Annotations.has(type, Annotations.NO_RESTART)) {
      subject.error("HotRestartConflict", "is also annotated @NoRestart; remove one of the two");
    }
    if (type.getModifiers().contains(Modifier.FINAL)) {
      subject.error(
          "HotRestartFinal",
          "must not be final: the generated proxy " + proxy + " subclasses it; remove final");
    }
    if (type.getModifiers().contains(Modifier.SEALED)) {
      subject.error(
          "HotRestartSealed",
          "must not be sealed: the generated proxy "
              + proxy
              + " is not one of its permitted subclasses; make it non-sealed, or annotate the"
              + " permitted subclasses instead");
    }
    if (type.getNestingKind() == NestingKind.LOCAL
        || type.getNestingKind() == NestingKind.ANONYMOUS) {
      subject.error(
          "HotRestartLocal",
          "cannot restart: the generated proxy cannot see a local or anonymous class; move it to"
              + " a top-level or static nested class");
    } else if (type.getNestingKind() == NestingKind.MEMBER
        && !type.getModifiers().contains(Modifier.STATIC)) {
      subject.error(
          "HotRestartInner",
          "must be static: the generated proxy "
              + proxy
              + " is a top-level class and has no enclosing instance to create an inner class"
              + " with; add static");
    }
    if (type.getModifiers().contains(Modifier.PRIVATE)) {
      subject.error(
          "HotRestartPrivate",
          "must not be private: the generated proxy "
              + proxy
              + " is a separate class in the same package and cannot see it; make it"
              + " package-private");
    } else {
      for (Element e = type.getEnclosingElement();
          e instanceof TypeElement;
          e = e.getEnclosingElement()) {
        if (e.getModifiers().contains(Modifier.PRIVATE)) {
          subject.error(
              "HotRestartPrivate",
              "is nested in private class "
                  + Names.name((TypeElement) e)
                  + ", which the generated proxy "
                  + proxy
                  + ", a separate class in the same package, cannot see; make "
                  + e.getSimpleName()
                  + " package-private");
          break;
        }
      }
    }
    for (TypeParameterElement parameter : type.getTypeParameters()) {
      for (TypeMirror bound : parameter.getBounds()) {
        SignatureTypes.privateType(bound)
            .ifPresent(
                hidden ->
                    subject.error(
                        "HotRestartPrivate",
                        "has type parameter "
                            + parameter.getSimpleName()
                            + " bounded by private type "
                            + Names.name(hidden)
                            + ", which the generated proxy cannot see; make "
                            + hidden.getSimpleName()
                            + " package-private"));
      }
    }
  }

  private List<ExecutableElement> constructors(TypeElement type, Subject subject) {
    List<ExecutableElement> usable = new ArrayList<>();
    boolean anyNonPrivate = false;
    for (ExecutableElement constructor :
        ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getModifiers().contains(Modifier.PRIVATE)) {
        continue;
      }
      anyNonPrivate = true;
      Optional<TypeElement> hidden = SignatureTypes.privateType(constructor);
      if (hidden.isPresent()) {
        if (subject.reported) {
          reporter.warning(
              constructor,
              "HotRestartSkipped",
              "constructor "
                  + Names.signature(constructor)
                  + " gets no factory: its signature names private type "
                  + Names.name(hidden.get())
                  + ", which the generated proxy cannot see; make "
                  + hidden.get().getSimpleName()
                  + " package-private, or add @SuppressWarnings(\"hotrestart\") to silence this");
        }
        continue;
      }
      usable.add(constructor);
    }
    boolean onlyImplicit =
        ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
            .allMatch(c -> elements.getOrigin(c) == Elements.Origin.MANDATED);
    // The implicit constructor of a private class is private too: already reported as such.
    if (usable.isEmpty() && !(onlyImplicit && type.getModifiers().contains(Modifier.PRIVATE))) {
      subject.error(
          "HotRestartConstructor",
          (anyNonPrivate
                  ? "has no constructor whose signature the generated proxy can see"
                  : "has no non-private constructor")
              + ": the factories of the generated proxy must call one; add a package-private"
              + " constructor");
    }
    return usable;
  }

  private void checkAbstract(TypeElement type, Subject subject) {
    List<ExecutableElement> all = members.methods(type);
    for (ExecutableElement method : all) {
      if (!method.getModifiers().contains(Modifier.ABSTRACT)) {
        continue;
      }
      boolean implemented =
          all.stream()
              .anyMatch(
                  other ->
                      other != method
                          && !other.getModifiers().contains(Modifier.ABSTRACT)
                          && elements.overrides(other, method, type));
      if (!implemented) {
        subject.error(
            "HotRestartAbstract",
            "is abstract and leaves method "
                + Names.signature(method)
                + " unimplemented: the generated proxy is a concrete class with factories and"
                + " cannot implement it; annotate the concrete subclasses instead");
        return;
      }
    }
  }

  /** The factories are static methods named {@code create}: they must not collide with methods. */
  private void checkFactoryClash(
      TypeElement type, List<ExecutableElement> constructors, Subject subject) {
    List<ExecutableElement> creates =
        members.methodsNamed(type, "create").stream()
            .filter(m -> !m.getModifiers().contains(Modifier.PRIVATE))
            .collect(Collectors.toList());
    for (ExecutableElement constructor : constructors) {
      for (ExecutableElement create : creates) {
        if (sameErasedParameters(constructor, create)) {
          subject.error(
              "HotRestartFactoryClash",
              "has method "
                  + Names.signature(create)
                  + ", which clashes with the factory "
                  + Names.proxySimpleName(type)
                  + ".create that the generated proxy needs for constructor "
                  + Names.signature(constructor)
                  + "; rename the method");
        }
      }
    }
  }

  private boolean sameErasedParameters(ExecutableElement a, ExecutableElement b) {
    List<? extends VariableElement> pa = a.getParameters();
    List<? extends VariableElement> pb = b.getParameters();
    if (pa.size() != pb.size()) {
      return false;
    }
    for (int i = 0; i < pa.size(); i++) {
      if (!types.isSameType(
          types.erasure(pa.get(i).asType()), types.erasure(pb.get(i).asType()))) {
        return false;
      }
    }
    return true;
  }

  private static String kindNoun(TypeElement type) {
    switch (type.getKind()) {
      case ANNOTATION_TYPE:
        return "annotation type";
      default:
        return type.getKind().name().toLowerCase(Locale.ROOT);
    }
  }
}
