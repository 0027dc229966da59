package dev.hotrestart.processor.broken;

import java.util.Set;
import java.util.function.UnaryOperator;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Runs a processor unchanged, except that it sees a wrapped processing environment. */
public final class WrappingProcessor implements Processor {
  private final Processor delegate;
  private final UnaryOperator<ProcessingEnvironment> wrap;

  /**
   * @param delegate the processor under test
   * @param wrap what {@code delegate} sees instead of javac's environment
   */
  public WrappingProcessor(Processor delegate, UnaryOperator<ProcessingEnvironment> wrap) {
    this.delegate = delegate;
    this.wrap = wrap;
  }

  @Override
  public Set<String> getSupportedOptions() {
    return delegate.getSupportedOptions();
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return delegate.getSupportedAnnotationTypes();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return delegate.getSupportedSourceVersion();
  }

  @Override
  public void init(ProcessingEnvironment env) {
    delegate.init(wrap.apply(env));
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return delegate.process(annotations, round);
  }

  @Override
  public Iterable<? extends Completion> getCompletions(
      Element element, AnnotationMirror annotation, ExecutableElement member, String text) {
    return delegate.getCompletions(element, annotation, member, text);
  }
}
