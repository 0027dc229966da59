package dev.hotrestart.reload;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InnerClassNode;

/** Reading class files, and which classes javac compiles as parts of a class's methods. */
final class ClassFiles {

  private static final System.Logger LOG = System.getLogger(ClassFiles.class.getName());

  /** Anonymous ({@code $1}), local ({@code $1Local}) and synthetic ({@code $1}) classes. */
  private static final Pattern COMPANION = Pattern.compile("\\$\\d");

  private ClassFiles() {}

  /** A class file, whole (code, frames and debug information included). */
  static ClassNode read(byte[] bytes) {
    ClassNode node = new ClassNode();
    new ClassReader(bytes).accept(node, 0);
    return node;
  }

  /**
   * Whether {@code internalName} names a class that moves with the methods that use it: an
   * anonymous, local or synthetic class of the nest of {@code nestHost}. {@link Transplant} moves
   * them, and {@link Fingerprint} counts them as part of a method.
   */
  static boolean isCompanionName(String nestHost, String internalName) {
    return internalName.startsWith(nestHost + "$")
        && COMPANION.matcher(internalName.substring(nestHost.length())).find();
  }

  /**
   * The class file of a loaded {@code type} and those of its anonymous and local classes, and
   * theirs in turn, found through the InnerClasses attributes, by binary name; empty if the class
   * file cannot be read.
   */
  static Map<String, byte[]> ofLoaded(Class<?> type) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    byte[] main = classFile(type.getClassLoader(), type.getName().replace('.', '/'));
    if (main.length == 0) {
      return files;
    }
    files.put(type.getName(), main);
    ClassNode outline = outline(main);
    String nestHost = outline.nestHostClass != null ? outline.nestHostClass : outline.name;
    Deque<ClassNode> toRead = new ArrayDeque<>(List.of(outline));
    while (!toRead.isEmpty()) {
      for (InnerClassNode inner : toRead.poll().innerClasses) {
        String binaryName = inner.name.replace('/', '.');
        if (isCompanionName(nestHost, inner.name) && !files.containsKey(binaryName)) {
          byte[] bytes = classFile(type.getClassLoader(), inner.name);
          if (bytes.length > 0) {
            files.put(binaryName, bytes);
            toRead.add(outline(bytes));
          }
        }
      }
    }
    return files;
  }

  /**
   * The class file of a loaded class, as its class loader finds it.
   *
   * @param type the class
   * @return its bytes, empty if they cannot be read
   */
  static byte[] of(Class<?> type) {
    return classFile(type.getClassLoader(), type.getName().replace('.', '/'));
  }

  /** A class file's attributes without its code: enough to find its inner classes. */
  private static ClassNode outline(byte[] bytes) {
    ClassNode node = new ClassNode();
    new ClassReader(bytes)
        .accept(node, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return node;
  }

  static byte[] classFile(ClassLoader loader, String internalName) {
    String resource = internalName + ".class";
    try (InputStream in =
        loader == null
            ? ClassLoader.getSystemResourceAsStream(resource)
            : loader.getResourceAsStream(resource)) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot read the class file " + resource, e);
      return new byte[0];
    }
  }
}
