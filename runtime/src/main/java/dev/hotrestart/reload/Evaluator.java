package dev.hotrestart.reload;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.SourcePositions;
import dev.hotrestart.config.Settings;
import dev.hotrestart.slot.Crash;
import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.source.SourceTrees;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Evaluates a Java expression in the scope of a crashed method: its arguments by name, {@code
 * this} and the private members of its class.
 *
 * <p>It uses the reload machinery: a copy of the source gets a private method, declared with the
 * crashed method's type parameters and parameters, that returns the expression; the copy is
 * compiled, that one method is transplanted beside the running class, and it is called with the
 * crash's receiver and arguments. The running code is never changed.
 */
public final class Evaluator {

  private static final Evaluator SHARED = new Evaluator(Reloader.shared());
  private static final AtomicInteger EVALUATIONS = new AtomicInteger();

  private final Reloader reloader;

  /**
   * An evaluator that finds sources and compiles as {@code reloader} does.
   *
   * @param reloader the reloader to share sources and compiler with
   */
  public Evaluator(Reloader reloader) {
    this.reloader = reloader;
  }

  /** The evaluator of this JVM. */
  public static Evaluator shared() {
    return SHARED;
  }

  /**
   * Compiles {@code expression} into a method beside the crashed one and calls it on the crash's
   * receiver with the crash's arguments. Never throws.
   *
   * @param crash the crash whose scope the expression sees
   * @param expression a Java expression
   * @return its value, or what went wrong
   */
  public Evaluation evaluate(Crash crash, String expression) {
    if (expression.isBlank()) {
      return Evaluation.error("p needs an expression, for example: p this.count + 1");
    }
    MethodHandle handle;
    synchronized (reloader) {
      try {
        handle = compile(crash, expression.trim());
      } catch (ReloadRefusal refusal) {
        return Evaluation.error(refusal.getMessage());
      } catch (RuntimeException | LinkageError e) {
        return Evaluation.error("hotrestart: could not evaluate the expression: " + e);
      }
    }
    List<Object> arguments = new ArrayList<>();
    arguments.add(crash.receiver());
    arguments.addAll(crash.arguments());
    try {
      Object value = handle.invokeWithArguments(arguments);
      return handle.type().returnType() == void.class
          ? Evaluation.nothing()
          : Evaluation.value(value);
    } catch (Throwable thrown) {
      return Evaluation.error("the expression threw " + ExpressionErrors.describe(thrown));
    }
  }

  /**
   * The expression as a method returning its value; if that does not compile because the
   * expression is void (a call of a void method), as a void method that runs it.
   */
  private MethodHandle compile(Crash crash, String expression) throws ReloadRefusal {
    try {
      return compile(crash, expression, false);
    } catch (ReloadRefusal asValue) {
      if (!asValue.getMessage().contains("void")) {
        throw asValue;
      }
      try {
        return compile(crash, expression, true);
      } catch (ReloadRefusal asStatement) {
        throw asValue;
      }
    }
  }

  private MethodHandle compile(Crash crash, String expression, boolean statement)
      throws ReloadRefusal {
    MethodSlot slot = crash.slot();
    Class<?> running = slot.declaringClass();
    Path file = reloader.recompiler().sourceFile(running);
    String source;
    try {
      source = Files.readString(file, Settings.sourceEncoding());
    } catch (IOException e) {
      throw new ReloadRefusal("hotrestart: cannot read " + file + ": " + e.getMessage());
    }
    String name = "$hr$eval$" + EVALUATIONS.incrementAndGet();
    Inserted inserted = insertMethod(source, file, slot, name, expression, statement);
    InMemoryCompiler.Output output =
        reloader
            .recompiler()
            .compiler(running)
            .compile(file, inserted.text(), reloader.recompiler().release(running));
    if (!output.succeeded()) {
      throw new ReloadRefusal(ExpressionErrors.explain(output, inserted, crash, file));
    }
    ClassNode edited = ClassFiles.read(output.classes().get(running.getName()));
    Optional<MethodNode> method =
        edited.methods.stream().filter(m -> m.name.equals(name)).findFirst();
    if (method.isEmpty()) {
      throw new ReloadRefusal("hotrestart: the expression method was not compiled");
    }
    String root = name + method.get().desc;
    Transplant.Result transplant =
        Transplant.build(
            output.classes(),
            running,
            edited,
            List.of(root),
            Type.getInternalName(running) + "$HR$eval$" + EVALUATIONS.get());
    return Definer.define(running, transplant).get(root);
  }

  /**
   * A copy of the source with the expression's method added.
   *
   * @param text the copy
   * @param method where the added method starts and ends in {@code text}
   * @param expression the expression as typed, and where it starts in {@code text}
   * @param locals the local variables of the crashed method, with the line each is declared on
   */
  record Inserted(
      String text, Span method, String expression, int expressionStart, Map<String, Long> locals) {}

  /** A range of a text: from {@code start}, inclusive, to {@code end}, exclusive. */
  record Span(int start, int end) {
    boolean contains(long position) {
      return position >= start && position < end;
    }
  }

  /**
   * The source with a method returning {@code expression} (or, for a {@code statement}, a void
   * method running it) added at the end of the class.
   */
  static Inserted insertMethod(
      String source, Path file, MethodSlot slot, String name, String expression, boolean statement)
      throws ReloadRefusal {
    SourceTrees.Parsed parsed =
        SourceTrees.parse(source, file.getFileName().toString())
            .orElseThrow(
                () -> new ReloadRefusal("hotrestart: this JVM has no Java compiler; run it on a JDK"));
    CompilationUnitTree tree = parsed.unit();
    SourcePositions positions = parsed.positions();
    ClassTree type = SourceTrees.findClass(tree, slot.declaringClass())
        .orElseThrow(() -> new ReloadRefusal(
            "hotrestart: " + file + " no longer declares " + slot.declaringClass().getName()));
    MethodTree method = SourceTrees.findMethod(type, slot.methodName(), slot.methodType())
        .orElseThrow(() -> new ReloadRefusal(
            "hotrestart: " + file + " no longer declares " + slot.describe()));
    String typeParameters =
        method.getTypeParameters().isEmpty()
            ? ""
            : method.getTypeParameters().stream()
                .map(p -> parsed.text(source, p))
                .collect(Collectors.joining(", ", "<", "> "));
    String parameters =
        method.getParameters().stream()
            .map(p -> parsed.text(source, p))
            .collect(Collectors.joining(", "));
    String before =
        " private "
            + typeParameters
            + (statement ? "void " : "Object ")
            + name
            + "("
            + parameters
            + (statement ? ") throws Throwable {\n" : ") throws Throwable { return (\n");
    String added = before + expression + (statement ? "\n; }" : "\n); }");
    int closing = (int) positions.getEndPosition(tree, type) - 1;
    return new Inserted(
        source.substring(0, closing) + added + source.substring(closing),
        new Span(closing, closing + added.length()),
        expression,
        closing + before.length(),
        Locals.declaredIn(parsed, method));
  }
}
