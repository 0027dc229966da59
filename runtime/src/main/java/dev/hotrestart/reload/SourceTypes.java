package dev.hotrestart.reload;

import java.util.ArrayDeque;
import java.util.Optional;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

/**
 * A captured local variable's type as Java source, to declare it as a parameter of {@code p}'s
 * method: the generic type where the class file has it, else the erased one. A class without a
 * name in the source (anonymous, local, hidden) reads as {@code Object}, so the variable stays
 * visible, with {@code Object}'s members only.
 */
final class SourceTypes {

  private SourceTypes() {}

  /**
   * The source text of a variable's type.
   *
   * @param variable the variable
   * @param loader the loader of the class the variable is declared in
   * @return the type as it can be written in that class's source
   */
  static String of(LocalCapture.Variable variable, ClassLoader loader) {
    if (variable.signature() != null) {
      try {
        Writer writer = new Writer(loader);
        new SignatureReader(variable.signature()).acceptType(writer);
        if (!writer.unnamed) {
          return writer.text.toString();
        }
      } catch (RuntimeException e) {
        // A signature this does not read: the erased type below still declares the variable.
      }
    }
    return erased(Type.getType(variable.descriptor()), loader);
  }

  private static String erased(Type type, ClassLoader loader) {
    if (type.getSort() == Type.ARRAY) {
      StringBuilder text = new StringBuilder(erased(type.getElementType(), loader));
      text.append("[]".repeat(type.getDimensions()));
      return text.toString();
    }
    if (type.getSort() != Type.OBJECT) {
      return type.getClassName();
    }
    return canonical(type.getInternalName(), loader).orElse("Object");
  }

  private static Optional<String> canonical(String internalName, ClassLoader loader) {
    try {
      return Optional.ofNullable(
          Class.forName(internalName.replace('/', '.'), false, loader).getCanonicalName());
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }

  /** Writes a type signature as source; notes a class that has no name in the source. */
  private static final class Writer extends SignatureVisitor {
    private final ClassLoader loader;
    private final StringBuilder text = new StringBuilder();
    private boolean unnamed;
    /** Per open class type: whether its type arguments were opened with {@code <}. */
    private final ArrayDeque<boolean[]> arguments = new ArrayDeque<>();
    /** Per open class type: the array dimensions opened before it, closed after it. */
    private final ArrayDeque<Integer> pendingArrays = new ArrayDeque<>();
    private String outer;
    private int arrays;

    Writer(ClassLoader loader) {
      super(Opcodes.ASM9);
      this.loader = loader;
    }

    @Override
    public void visitBaseType(char descriptor) {
      text.append(Type.getType(String.valueOf(descriptor)).getClassName());
      closeArrays();
    }

    @Override
    public void visitTypeVariable(String name) {
      text.append(name);
      closeArrays();
    }

    @Override
    public SignatureVisitor visitArrayType() {
      arrays++;
      return this;
    }

    private void closeArrays() {
      // Arrays open before their element type; the brackets follow it.
      while (arrays > 0) {
        text.append("[]");
        arrays--;
      }
    }

    @Override
    public void visitClassType(String name) {
      outer = name;
      Optional<String> canonical = canonical(name, loader);
      if (canonical.isEmpty()) {
        unnamed = true;
      }
      text.append(canonical.orElse("Object"));
      arguments.push(new boolean[] {false});
      pendingArrays.push(arrays);
      arrays = 0;
    }

    @Override
    public void visitInnerClassType(String name) {
      closeArguments();
      outer = outer + "$" + name;
      text.append('.').append(name);
      if (canonical(outer, loader).isEmpty()) {
        unnamed = true;
      }
    }

    @Override
    public void visitTypeArgument() {
      openArgument();
      text.append('?');
    }

    @Override
    public SignatureVisitor visitTypeArgument(char wildcard) {
      openArgument();
      if (wildcard == SignatureVisitor.EXTENDS) {
        text.append("? extends ");
      } else if (wildcard == SignatureVisitor.SUPER) {
        text.append("? super ");
      }
      return this;
    }

    private void openArgument() {
      boolean[] open = arguments.peek();
      text.append(open[0] ? ", " : "<");
      open[0] = true;
    }

    private void closeArguments() {
      boolean[] open = arguments.peek();
      if (open[0]) {
        text.append('>');
        open[0] = false;
      }
    }

    @Override
    public void visitEnd() {
      closeArguments();
      arguments.pop();
      arrays = pendingArrays.pop();
      closeArrays();
    }
  }
}
