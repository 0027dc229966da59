package dev.hotrestart.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/** The JDK's own way to wrap an object: a {@link Proxy} with a reflective handler. */
final class Anchors {

  private Anchors() {}

  static Adder jdkProxy(Adder target) {
    return (Adder)
        Proxy.newProxyInstance(
            Adder.class.getClassLoader(),
            new Class<?>[] {Adder.class},
            (proxy, method, arguments) -> {
              try {
                return method.invoke(target, arguments);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
