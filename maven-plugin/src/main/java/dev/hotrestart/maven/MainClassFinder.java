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
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds the classes the {@code java} launcher can start, below output directories, by reading the
 * class files' method tables. Nothing is loaded or initialised, so a static initialiser of the
 * user's code never runs inside Maven, and no bytecode library is needed.
 *
 * <p>Launchable is {@code public static void main(String[])}, and, in class files for Java 25 or
 * newer (or compiled with preview features on 21 to 24, whose launcher then has them enabled),
 * the other forms of JEP 512: {@code main} static or instance, with a {@code String[]} parameter
 * or none, of any access but private, returning {@code void}; an instance {@code main} needs a
 * concrete class with a non-private constructor without parameters. The launcher of Java 25
 * accepts these forms in older class files too, but there a method such as an instance
 * {@code void main()} was rarely meant as an entry point, and offering it could make a project's
 * one main class ambiguous, so only the classic form counts.
 * A {@code main} inherited from a superclass is not seen: name such a class with
 * {@code mainClass}.
 */
final class MainClassFinder {

  private static final int ACC_PUBLIC = 0x0001;
  private static final int ACC_PRIVATE = 0x0002;
  private static final int ACC_PROTECTED = 0x0004;
  private static final int ACC_STATIC = 0x0008;
  private static final int ACC_INTERFACE = 0x0200;
  private static final int ACC_ABSTRACT = 0x0400;
  private static final String MAIN_DESCRIPTOR = "([Ljava/lang/String;)V";
  private static final String NO_ARGS_DESCRIPTOR = "()V";
  /** Class file major version of Java 25, where JEP 512's main forms are final. */
  static final int JAVA_25 = 69;
  /** Class file major version of Java 21, whose preview (JEP 445) first had them. */
  private static final int JAVA_21 = 65;
  private static final int PREVIEW_MINOR = 0xFFFF;

  private MainClassFinder() {}

  /**
   * A class the launcher can start.
   *
   * @param className its binary name ({@code com.acme.Outer$Inner})
   * @param method how its {@code main} is declared, such as {@code void main()}
   */
  record MainClass(String className, String method) {
    /** Whether it is the form every Java version launches. */
    boolean classic() {
      return method.equals(CLASSIC);
    }

    /** The name, followed by the method when it is not the classic one. */
    String display() {
      return classic() ? className : className + " (" + method + ")";
    }
  }

  private static final String CLASSIC = "public static void main(String[])";

  /**
   * The binary names ({@code com.acme.Outer$Inner}) of the launchable classes below
   * {@code directories}, sorted. Directories that do not exist are ignored.
   *
   * @throws IOException if a directory cannot be walked or a class file is malformed
   */
  static List<String> find(List<Path> directories) throws IOException {
    return findMains(directories).stream().map(MainClass::className).toList();
  }

  /**
   * The launchable classes below {@code directories}, sorted by name, with their {@code main}.
   *
   * @throws IOException if a directory cannot be walked or a class file is malformed
   */
  static List<MainClass> findMains(List<Path> directories) throws IOException {
    TreeMap<String, MainClass> found = new TreeMap<>();
    for (Path directory : directories) {
      if (!Files.isDirectory(directory)) {
        continue;
      }
      List<Path> classFiles;
      try (Stream<Path> files = Files.walk(directory)) {
        classFiles = files.filter(MainClassFinder::isClassFile).toList();
      }
      for (Path classFile : classFiles) {
        mainOf(classFile).ifPresent(main -> found.putIfAbsent(main.className(), main));
      }
    }
    return new ArrayList<>(found.values());
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
    return mainOf(classFile).map(MainClass::className);
  }

  /** The class and its launchable {@code main}, if it declares one. */
  static Optional<MainClass> mainOf(Path classFile) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(classFile))) {
      return mainOf(new DataInputStream(in));
    } catch (IOException | RuntimeException e) {
      throw new IOException("cannot read class file " + classFile + ": " + e.getMessage(), e);
    }
  }

  /**
   * The internal names of a class file's class and of its superclass ({@code demo/Work}), read
   * from its constant pool as {@link #mainOf} reads it; {@link InstanceList} uses it for proxies.
   *
   * @param classFile a class file
   * @return the class's name, then its superclass's (empty for {@code java.lang.Object})
   * @throws IOException if the file cannot be read or is not a class file
   */
  static List<String> classAndSuperclass(Path classFile) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(classFile)))) {
      if (in.readInt() != 0xCAFEBABE) {
        throw new IOException("not a class file (bad magic number)");
      }
      in.readUnsignedShort(); // minor
      in.readUnsignedShort(); // major
      ConstantPool pool = readConstantPool(in);
      in.readUnsignedShort(); // access
      int thisClass = in.readUnsignedShort();
      int superClass = in.readUnsignedShort();
      return List.of(
          pool.utf8(pool.classNames()[thisClass]),
          superClass == 0 ? "" : pool.utf8(pool.classNames()[superClass]));
    } catch (IOException | RuntimeException e) {
      throw new IOException("cannot read class file " + classFile + ": " + e.getMessage(), e);
    }
  }

  private static Optional<MainClass> mainOf(DataInputStream in) throws IOException {
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file (bad magic number)");
    }
    int minor = in.readUnsignedShort();
    int major = in.readUnsignedShort();
    boolean jep512 = major >= JAVA_25 || major >= JAVA_21 && minor == PREVIEW_MINOR;
    ConstantPool pool = readConstantPool(in);
    int classAccess = in.readUnsignedShort(); // a public class is not needed: the launcher takes any
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
    boolean instantiable = (classAccess & (ACC_INTERFACE | ACC_ABSTRACT)) == 0;
    boolean noArgConstructor = false;
    int withArgs = -1; // access flags of a non-private main(String[]), -1 if none
    int withoutArgs = -1; // of a non-private main()
    int methods = in.readUnsignedShort();
    for (int i = 0; i < methods; i++) {
      int access = in.readUnsignedShort();
      String name = pool.utf8(in.readUnsignedShort());
      String descriptor = pool.utf8(in.readUnsignedShort());
      skipAttributes(in);
      if ((access & ACC_PRIVATE) != 0) {
        continue;
      }
      if (name.equals("<init>") && descriptor.equals(NO_ARGS_DESCRIPTOR)) {
        noArgConstructor = true;
      } else if (name.equals("main") && (access & ACC_ABSTRACT) == 0) {
        if (descriptor.equals(MAIN_DESCRIPTOR)) {
          withArgs = access;
        } else if (descriptor.equals(NO_ARGS_DESCRIPTOR)) {
          withoutArgs = access;
        }
      }
    }
    String method;
    if (withArgs >= 0 && (withArgs & (ACC_PUBLIC | ACC_STATIC)) == (ACC_PUBLIC | ACC_STATIC)) {
      method = CLASSIC;
    } else if (!jep512) {
      return Optional.empty();
    } else {
      // the launcher's choice: main(String[]) over main(), then an instance one needs an object
      int chosen = withArgs >= 0 ? withArgs : withoutArgs;
      boolean launchable = chosen >= 0 && ((chosen & ACC_STATIC) != 0 || instantiable && noArgConstructor);
      if (!launchable) {
        return Optional.empty();
      }
      method = form(chosen, withArgs >= 0);
    }
    String internalName = pool.utf8(pool.classNames()[thisClass]);
    return Optional.of(new MainClass(internalName.replace('/', '.'), method));
  }

  /** {@code protected static void main(String[])}, {@code void main()} and so on. */
  private static String form(int access, boolean withArgs) {
    String visibility =
        (access & ACC_PUBLIC) != 0 ? "public " : (access & ACC_PROTECTED) != 0 ? "protected " : "";
    String modifier = (access & ACC_STATIC) != 0 ? "static " : "";
    return visibility + modifier + "void main(" + (withArgs ? "String[]" : "") + ")";
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
        + ", nor, in class files for Java 25, another main method the java launcher accepts. "
        + HOW_TO_SET;
  }

  /** Why no main class could be chosen when several were found. */
  static String severalFoundMessage(List<String> candidates) {
    return severalMessage("several classes have public static void main(String[]):", candidates);
  }

  /**
   * Why no main class could be chosen when several were found, naming each one's {@code main}
   * when it is not the classic {@code public static void main(String[])}.
   */
  static String severalMainsMessage(List<MainClass> candidates) {
    if (candidates.stream().allMatch(MainClass::classic)) {
      return severalFoundMessage(candidates.stream().map(MainClass::className).toList());
    }
    return severalMessage(
        "several classes have a main method:", candidates.stream().map(MainClass::display).toList());
  }

  private static String severalMessage(String heading, List<String> lines) {
    StringBuilder message = new StringBuilder("hotrestart:run: " + heading);
    for (String line : lines) {
      message.append(System.lineSeparator()).append("  ").append(line);
    }
    return message.append(System.lineSeparator()).append(HOW_TO_SET).toString();
  }

  private static final String HOW_TO_SET =
      "Choose the main class with -Dhotrestart.mainClass=com.example.Main on the command line,"
          + " or <configuration><mainClass>com.example.Main</mainClass></configuration>"
          + " in the hotrestart-maven-plugin's <plugin> element of the pom.";
}
