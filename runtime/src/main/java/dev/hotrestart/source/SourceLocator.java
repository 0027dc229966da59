package dev.hotrestart.source;

import dev.hotrestart.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the source file of a running class in the configured source roots. */
public final class SourceLocator {

  private final List<Path> roots;

  /**
   * A locator over the given roots.
   *
   * @param roots source roots, searched in order
   */
  public SourceLocator(List<Path> roots) {
    this.roots = List.copyOf(roots);
  }

  /** A locator over the roots configured with {@code -Dhotrestart.sourceRoots}. */
  public static SourceLocator fromSettings() {
    return new SourceLocator(Settings.sourceRoots());
  }

  /** The roots searched. */
  public List<Path> roots() {
    return roots;
  }

  /**
   * The source file that declares {@code type}: the file of its top-level class.
   *
   * @param type a class, nested or not
   * @return the file, if one of the roots has it
   */
  public Optional<Path> find(Class<?> type) {
    return find(packageName(type), topLevel(type).getSimpleName() + ".java");
  }

  /**
   * A file by package and name, as a stack frame names it ({@code Report.java}).
   *
   * @param packageName the package, dotted; empty for the default package
   * @param fileName the file's name
   * @return the file, if one of the roots has it
   */
  public Optional<Path> find(String packageName, String fileName) {
    for (Path candidate : candidates(packageName, fileName)) {
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Every path {@link #find(Class)} looks at, for error messages.
   *
   * @param type a class
   * @return the paths, in search order
   */
  public List<Path> candidates(Class<?> type) {
    return candidates(packageName(type), topLevel(type).getSimpleName() + ".java");
  }

  /**
   * Every path {@link #find(String, String)} looks at, for error messages.
   *
   * @param packageName the package, dotted; empty for the default package
   * @param fileName the file's name
   * @return the paths, in search order
   */
  public List<Path> candidates(String packageName, String fileName) {
    List<Path> candidates = new ArrayList<>();
    String relative =
        packageName.isEmpty() ? fileName : packageName.replace('.', '/') + "/" + fileName;
    for (Path root : roots) {
      candidates.add(root.resolve(relative));
    }
    return candidates;
  }

  /**
   * The top-level class enclosing {@code type}, or itself.
   *
   * @param type any class
   * @return its outermost class
   */
  public static Class<?> topLevel(Class<?> type) {
    Class<?> top = type;
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    return top;
  }

  private static String packageName(Class<?> type) {
    return type.getPackageName();
  }
}
