package dev.hotrestart.bench;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * The floor of {@link ProcessorOverhead}: a processor of {@code @HotRestartable} that writes an
 * empty class {@code HotRestart_Foo} for each annotated top-level class {@code Foo}, through the
 * {@code Filer}, with {@code Foo} as its originating element, as hotrestart does.
 *
 * <p>This is the least that any processor which writes a file per annotated class pays, whatever
 * the file holds: the {@code Filer}'s checks on each new name (it looks the name up in every
 * module and compares the file with every input), parsing and entering the new files, a second
 * round that enters every class of the compile again, and compiling the new classes.
 *
 * <p>With {@code -Dbench.floorNames=FILE} (one qualified class name a line) it writes the empty
 * class for each class of the compile named in the file instead, annotated or not: {@link
 * CommonsLang} names the classes hotrestart proxied, to measure what writing that many files
 * costs by itself. With {@code -Dbench.floorClassFiles=true} as well, it writes each as a class
 * file ({@code Filer.createClassFile}) instead of a source: the floor of a processor that writes
 * its classes as bytecode, which javac enters for the next round without parsing or compiling
 * them.
 */
public final class FloorProcessor extends AbstractProcessor {

  private final Set<String> written = new HashSet<>();

  /** Created by javac. */
  public FloorProcessor() {}

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return System.getProperty("bench.floorNames") == null ? Set.of("dev.hotrestart.HotRestartable") : Set.of("*");
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    String names = System.getProperty("bench.floorNames");
    if (names != null) {
      if (!round.processingOver() && written.isEmpty()) {
        Set<String> wanted = readNames(names);
        for (Element element : round.getRootElements()) {
          if (element instanceof TypeElement type
              && wanted.contains(type.getQualifiedName().toString())
              && written.add(type.getQualifiedName().toString())) {
            write(type, (PackageElement) type.getEnclosingElement());
          }
        }
      }
      return false;
    }
    for (TypeElement annotation : annotations) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        if (element.getEnclosingElement() instanceof PackageElement) {
          write((TypeElement) element, (PackageElement) element.getEnclosingElement());
        }
      }
    }
    return true;
  }

  private static Set<String> readNames(String file) {
    try {
      return new HashSet<>(Files.readAllLines(Path.of(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(TypeElement type, PackageElement pkg) {
    String name = "HotRestart_" + type.getSimpleName();
    if (Boolean.getBoolean("bench.floorClassFiles")) {
      String binary = pkg.getQualifiedName() + "." + name;
      try (OutputStream out = processingEnv.getFiler().createClassFile(binary, type).openOutputStream()) {
        out.write(emptyClass(binary.replace('.', '/')));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    try (Writer out =
        processingEnv
            .getFiler()
            .createSourceFile(pkg.getQualifiedName() + "." + name, type)
            .openWriter()) {
      out.write("package " + pkg.getQualifiedName() + ";\n\nfinal class " + name + " {}\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code final class NAME {}} compiled for Java 17: a constant pool of four entries, no members. */
  private static byte[] emptyClass(String internalName) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0xCAFEBABE);
    out.writeShort(0); // minor version
    out.writeShort(61); // Java 17
    out.writeShort(5); // constant pool count: entries 1 to 4
    out.writeByte(1); // #1 Utf8: this class
    out.writeUTF(internalName);
    out.writeByte(7); // #2 Class #1
    out.writeShort(1);
    out.writeByte(1); // #3 Utf8: the superclass
    out.writeUTF("java/lang/Object");
    out.writeByte(7); // #4 Class #3
    out.writeShort(3);
    out.writeShort(0x0010 | 0x0020); // ACC_FINAL | ACC_SUPER
    out.writeShort(2); // this class
    out.writeShort(4); // superclass
    out.writeShort(0); // interfaces
    out.writeShort(0); // fields
    out.writeShort(0); // methods
    out.writeShort(0); // attributes
    return bytes.toByteArray();
  }
}
