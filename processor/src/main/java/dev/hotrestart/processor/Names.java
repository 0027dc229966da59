package dev.hotrestart.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * How the processor names things: the class it generates for an annotated class, and the
 * classes, methods and types its messages mention, as a user wrote them ({@code Outer.Inner},
 * {@code work(int, List<String>)}). Every step of the processor names things the same way
 * through here; nothing here depends on a step.
 */
final class Names {

  /** The prefix of every generated class name. */
  static final String PROXY_PREFIX = "HotRestart_";

  private Names() {}

  /** {@code HotRestart_Outer_Inner} for {@code Outer.Inner}. */
  static String proxySimpleName(TypeElement type) {
    return PROXY_PREFIX + name(type).replace('.', '_');
  }

  /** {@code Outer.Inner}: the name as written in the package. */
  static String name(TypeElement type) {
    StringBuilder name = new StringBuilder(type.getSimpleName());
    for (Element e = type.getEnclosingElement();
        e instanceof TypeElement;
        e = e.getEnclosingElement()) {
      name.insert(0, e.getSimpleName() + ".");
    }
    return name.toString();
  }

  /** {@code work(int, List<String>)}, or {@code Pipeline(Config)} for a constructor. */
  static String signature(ExecutableElement executable) {
    String name =
        executable.getKind() == ElementKind.CONSTRUCTOR
            ? executable.getEnclosingElement().getSimpleName().toString()
            : executable.getSimpleName().toString();
    List<String> parameters = new ArrayList<>();
    List<? extends VariableElement> declared = executable.getParameters();
    for (int i = 0; i < declared.size(); i++) {
      String type = TypeWalk.fold(declared.get(i).asType(), SIMPLE);
      if (executable.isVarArgs() && i == declared.size() - 1 && type.endsWith("[]")) {
        type = type.substring(0, type.length() - 2) + "...";
      }
      parameters.add(type);
    }
    return name + "(" + String.join(", ", parameters) + ")";
  }

  /** A type with simple class names and without type annotations: {@code Map<K, List<?>>}. */
  private static final TypeWalk.Fold<String> SIMPLE =
      new TypeWalk.Fold<>() {
        @Override
        public String leaf(TypeMirror type) {
          if (type.getKind() == TypeKind.TYPEVAR) {
            return ((TypeVariable) type).asElement().getSimpleName().toString();
          }
          return type.getKind().isPrimitive()
              ? type.getKind().name().toLowerCase(Locale.ROOT)
              : type.toString();
        }

        @Override
        public String array(ArrayType type, String component) {
          return component + "[]";
        }

        @Override
        public String wildcard(WildcardType type, String bound) {
          if (bound == null) {
            return "?";
          }
          return (type.getSuperBound() != null ? "? super " : "? extends ") + bound;
        }

        @Override
        public String declared(DeclaredType type, String enclosing, List<String> arguments) {
          String raw = type.asElement().getSimpleName().toString();
          return arguments.isEmpty() ? raw : raw + "<" + String.join(", ", arguments) + ">";
        }
      };
}
