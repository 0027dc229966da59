package dev.hotrestart.maven;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds the classes with a {@code public static void main(String[])} below output directories
 * by reading the class files' method tables. Nothing is loaded or initialised, so a static
 * initialiser of the user's code never runs inside Maven, and no bytecode library is needed.
 */
final class MainClassFinder {

  private static final int ACC_PUBLIC = 0x0001;
  private static final int ACC_STATIC = 0x0008;
  private static final String MAIN_DESCRIPTOR = "([Ljava/lang/String;)V";

  private MainClassFinder() {}

  /**
   * The binary names ({@code com.acme.Outer$Inner}) of the classes below {@code directories}
   * that declare {@code public static void main(String[])}, sorted. Directories that do not
   * exist are ignored.
   *
   * @throws IOException if a directory cannot be walked or a class file is malformed
   */
  static List<String> find(List<Path> directories) throws IOException {
    TreeSet<String> found = new TreeSet<>();
    for (Path directory : directories) {
      if (!Files.isDirectory(directory)) {
        continue;
      }
      List<Path> classFiles;
      try (Stream<Path> files = Files.walk(directory)) {
        classFiles = files.filter(MainClassFinder::isClassFile).toList();
      }
      for (Path classFile : classFiles) {
        mainClassOf(classFile).ifPresent(found::add);
      }
    }
    return new ArrayList<>(found);
  }

  private static boolean isClassFile(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".class")
        && !name.equals("module-info.class")
        && !name.equals("package-info.class")
        && Files.isRegularFile(file);
  }

  /** The class's binary name if it declares a launchable {@code main}. */
  static Optional<String> mainClassOf(Path classFile) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(classFile))) {
      return mainClassOf(new DataInputStream(in));
    } catch (IOException | RuntimeException e) {
      throw new IOException("cannot read class file " + classFile + ": " + e.getMessage(), e);
    }
  }

  private static Optional<String> mainClassOf(DataInputStream in) throws IOException {
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file (bad magic number)");
    }
    in.readUnsignedShort(); // minor version
    in.readUnsignedShort(); // major version
    ConstantPool pool = readConstantPool(in);
    in.readUnsignedShort(); // access flags of the class: the launcher accepts any
    int thisClass = in.readUnsignedShort();
    in.readUnsignedShort(); // super class
    skipFully(in, 2L * in.readUnsignedShort()); // interfaces
    int fields = in.readUnsignedShort();
    for (int i = 0; i < fields; i++) {
      in.readUnsignedShort(); // access
      in.readUnsignedShort(); // name
      in.readUnsignedShort(); // descriptor
      skipAttributes(in);
    }
    boolean hasMain = false;
    int methods = in.readUnsignedShort();
    for (int i = 0; i < methods && !hasMain; i++) {
      int access = in.readUnsignedShort();
      String name = pool.utf8(in.readUnsignedShort());
      String descriptor = pool.utf8(in.readUnsignedShort());
      skipAttributes(in);
      hasMain =
          (access & (ACC_PUBLIC | ACC_STATIC)) == (ACC_PUBLIC | ACC_STATIC)
              && "main".equals(name)
              && MAIN_DESCRIPTOR.equals(descriptor);
    }
    if (!hasMain) {
      return Optional.empty();
    }
    String internalName = pool.utf8(pool.classNames()[thisClass]);
    return Optional.of(internalName.replace('/', '.'));
  }

  /** The UTF-8 entries by index (others null) and, per CONSTANT_Class entry, its name's index. */
  private record ConstantPool(String[] utf8Entries, int[] classNames) {
    String utf8(int index) throws IOException {
      if (index <= 0 || index >= utf8Entries.length || utf8Entries[index] == null) {
        throw new IOException("constant pool entry " + index + " is not a UTF-8 string");
      }
      return utf8Entries[index];
    }
  }

  private static ConstantPool readConstantPool(DataInputStream in) throws IOException {
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] classNames = new int[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF(); // Utf8 (modified UTF-8, which readUTF decodes)
        case 7 -> classNames[i] = in.readUnsignedShort(); // Class
        case 8, 16, 19, 20 -> skipFully(in, 2); // String, MethodType, Module, Package
        case 15 -> skipFully(in, 3); // MethodHandle
        case 3, 4, 9, 10, 11, 12, 17, 18 -> skipFully(in, 4); // Integer .. InvokeDynamic
        case 5, 6 -> { // Long, Double take two slots
          skipFully(in, 8);
          i++;
        }
        default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
      }
    }
    return new ConstantPool(utf8, classNames);
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int attributes = in.readUnsignedShort();
    for (int i = 0; i < attributes; i++) {
      in.readUnsignedShort(); // name
      skipFully(in, in.readInt() & 0xFFFFFFFFL);
    }
  }

  private static void skipFully(DataInputStream in, long bytes) throws IOException {
    long left = bytes;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("truncated class file");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  /** Why no main class could be chosen when none was found. */
  static String noneFoundMessage(List<Path> directories) {
    return "hotrestart:run: no class with public static void main(String[]) in "
        + directories
        + ". "
        + HOW_TO_SET;
  }

  /** Why no main class could be chosen when several were found. */
  static String severalFoundMessage(List<String> candidates) {
    StringBuilder message =
        new StringBuilder("hotrestart:run: several classes have public static void main(String[]):");
    for (String candidate : candidates) {
      message.append(System.lineSeparator()).append("  ").append(candidate);
    }
    return message.append(System.lineSeparator()).append(HOW_TO_SET).toString();
  }

  private static final String HOW_TO_SET =
      "Choose the main class with -Dhotrestart.mainClass=com.example.Main on the command line,"
          + " or <configuration><mainClass>com.example.Main</mainClass></configuration>"
          + " in the hotrestart-maven-plugin's <plugin> element of the pom.";
}
