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
 * cannot wrap: an error for a method annotated {@code @HotRestartable} itself, and a {@code
 * [HotRestartSkipped]} warning only where the class annotation leads a user to expect a restart
 * that will not happen.
 *
 * <p>Which methods are worth a warning, under {@code @HotRestartable} on the class: a {@code
 * final} instance method, and one whose signature names a private type. Each is an instance
 * method like the wrapped ones beside it, called on the instance the factory made, yet it
 * never opens the prompt, and an edit to it is not reloaded with the method that calls it.
 * Not worth a warning: private methods (they reload with their callers, and a crash in one
 * opens the prompt in the wrapped method that called it), static ones (called on the class, not
 * on an instance a proxy could stand in for; called from a wrapped method they behave as its
 * private helpers do on a crash), native and abstract ones (no Java body to restart). Warning
 * about those made every private helper of a {@code -Werror} build an error.
 */
final class WrappedMethods {

  private final Elements elements;
  private final ErrorReporter reporter;

  WrappedMethods(Elements elements, ErrorReporter reporter) {
    this.elements = elements;
    this.reporter = reporter;
  }

  /**
   * Why the proxy cannot override a method, and what to do about it.
   *
   * @param surprising whether a user who annotated the class would expect the method to restart
   */
  private record Refusal(String why, String fix, boolean surprising) {}

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
        } else if (warn && refusal.get().surprising()) {
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
              "make it package-private",
              false));
    }
    if (method.getModifiers().contains(Modifier.STATIC)) {
      return Optional.of(
          new Refusal(
              "it is static, so the generated proxy cannot override it",
              "make it an instance method",
              false));
    }
    if (method.getModifiers().contains(Modifier.FINAL)) {
      return Optional.of(
          new Refusal(
              "it is final, so the generated proxy cannot override it", "remove final", true));
    }
    if (method.getModifiers().contains(Modifier.ABSTRACT)) {
      return Optional.of(
          new Refusal(
              "it is abstract and has no code to restart",
              "annotate the method that implements it instead",
              false));
    }
    if (method.getModifiers().contains(Modifier.NATIVE)) {
      return Optional.of(
          new Refusal(
              "it is native and has no Java source to edit", "remove @HotRestartable", false));
    }
    return SignatureTypes.privateType(method)
        .map(
            hidden ->
                new Refusal(
                    "its signature names private type "
                        + Names.name(hidden)
                        + ", which the generated proxy cannot see",
                    "make " + hidden.getSimpleName() + " package-private",
                    true));
  }
}
