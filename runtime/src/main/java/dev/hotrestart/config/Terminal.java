package dev.hotrestart.config;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether this JVM talks to a person at a terminal. */
final class Terminal {

  private Terminal() {}

  static boolean isAttached() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    // From JDK 22, System.console() is non-null even when redirected; isTerminal() tells.
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true; // JDK 17-21: a non-null console means stdin and stdout are a terminal
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }
}
