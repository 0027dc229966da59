package dev.hotrestart.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes a {@link ProxyModel} as a class file, the bytes javac makes of {@link ProxyWriter}'s
 * source for the same model: the same members, flags, generic signatures, {@code throws}
 * clauses, bridge methods and nested-class entries, and the same instructions in every method
 * (OracleTest compares the two). Javac then neither parses, attributes nor lowers the proxies,
 * which on real code is most of what they cost a compile (performance.md, section 4).
 *
 * <p>What the class file leaves out, compared with javac's: debugging tables ({@code
 * LineNumberTable}, {@code LocalVariableTable}; there is no source file for them to point into,
 * and the proxies' frames are hidden from the runtime's prompt and debugger), type-use
 * annotations copied from the annotated class's signatures, and the {@code MethodParameters}
 * that {@code -parameters} would add. {@code @Generated}, {@code @Override} and {@code
 * @SuppressWarnings} have source retention and are not in javac's class file either.
 */
final class ProxyClassWriter {

  private static final String OBJECT = "java/lang/Object";
  private static final String METHOD_SLOT = "dev/hotrestart/slot/MethodSlot";
  private static final String METHOD_HANDLE = "java/lang/invoke/MethodHandle";
  private static final String METHOD_HANDLE_DESCRIPTOR = "L" + METHOD_HANDLE + ";";
  private static final String LOOKUP = "java/lang/invoke/MethodHandles$Lookup";

  private final int version;

  /**
   * @param version the class file version, the one javac would write for the compile's release
   *     ({@link Opcodes#V17} for {@code --release 17})
   */
  ProxyClassWriter(int version) {
    this.version = version;
  }

  /** The class file version javac writes for a source level: 52 for 8, 61 for 17. */
  static int classFileVersion(int release) {
    return 44 + Math.max(release, 8);
  }

  /** The proxy's class file. */
  byte[] write(ProxyModel model) {
    ClassWriter out =
        new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
          // Frames merge only `this` with itself and a dead catch variable with nothing, so no
          // two distinct classes ever meet: never load one to find a common superclass.
          @Override
          protected String getCommonSuperClass(String type1, String type2) {
            return OBJECT;
          }
        };
    String proxy = internalName(model.proxyClass());
    String superclass = internalName(raw(model.superclass()));
    Signatures signatures = new Signatures(model.interfaceBounds());
    String classSignature =
        model.typeVariables().isEmpty() && model.superclass() instanceof ClassName
            ? null
            : signatures.typeParameters(model.typeVariables())
                + signatures.type(model.superclass());
    out.visit(
        version,
        (model.isPublic() ? Opcodes.ACC_PUBLIC : 0) | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER,
        proxy,
        classSignature,
        superclass,
        null);
    out.visitSource(model.proxyClass().simpleName() + ".java", null);
    innerClasses(out, model);

    if (model.serializable()) {
      out.visitField(
              Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL,
              "serialVersionUID",
              "J",
              null,
              1L)
          .visitEnd();
    }
    String slots = model.slotPrefix() + "SLOTS";
    if (!model.methods().isEmpty()) {
      int access = Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL;
      out.visitField(access, slots, "[L" + METHOD_SLOT + ";", null, null).visitEnd();
      for (int i = 0; i < model.methods().size(); i++) {
        out.visitField(access, callName(model, i), METHOD_HANDLE_DESCRIPTOR, null, null)
            .visitEnd();
      }
    }
    for (ProxyModel.Factory factory : model.factories()) {
      constructor(out, signatures, superclass, factory);
    }
    for (ProxyModel.Factory factory : model.factories()) {
      factoryMethod(out, signatures, proxy, factory);
    }
    for (int i = 0; i < model.methods().size(); i++) {
      override(out, signatures, model, proxy, slots, i);
    }
    for (ProxyModel.Method method : model.methods()) {
      for (ProxyModel.Bridge bridge : method.bridges()) {
        bridge(out, proxy, method, bridge);
      }
    }
    if (!model.methods().isEmpty()) {
      staticInitializer(out, model, proxy, slots);
    }
    out.visitEnd();
    return out.toByteArray();
  }

  /** Every nested class the file names, as javac lists them, in order of name. */
  private static void innerClasses(ClassWriter out, ProxyModel model) {
    TreeMap<String, ProxyModel.NestedClass> nested = new TreeMap<>();
    model.nestedClasses().forEach(c -> nested.put(c.binaryName(), c));
    if (!model.methods().isEmpty()) {
      // MethodHandles.lookup() returns it.
      nested.put(
          "java.lang.invoke.MethodHandles$Lookup",
          new ProxyModel.NestedClass(
              "java.lang.invoke.MethodHandles$Lookup",
              "java.lang.invoke.MethodHandles",
              "Lookup",
              Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL));
    }
    for (ProxyModel.NestedClass c : nested.values()) {
      out.visitInnerClass(
          c.binaryName().replace('.', '/'),
          c.outerBinaryName().replace('.', '/'),
          c.simpleName(),
          c.access());
    }
  }

  private static String callName(ProxyModel model, int index) {
    return model.slotPrefix() + "CALL_" + index;
  }

  private static void constructor(
      ClassWriter out, Signatures signatures, String superclass, ProxyModel.Factory factory) {
    String descriptor = methodDescriptor(factory.constructorParameters(), TypeName.VOID);
    MethodVisitor code =
        out.visitMethod(
            Opcodes.ACC_PRIVATE | (factory.varargs() ? Opcodes.ACC_VARARGS : 0),
            "<init>",
            descriptor,
            signatures.method(
                factory.constructorTypeVariables(),
                factory.constructorParameters(),
                TypeName.VOID,
                factory.constructorExceptions()),
            internalNames(factory.erasedExceptions()));
    annotate(code, false, factory.safeVarargs());
    code.visitVarInsn(Opcodes.ALOAD, 0);
    loadParameters(code, factory.constructorParameters(), 1);
    code.visitMethodInsn(Opcodes.INVOKESPECIAL, superclass, "<init>", descriptor, false);
    end(code, Opcodes.RETURN);
  }

  private static void factoryMethod(
      ClassWriter out, Signatures signatures, String proxy, ProxyModel.Factory factory) {
    String constructor = methodDescriptor(factory.factoryParameters(), TypeName.VOID);
    TypeName returnType = raw(factory.returnType());
    MethodVisitor code =
        out.visitMethod(
            access(factory.visibility())
                | Opcodes.ACC_STATIC
                | (factory.varargs() ? Opcodes.ACC_VARARGS : 0)
                | (factory.deprecated() ? Opcodes.ACC_DEPRECATED : 0),
            "create",
            methodDescriptor(factory.factoryParameters(), returnType),
            signatures.method(
                factory.factoryTypeVariables(),
                factory.factoryParameters(),
                factory.returnType(),
                factory.factoryExceptions()),
            internalNames(factory.erasedExceptions()));
    annotate(code, factory.deprecated(), factory.safeVarargs());
    code.visitTypeInsn(Opcodes.NEW, proxy);
    code.visitInsn(Opcodes.DUP);
    loadParameters(code, factory.factoryParameters(), 0);
    code.visitMethodInsn(Opcodes.INVOKESPECIAL, proxy, "<init>", constructor, false);
    end(code, Opcodes.ARETURN);
  }

  /** The runtime-visible annotations javac keeps from the source, then the start of the code. */
  private static void annotate(MethodVisitor code, boolean deprecated, boolean safeVarargs) {
    if (deprecated) {
      code.visitAnnotation("Ljava/lang/Deprecated;", true).visitEnd();
    }
    if (safeVarargs) {
      code.visitAnnotation("Ljava/lang/SafeVarargs;", true).visitEnd();
    }
    code.visitCode();
  }

  /** The last instruction; the writer computes the stack and locals sizes and the frames. */
  private static void end(MethodVisitor code, int lastOpcode) {
    code.visitInsn(lastOpcode);
    code.visitMaxs(0, 0);
    code.visitEnd();
  }

  /**
   * The override, as javac compiles {@code while (true) { try { return (T) (Object)
   * HR_CALL_i.invokeExact((Object) this, ...); } catch (Throwable e) { HR_SLOTS[i].failed(e,
   * this, new Object[] {...}); } }}: the call site's descriptor is the erased invoker's type.
   */
  private static void override(
      ClassWriter out,
      Signatures signatures,
      ProxyModel model,
      String proxy,
      String slots,
      int index) {
    ProxyModel.Method method = model.methods().get(index);
    MethodVisitor code =
        out.visitMethod(
            access(method.modifiers())
                | (method.varargs() ? Opcodes.ACC_VARARGS : 0)
                | (method.deprecated() ? Opcodes.ACC_DEPRECATED : 0),
            method.name(),
            methodDescriptor(method.parameters(), method.erasedReturn()),
            signatures.method(
                method.typeVariables(),
                method.parameters(),
                method.returnType(),
                method.exceptions()),
            internalNames(method.erasedExceptions()));
    annotate(code, method.deprecated(), false);
    Label loop = new Label();
    Label end = new Label();
    Label handler = new Label();
    code.visitTryCatchBlock(loop, end, handler, "java/lang/Throwable");
    code.visitLabel(loop);
    code.visitFieldInsn(Opcodes.GETSTATIC, proxy, callName(model, index), METHOD_HANDLE_DESCRIPTOR);
    code.visitVarInsn(Opcodes.ALOAD, 0);
    int catchSlot = loadParameters(code, method.parameters(), 1);
    StringBuilder invoker = new StringBuilder("(Ljava/lang/Object;");
    for (ProxyModel.Parameter parameter : method.parameters()) {
      invoker.append(erasedToObject(parameter.erasure()));
    }
    invoker.append(')').append(erasedToObject(method.erasedReturn()));
    code.visitMethodInsn(
        Opcodes.INVOKEVIRTUAL, METHOD_HANDLE, "invokeExact", invoker.toString(), false);
    Type result = Type.getType(ProxyWriter.descriptor(method.erasedReturn()));
    if (result.getSort() >= Type.ARRAY && !result.getInternalName().equals(OBJECT)) {
      code.visitTypeInsn(Opcodes.CHECKCAST, result.getInternalName());
    }
    code.visitLabel(end);
    code.visitInsn(result.getOpcode(Opcodes.IRETURN));

    code.visitLabel(handler);
    code.visitVarInsn(Opcodes.ASTORE, catchSlot);
    code.visitFieldInsn(Opcodes.GETSTATIC, proxy, slots, "[L" + METHOD_SLOT + ";");
    push(code, index);
    code.visitInsn(Opcodes.AALOAD);
    code.visitVarInsn(Opcodes.ALOAD, catchSlot);
    code.visitVarInsn(Opcodes.ALOAD, 0);
    push(code, method.parameters().size());
    code.visitTypeInsn(Opcodes.ANEWARRAY, OBJECT);
    int slot = 1;
    for (int j = 0; j < method.parameters().size(); j++) {
      Type type = Type.getType(ProxyWriter.descriptor(method.parameters().get(j).erasure()));
      code.visitInsn(Opcodes.DUP);
      push(code, j);
      code.visitVarInsn(type.getOpcode(Opcodes.ILOAD), slot);
      box(code, type);
      code.visitInsn(Opcodes.AASTORE);
      slot += type.getSize();
    }
    code.visitMethodInsn(
        Opcodes.INVOKEVIRTUAL,
        METHOD_SLOT,
        "failed",
        "(Ljava/lang/Throwable;Ljava/lang/Object;[Ljava/lang/Object;)V",
        false);
    code.visitJumpInsn(Opcodes.GOTO, loop);
    code.visitMaxs(0, 0);
    code.visitEnd();
  }

  /** What javac adds for an overridden method whose erasure differs: a cast and a call. */
  private static void bridge(
      ClassWriter out, String proxy, ProxyModel.Method method, ProxyModel.Bridge bridge) {
    MethodVisitor code =
        out.visitMethod(
            access(method.modifiers()) | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE,
            method.name(),
            erasedDescriptor(bridge.parameters(), bridge.returnType()),
            null,
            internalNames(bridge.exceptions()));
    // javac copies the override's annotations to its bridges.
    annotate(code, method.deprecated(), false);
    code.visitVarInsn(Opcodes.ALOAD, 0);
    int slot = 1;
    for (int j = 0; j < bridge.parameters().size(); j++) {
      Type from = Type.getType(ProxyWriter.descriptor(bridge.parameters().get(j)));
      Type to = Type.getType(ProxyWriter.descriptor(method.parameters().get(j).erasure()));
      code.visitVarInsn(from.getOpcode(Opcodes.ILOAD), slot);
      if (!from.equals(to)) {
        code.visitTypeInsn(Opcodes.CHECKCAST, to.getInternalName());
      }
      slot += from.getSize();
    }
    code.visitMethodInsn(
        Opcodes.INVOKEVIRTUAL,
        proxy,
        method.name(),
        methodDescriptor(method.parameters(), method.erasedReturn()),
        false);
    end(code, Type.getType(ProxyWriter.descriptor(bridge.returnType())).getOpcode(Opcodes.IRETURN));
  }

  /** {@code HR_SLOTS = MethodSlot.all(lookup(), Foo.class, "..."); HR_CALL_i = ...}. */
  private static void staticInitializer(
      ClassWriter out, ProxyModel model, String proxy, String slots) {
    MethodVisitor code = out.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
    code.visitCode();
    code.visitMethodInsn(
        Opcodes.INVOKESTATIC,
        "java/lang/invoke/MethodHandles",
        "lookup",
        "()L" + LOOKUP + ";",
        false);
    code.visitLdcInsn(Type.getObjectType(internalName(model.annotatedClass())));
    push(code, model.methods().size());
    code.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/String");
    for (int i = 0; i < model.methods().size(); i++) {
      code.visitInsn(Opcodes.DUP);
      push(code, i);
      code.visitLdcInsn(ProxyWriter.slotConstant(model.methods().get(i)));
      code.visitInsn(Opcodes.AASTORE);
    }
    String slotArray = "[L" + METHOD_SLOT + ";";
    code.visitMethodInsn(
        Opcodes.INVOKESTATIC,
        METHOD_SLOT,
        "all",
        "(L" + LOOKUP + ";Ljava/lang/Class;[Ljava/lang/String;)" + slotArray,
        false);
    code.visitFieldInsn(Opcodes.PUTSTATIC, proxy, slots, slotArray);
    for (int i = 0; i < model.methods().size(); i++) {
      code.visitFieldInsn(Opcodes.GETSTATIC, proxy, slots, slotArray);
      push(code, i);
      code.visitInsn(Opcodes.AALOAD);
      code.visitMethodInsn(
          Opcodes.INVOKEVIRTUAL,
          METHOD_SLOT,
          "erasedInvoker",
          "()" + METHOD_HANDLE_DESCRIPTOR,
          false);
      code.visitFieldInsn(Opcodes.PUTSTATIC, proxy, callName(model, i), METHOD_HANDLE_DESCRIPTOR);
    }
    end(code, Opcodes.RETURN);
  }

  /** Loads each parameter from its local slot on; returns the first slot after them. */
  private static int loadParameters(
      MethodVisitor code, List<ProxyModel.Parameter> parameters, int slot) {
    for (ProxyModel.Parameter parameter : parameters) {
      Type type = Type.getType(ProxyWriter.descriptor(parameter.erasure()));
      code.visitVarInsn(type.getOpcode(Opcodes.ILOAD), slot);
      slot += type.getSize();
    }
    return slot;
  }

  /** The shortest instruction that pushes an int constant, as javac picks it. */
  private static void push(MethodVisitor code, int value) {
    if (value >= -1 && value <= 5) {
      code.visitInsn(Opcodes.ICONST_0 + value);
    } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
      code.visitIntInsn(Opcodes.BIPUSH, value);
    } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
      code.visitIntInsn(Opcodes.SIPUSH, value);
    } else {
      code.visitLdcInsn(value);
    }
  }

  /** Boxes a primitive with its {@code valueOf}, as javac does for {@code new Object[] {x}}. */
  private static void box(MethodVisitor code, Type type) {
    String box;
    switch (type.getSort()) {
      case Type.BOOLEAN:
        box = "java/lang/Boolean";
        break;
      case Type.BYTE:
        box = "java/lang/Byte";
        break;
      case Type.SHORT:
        box = "java/lang/Short";
        break;
      case Type.CHAR:
        box = "java/lang/Character";
        break;
      case Type.INT:
        box = "java/lang/Integer";
        break;
      case Type.LONG:
        box = "java/lang/Long";
        break;
      case Type.FLOAT:
        box = "java/lang/Float";
        break;
      case Type.DOUBLE:
        box = "java/lang/Double";
        break;
      default:
        return;
    }
    code.visitMethodInsn(
        Opcodes.INVOKESTATIC, box, "valueOf", "(" + type.getDescriptor() + ")L" + box + ";", false);
  }

  /** A primitive's descriptor, or {@code Object}'s for any reference: the invoker's types. */
  private static String erasedToObject(TypeName erasure) {
    String descriptor = ProxyWriter.descriptor(erasure);
    return descriptor.length() == 1 ? descriptor : "L" + OBJECT + ";";
  }

  private static String methodDescriptor(List<ProxyModel.Parameter> parameters, TypeName result) {
    List<TypeName> erasures = new ArrayList<>();
    parameters.forEach(p -> erasures.add(p.erasure()));
    return erasedDescriptor(erasures, result);
  }

  private static String erasedDescriptor(List<TypeName> parameters, TypeName result) {
    StringBuilder descriptor = new StringBuilder("(");
    for (TypeName parameter : parameters) {
      descriptor.append(ProxyWriter.descriptor(parameter));
    }
    return descriptor.append(')').append(ProxyWriter.descriptor(result)).toString();
  }

  private static String[] internalNames(List<TypeName> erasures) {
    if (erasures.isEmpty()) {
      return null;
    }
    String[] names = new String[erasures.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = internalName((ClassName) erasures.get(i).withoutAnnotations());
    }
    return names;
  }

  private static int access(Set<Modifier> modifiers) {
    if (modifiers.contains(Modifier.PUBLIC)) {
      return Opcodes.ACC_PUBLIC;
    }
    if (modifiers.contains(Modifier.PROTECTED)) {
      return Opcodes.ACC_PROTECTED;
    }
    return 0;
  }

  private static ClassName raw(TypeName type) {
    TypeName plain = type.withoutAnnotations();
    return plain instanceof ParameterizedTypeName
        ? ((ParameterizedTypeName) plain).rawType().withoutAnnotations()
        : (ClassName) plain;
  }

  static String internalName(ClassName name) {
    return name.reflectionName().replace('.', '/');
  }

  /** Generic signatures (JVMS 4.7.9.1) of the model's JavaPoet types. */
  private static final class Signatures {

    private final Set<String> interfaceBounds;

    Signatures(Set<String> interfaceBounds) {
      this.interfaceBounds = interfaceBounds;
    }

    /**
     * A method's signature, or null where javac writes none: when no type variable is declared
     * and every type is its own erasure. The {@code throws} clause is written only when it names
     * a type variable, as javac does.
     */
    String method(
        List<TypeVariableName> typeVariables,
        List<ProxyModel.Parameter> parameters,
        TypeName returnType,
        List<TypeName> exceptions) {
      boolean generic = !typeVariables.isEmpty() || isGeneric(returnType);
      List<TypeName> types = new ArrayList<>();
      for (ProxyModel.Parameter parameter : parameters) {
        types.add(parameter.type());
        generic |= isGeneric(parameter.type());
      }
      boolean throwsVariable = false;
      for (TypeName exception : exceptions) {
        throwsVariable |= exception.withoutAnnotations() instanceof TypeVariableName;
      }
      if (!generic && !throwsVariable) {
        return null;
      }
      StringBuilder signature = new StringBuilder(typeParameters(typeVariables)).append('(');
      types.forEach(t -> signature.append(type(t)));
      signature.append(')').append(type(returnType));
      if (throwsVariable) {
        exceptions.forEach(e -> signature.append('^').append(type(e)));
      }
      return signature.toString();
    }

    String typeParameters(List<TypeVariableName> variables) {
      if (variables.isEmpty()) {
        return "";
      }
      StringBuilder signature = new StringBuilder("<");
      for (TypeVariableName variable : variables) {
        signature.append(variable.name()).append(':');
        List<TypeName> bounds = variable.bounds();
        if (bounds.isEmpty()) {
          signature.append("Ljava/lang/Object;");
          continue;
        }
        TypeName first = bounds.get(0).withoutAnnotations();
        if (!(first instanceof TypeVariableName)
            && interfaceBounds.contains(raw(first).reflectionName())) {
          signature.append(':');
        }
        for (int i = 0; i < bounds.size(); i++) {
          signature.append(i == 0 ? "" : ":").append(type(bounds.get(i)));
        }
      }
      return signature.append('>').toString();
    }

    String type(TypeName name) {
      TypeName type = name.withoutAnnotations();
      if (type instanceof TypeVariableName) {
        return "T" + ((TypeVariableName) type).name() + ";";
      }
      if (type instanceof ArrayTypeName) {
        return "[" + type(((ArrayTypeName) type).componentType());
      }
      if (type instanceof WildcardTypeName) {
        WildcardTypeName wildcard = (WildcardTypeName) type;
        if (!wildcard.lowerBounds().isEmpty()) {
          return "-" + type(wildcard.lowerBounds().get(0));
        }
        TypeName upper = wildcard.upperBounds().get(0).withoutAnnotations();
        return upper.equals(ClassName.OBJECT) ? "*" : "+" + type(upper);
      }
      if (type instanceof ParameterizedTypeName) {
        return classType((ParameterizedTypeName) type) + ";";
      }
      return ProxyWriter.descriptor(type);
    }

    /** {@code Lp/Outer<TT;>.Inner<TU;>} without the final semicolon. */
    private String classType(ParameterizedTypeName type) {
      StringBuilder signature = new StringBuilder();
      if (type.enclosingType() != null) {
        signature
            .append(classType(type.enclosingType()))
            .append('.')
            .append(type.rawType().simpleName());
      } else {
        signature.append('L').append(internalName(type.rawType()));
      }
      if (!type.typeArguments().isEmpty()) {
        signature.append('<');
        type.typeArguments().forEach(a -> signature.append(type(a)));
        signature.append('>');
      }
      return signature.toString();
    }

    /** Whether a type differs from its erasure: it names a type variable or type argument. */
    private static boolean isGeneric(TypeName name) {
      TypeName type = name.withoutAnnotations();
      if (type instanceof ArrayTypeName) {
        return isGeneric(((ArrayTypeName) type).componentType());
      }
      return type instanceof TypeVariableName
          || type instanceof ParameterizedTypeName
          || type instanceof WildcardTypeName;
    }
  }
}
