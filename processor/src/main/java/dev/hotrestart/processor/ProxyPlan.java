package dev.hotrestart.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * What {@link ProxyValidator} decided for one class without errors: which methods the proxy
 * wraps and which constructors get a factory. Still in terms of elements; {@link
 * ProxyModelBuilder} turns it into a {@link ProxyModel}.
 *
 * @param type the class the proxy extends
 * @param methods the wrapped methods, in declaration order
 * @param constructors the constructors that get a factory, in declaration order
 * @param byPackage whether only its package's {@code @HotRestartable} made the class restartable
 *     (neither the class nor any of its methods is annotated)
 */
record ProxyPlan(
    TypeElement type,
    List<Wrapped> methods,
    List<ExecutableElement> constructors,
    boolean byPackage) {

  ProxyPlan {
    methods = List.copyOf(methods);
    constructors = List.copyOf(constructors);
  }

  /**
   * One wrapped method.
   *
   * @param method the method, declared in {@code type}
   * @param propagate the exception types that pass through without a prompt, from the nearest
   *     {@code @HotRestartable}: the method's, else the class's, else the package's
   */
  record Wrapped(ExecutableElement method, List<TypeMirror> propagate) {

    Wrapped {
      propagate = List.copyOf(propagate);
    }
  }
}
