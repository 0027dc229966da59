package dev.hotrestart;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose methods may be restarted after a crash.
 *
 * <p>The hotrestart annotation processor generates {@code HotRestart_Foo} for a class {@code
 * Foo} annotated with this: a subclass that overrides every overridable method declared in
 * {@code Foo} and one {@code create(...)} factory per non-private constructor. Create instances
 * through the factory:
 *
 * <pre>{@code
 * @HotRestartable
 * class Pipeline { ... }
 *
 * Pipeline p = HotRestart_Pipeline.create(config);
 * }</pre>
 *
 * <p>When a wrapped method throws while the program runs under {@code mvn hotrestart:run} (or
 * with {@code -Dhotrestart.enabled=true}), a post-mortem debugger opens in that method. After an
 * edit of the source, {@code c} recompiles the method, swaps it in and calls it again with the
 * same receiver and arguments. Otherwise the proxy behaves exactly like {@code Foo}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE, ElementType.METHOD})
public @interface HotRestartable {

  /**
   * Exceptions that pass straight through to the caller, without a prompt. Subclasses are
   * included. The default lets {@link InterruptedException} through, since a thread being
   * interrupted is a request to stop, not a bug to fix.
   *
   * @return the exception types that are never caught by the debugger
   */
  Class<? extends Throwable>[] propagate() default {InterruptedException.class};
}
