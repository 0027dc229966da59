package dev.hotrestart.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads hotrestart's annotations through {@link AnnotationMirror}s only. The processor never
 * loads the annotations as classes: the runtime is not on its path, and a {@code Class} value
 * such as {@code propagate} may name a class of the very compilation being processed.
 */
final class Annotations {

  static final String HOT_RESTARTABLE = "dev.hotrestart.HotRestartable";
  static final String NO_RESTART = "dev.hotrestart.NoRestart";

  static final String GENERATED = "javax.annotation.processing.Generated";
  private static final String GENERATED_JAVAX_OLD = "javax.annotation.Generated";

  private Annotations() {}

  /** The annotation of type {@code qualifiedName} present directly on {@code element}. */
  static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  static boolean has(Element element, String qualifiedName) {
    return find(element, qualifiedName).isPresent();
  }

  /** Whether {@code element} says it was generated (by us or another processor). */
  static boolean isGenerated(Element element) {
    return has(element, GENERATED) || has(element, GENERATED_JAVAX_OLD);
  }

  /**
   * Whether {@code @SuppressWarnings(key)} is on {@code element} or on an element enclosing it.
   */
  static boolean suppresses(Element element, String key) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      if (suppressesDirectly(e, key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code @SuppressWarnings(key)} is on {@code element} itself. Read through mirrors:
   * {@code getAnnotation} builds a reflective proxy of each annotation, and this runs for every
   * warning, thousands in a large compile.
   */
  static boolean suppressesDirectly(Element element, String key) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals("java.lang.SuppressWarnings")) {
        for (AnnotationValue value : mirror.getElementValues().values()) {
          if (value.getValue() instanceof List<?>) {
            for (Object item : (List<?>) value.getValue()) {
              if (key.equals(((AnnotationValue) item).getValue())) {
                return true;
              }
            }
          }
        }
      }
    }
    return false;
  }

  /**
   * The exception types of {@code @HotRestartable(propagate = ...)}, the default included.
   *
   * @param hotRestartable a {@code @HotRestartable} mirror
   */
  static List<TypeMirror> propagate(AnnotationMirror hotRestartable, Elements elements) {
    List<TypeMirror> types = new ArrayList<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        elements.getElementValuesWithDefaults(hotRestartable).entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("propagate")) {
        Object value = entry.getValue().getValue();
        if (value instanceof List<?>) {
          for (Object item : (List<?>) value) {
            Object type = ((AnnotationValue) item).getValue();
            if (type instanceof TypeMirror) {
              types.add((TypeMirror) type);
            } else {
              // javac gives the unresolved name as a String for a class that does not exist.
              throw new MissingTypeException(String.valueOf(type));
            }
          }
        }
      }
    }
    return List.copyOf(types);
  }
}
