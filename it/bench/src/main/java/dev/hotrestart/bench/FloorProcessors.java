package dev.hotrestart.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Two processors that do next to nothing, for the floor of {@link ProcessorOverhead}: what javac
 * itself charges any processor of {@code @HotRestartable}, before hotrestart does any work.
 */
final class FloorProcessors {

  private FloorProcessors() {}

  /** A processor of {@code @HotRestartable}, as hotrestart's is. */
  private abstract static class OfTheAnnotation extends AbstractProcessor {
    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("dev.hotrestart.HotRestartable");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }
  }

  /** Claims {@code @HotRestartable} and writes nothing: the cost of running processing at all. */
  public static final class Silent extends OfTheAnnotation {
    /** Created by javac. */
    public Silent() {}

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return true;
    }
  }

  /**
   * Claims {@code @HotRestartable} and writes one empty class in the first round. Any processor
   * that generates a file pays for what this one causes: javac starts a second round, which
   * enters every class of the compile again.
   */
  public static final class OneFile extends OfTheAnnotation {
    private boolean written;

    /** Created by javac. */
    public OneFile() {}

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!written && !round.processingOver()) {
        written = true;
        try (Writer out = processingEnv.getFiler().createSourceFile("gen.FloorMarker").openWriter()) {
          out.write("package gen;\n\nfinal class FloorMarker {}\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return true;
    }
  }
}
