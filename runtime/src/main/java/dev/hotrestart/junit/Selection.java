package dev.hotrestart.junit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * The tests to run, from {@link TestMain}'s arguments as the plugin writes them: one per test
 * class, {@code com.acme.CartTest}, or with the methods {@code -Dtest} named, {@code
 * com.acme.CartTest#total*+discount} (Surefire's {@code *} patterns on method names; a
 * parameterized test is one method).
 */
final class Selection {

  /** Top-level class name to its method patterns; an empty list runs every method. */
  private final Map<String, List<Pattern>> classes = new LinkedHashMap<>();

  private Selection() {}

  /**
   * Reads the arguments.
   *
   * @throws IllegalArgumentException for an argument without a class name
   */
  static Selection parse(List<String> arguments) {
    Selection selection = new Selection();
    for (String argument : arguments) {
      int hash = argument.indexOf('#');
      String className = hash < 0 ? argument : argument.substring(0, hash);
      if (className.isBlank()) {
        throw new IllegalArgumentException(
            "hotrestart: test selection '" + argument + "' names no class");
      }
      List<Pattern> methods = selection.classes.computeIfAbsent(className, name -> new ArrayList<>());
      if (hash >= 0) {
        for (String method : argument.substring(hash + 1).split("\\+")) {
          if (!method.isBlank()) {
            methods.add(glob(method.strip()));
          }
        }
      }
    }
    return selection;
  }

  private static Pattern glob(String pattern) {
    return Pattern.compile(
        Stream.of(pattern.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
  }

  boolean isEmpty() {
    return classes.isEmpty();
  }

  List<DiscoverySelector> selectors() {
    List<DiscoverySelector> selectors = new ArrayList<>();
    for (String name : classes.keySet()) {
      selectors.add(DiscoverySelectors.selectClass(name));
    }
    return selectors;
  }

  /** Keeps the methods the patterns name (every method of a class named without patterns). */
  PostDiscoveryFilter methodFilter() {
    return descriptor -> included(descriptor) ? FilterResult.included("selected")
        : FilterResult.excluded("not named by -Dtest");
  }

  private boolean included(TestDescriptor descriptor) {
    Optional<TestSource> source = descriptor.getSource();
    if (source.isEmpty() || !(source.get() instanceof MethodSource)) {
      return true;
    }
    MethodSource method = (MethodSource) source.get();
    return matches(method.getClassName(), method.getMethodName());
  }

  /** Whether {@code methodName} of {@code className} (nested classes go by their top class) runs. */
  boolean matches(String className, String methodName) {
    int nested = className.indexOf('$');
    List<Pattern> patterns = classes.get(nested < 0 ? className : className.substring(0, nested));
    if (patterns == null || patterns.isEmpty()) {
      return true;
    }
    return patterns.stream().anyMatch(pattern -> pattern.matcher(methodName).matches());
  }
}
