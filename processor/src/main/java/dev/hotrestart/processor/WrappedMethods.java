package dev.hotrestart.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Chooses which of the methods a class declares its proxy wraps, and reports on the methods it
 * cannot wrap: an error for a method annotated {@code @HotRestartable} itself, a {@code
 * [HotRestartSkipped]} warning where the class annotation leads a user to expect a restart.
 */
final class WrappedMethods {

  private final Elements elements;
  private final ErrorReporter reporter;

  WrappedMethods(Elements elements, ErrorReporter reporter) {
    this.elements = elements;
    this.reporter = reporter;
  }

  /** Why the proxy cannot override a method, and what to do about it. */
  private record Refusal(String why, String fix) {}

  /**
   * The wrapped methods of {@code type}, in declaration order.
   *
   * @param warn whether methods the class annotation covers but the proxy cannot wrap are
   *     warned about (not under a package annotation)
   * @param wrapAll whether every overridable method is wrapped (a class or package annotation),
   *     rather than only those annotated themselves
   * @param enclosingAnnotation the class's {@code @HotRestartable}, else the package's
   */
  List<ProxyPlan.Wrapped> select(
      TypeElement type,
      boolean warn,
      boolean wrapAll,
      Optional<AnnotationMirror> enclosingAnnotation) {
    List<ProxyPlan.Wrapped> wrapped = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      Optional<AnnotationMirror> own = Annotations.find(method, Annotations.HOT_RESTARTABLE);
      boolean noRestart = Annotations.has(method, Annotations.NO_RESTART);
      if (own.isPresent() && noRestart) {
        reporter.error(
            method,
            "HotRestartConflict",
            "@HotRestartable method "
                + Names.signature(method)
                + " is also annotated @NoRestart; remove one of the two");
        continue;
      }
      if (own.isEmpty() && (!wrapAll || noRestart)) {
        continue;
      }
      Optional<Refusal> refusal = refusal(method);
      if (refusal.isPresent()) {
        if (own.isPresent()) {
          reporter.error(
              method,
              "HotRestartMethod",
              "@HotRestartable method "
                  + Names.signature(method)
                  + " cannot restart: "
                  + refusal.get().why()
                  + "; "
                  + refusal.get().fix());
        } else if (warn && !method.getModifiers().contains(Modifier.ABSTRACT)) {
          // Abstract methods are the implementing subclass's business, not a surprise.
          reporter.warning(
              method,
              "HotRestartSkipped",
              "method "
                  + Names.signature(method)
                  + " of @HotRestartable class "
                  + Names.name(type)
                  + " cannot restart: "
                  + refusal.get().why()
                  + "; "
                  + refusal.get().fix()
                  + ", or mark it @NoRestart or @SuppressWarnings(\"hotrestart\") to silence"
                  + " this");
        }
        continue;
      }
      AnnotationMirror nearest = own.orElseGet(enclosingAnnotation::orElseThrow);
      wrapped.add(new ProxyPlan.Wrapped(method, Annotations.propagate(nearest, elements)));
    }
    return wrapped;
  }

  /** Why the proxy cannot override {@code method}; empty if it can. */
  private static Optional<Refusal> refusal(ExecutableElement method) {
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      return Optional.of(
          new Refusal(
              "it is private, so the generated proxy cannot override it",
              "make it package-private"));
    }
    if (method.getModifiers().contains(Modifier.STATIC)) {
      return Optional.of(
          new Refusal(
              "it is static, so the generated proxy cannot override it",
              "make it an instance method"));
    }
    if (method.getModifiers().contains(Modifier.FINAL)) {
      return Optional.of(
          new Refusal("it is final, so the generated proxy cannot override it", "remove final"));
    }
    if (method.getModifiers().contains(Modifier.ABSTRACT)) {
      return Optional.of(
          new Refusal(
              "it is abstract and has no code to restart",
              "annotate the method that implements it instead"));
    }
    if (method.getModifiers().contains(Modifier.NATIVE)) {
      return Optional.of(
          new Refusal("it is native and has no Java source to edit", "remove @HotRestartable"));
    }
    return SignatureTypes.privateType(method)
        .map(
            hidden ->
                new Refusal(
                    "its signature names private type "
                        + Names.name(hidden)
                        + ", which the generated proxy cannot see",
                    "make " + hidden.getSimpleName() + " package-private"));
  }
}
