package dev.hotrestart.reload;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Evaluates a Java expression in the scope of a crashed method: its arguments and the local
 * variables it had at the throw ({@link LocalCapture}) by name, {@code this} and the private
 * members of its class.
 *
 * <p>It uses the reload machinery: a copy of the source gets a private method, declared with the
 * crashed method's type parameters and parameters, that returns the expression; the copy is
 * compiled, that one method is transplanted beside the running class, and it is called with the
 * crash's receiver, arguments and local variables. The running code is never changed, and
 * neither is what {@code c} calls the method with: a local variable is a copy here, which the
 * expression may not assign ({@link LocalAssignments}).
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
   * receiver with the crash's arguments and the local variables its method had at the throw, if
   * they were captured. Never throws.
   *
   * @param crash the crash whose scope the expression sees
   * @param expression a Java expression
   * @return its value, or what went wrong
   */
  public Evaluation evaluate(Crash crash, String expression) {
    return evaluate(crash, localsOf(crash), expression);
  }

  /**
   * Like {@link #evaluate(Crash, String)}, with the local variables given.
   *
   * @param crash the call whose scope the expression sees: its method, receiver and arguments
   * @param locals the method's variables at the throw, or empty
   * @param expression a Java expression
   * @return its value, or what went wrong
   */
  public Evaluation evaluate(
      Crash crash, Optional<LocalCapture.Frame> locals, String expression) {
    if (expression.isBlank()) {
      return Evaluation.error("p needs an expression, for example: p this.count + 1");
    }
    Scope scope = Scope.of(crash, locals);
    Optional<String> assigned = LocalAssignments.find(expression, scope.localNames());
    if (assigned.isPresent()) {
      return Evaluation.error(
          assigned.get() + " is a local variable of " + crash.slot().describe() + ": assigning"
              + " it would change nothing, since c runs the method again from its first line,"
              + " where the variable starts over. Assign a field (p this.count = 0), or edit the"
              + " code and type c.");
    }
    return run(crash, scope, expression.trim(), Kind.VALUE);
  }

  /**
   * The value {@code return expression} would give in the crashed method: the expression is
   * compiled as the body of a method of the crashed method's return type, so javac checks the
   * type as it would in the method. Never throws.
   *
   * @param crash the crash
   * @param locals the method's variables at the throw, or empty
   * @param expression a Java expression of the method's return type
   * @return its value, or what went wrong (a type error included)
   */
  public Evaluation returnValue(
      Crash crash, Optional<LocalCapture.Frame> locals, String expression) {
    return run(crash, Scope.of(crash, locals), expression.trim(), Kind.RETURN);
  }

  /**
   * The variables a crashed call had when the exception left it, if its code captured them.
   *
   * @param crash the crash
   * @return the crashed method's frame of variables
   */
  public static Optional<LocalCapture.Frame> localsOf(Crash crash) {
    MethodSlot slot = crash.slot();
    return LocalCapture.frameOf(
        crash.thrown(), slot.declaringClass(), LocalCapture.methodKey(slot));
  }

  private Evaluation run(Crash crash, Scope scope, String expression, Kind kind) {
    MethodHandle handle;
    synchronized (reloader) {
      try {
        handle = compile(crash, scope, expression, kind);
      } catch (ReloadRefusal refusal) {
        return Evaluation.error(refusal.getMessage());
      } catch (RuntimeException | LinkageError e) {
        return Evaluation.error("hotrestart: could not evaluate the expression: " + e);
      }
    }
    List<Object> arguments = new ArrayList<>();
    arguments.add(crash.receiver());
    arguments.addAll(scope.localValues());
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

  /** What the added method does with the expression. */
  enum Kind {
    /** Returns its value as an {@code Object}. */
    VALUE,
    /** Runs it: a void expression. */
    STATEMENT,
    /** Returns it as the crashed method's return type. */
    RETURN
  }

  /**
   * The local variables an expression sees beside the arguments: those captured at the throw,
   * but {@code this} and the parameters, which the method has already.
   *
   * @param declarations each variable as a parameter declaration ({@code List<String> rows})
   * @param localNames their names
   * @param localValues their values
   * @param unseen why a declared variable is not among them, for an error naming it
   * @param captured whether the variables were captured: then every variable the method declares
   *     that is not among them is named so, wherever it is declared
   */
  record Scope(
      List<String> declarations,
      List<String> localNames,
      List<Object> localValues,
      String unseen,
      boolean captured) {

    static Scope of(Crash crash, Optional<LocalCapture.Frame> locals) {
      MethodSlot slot = crash.slot();
      List<String> declarations = new ArrayList<>();
      List<String> names = new ArrayList<>();
      List<Object> values = new ArrayList<>();
      if (locals.isEmpty()) {
        String why =
            LocalCapture.whyNot(slot.declaringClass(), LocalCapture.methodKey(slot))
                .orElse("its variables were not captured at this crash");
        return new Scope(declarations, names, values, why, false);
      }
      LocalCapture.Frame frame = locals.get();
      ClassLoader loader = slot.declaringClass().getClassLoader();
      for (int i = 0; i < frame.variables().size(); i++) {
        LocalCapture.Variable variable = frame.variables().get(i);
        if (variable.name().equals("this") || slot.parameterNames().contains(variable.name())) {
          continue;
        }
        declarations.add(SourceTypes.of(variable, loader) + " " + variable.name());
        names.add(variable.name());
        values.add(frame.values().get(i));
      }
      return new Scope(
          declarations,
          names,
          values,
          "it was not assigned yet, or was out of scope, where the method failed",
          true);
    }
  }

  /**
   * The expression as a method returning its value; if that does not compile because the
   * expression is void (a call of a void method), as a void method that runs it.
   */
  private MethodHandle compile(Crash crash, Scope scope, String expression, Kind kind)
      throws ReloadRefusal {
    if (kind == Kind.RETURN) {
      return compileAs(crash, scope, expression, kind);
    }
    try {
      return compileAs(crash, scope, expression, Kind.VALUE);
    } catch (ReloadRefusal asValue) {
      if (!asValue.getMessage().contains("void")) {
        throw asValue;
      }
      try {
        return compileAs(crash, scope, expression, Kind.STATEMENT);
      } catch (ReloadRefusal asStatement) {
        throw asValue;
      }
    }
  }

  private MethodHandle compileAs(Crash crash, Scope scope, String expression, Kind kind)
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
    Inserted inserted = insertMethod(source, file, slot, name, expression, kind, scope);
    InMemoryCompiler.Output output =
        compileCopy(reloader.recompiler(), running, file, inserted.text());
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
            Type.getInternalName(running) + "$HR$eval$" + EVALUATIONS.get(),
            Transplant.Mode.EVALUATION);
    return Definer.define(running, transplant).get(root);
  }

  /**
   * Compiles {@code text}, a copy of {@code file} with code added; when that fails, again with
   * the source roots as javac's source path, as a reload does: the file may use a method that
   * another file's reload added, which the class files on disk lack.
   *
   * @return the compile, failed with the first attempt's errors when both fail
   */
  static InMemoryCompiler.Output compileCopy(
      Recompiler recompiler, Class<?> running, Path file, String text) throws ReloadRefusal {
    InMemoryCompiler compiler = recompiler.compiler(running);
    int release = recompiler.release(running);
    InMemoryCompiler.Output output = compiler.compile(file, text, release);
    List<Path> roots = recompiler.sources().roots();
    if (!output.succeeded() && !roots.isEmpty()) {
      InMemoryCompiler.Output again = compiler.compileSeeing(file, release, source -> text, roots);
      output = again.succeeded() ? again : output;
    }
    return output;
  }

  /**
   * A copy of the source with the expression's method added.
   *
   * @param text the copy
   * @param method where the added method starts and ends in {@code text}
   * @param expression the expression as typed, and where it starts in {@code text}
   * @param locals the local variables of the crashed method that the expression does not see,
   *     with the line each is declared on
   * @param unseen why those are not seen
   * @param captured whether the crashed method's variables were captured, so that any of its
   *     variables the expression does not see was not live at the throw
   */
  record Inserted(
      String text,
      Span method,
      String expression,
      int expressionStart,
      Map<String, Long> locals,
      String unseen,
      boolean captured) {}

  /** A range of a text: from {@code start}, inclusive, to {@code end}, exclusive. */
  record Span(int start, int end) {
    boolean contains(long position) {
      return position >= start && position < end;
    }
  }

  /**
   * The source with a method returning {@code expression} (or, for a {@link Kind#STATEMENT}, a
   * void method running it) added at the end of the class, taking the scope's local variables and
   * then the crashed method's parameters.
   */
  static Inserted insertMethod(
      String source,
      Path file,
      MethodSlot slot,
      String name,
      String expression,
      Kind kind,
      Scope scope)
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
    // The locals first: a varargs parameter must stay last.
    List<String> declared = new ArrayList<>(scope.declarations());
    for (VariableTree parameter : method.getParameters()) {
      declared.add(parsed.text(source, parameter));
    }
    boolean statement = kind == Kind.STATEMENT;
    String returnType =
        kind == Kind.RETURN ? parsed.text(source, method.getReturnType()) : statement ? "void" : "Object";
    String before =
        " private "
            + typeParameters
            + returnType
            + " "
            + name
            + "("
            + String.join(", ", declared)
            + (statement ? ") throws Throwable {\n" : ") throws Throwable { return (\n");
    String added = before + expression + (statement ? "\n; }" : "\n); }");
    Map<String, Long> unseen = new LinkedHashMap<>(Locals.declaredIn(parsed, method));
    unseen.keySet().removeAll(scope.localNames());
    int closing = (int) positions.getEndPosition(tree, type) - 1;
    return new Inserted(
        source.substring(0, closing) + added + source.substring(closing),
        new Span(closing, closing + added.length()),
        expression,
        closing + before.length(),
        unseen,
        scope.unseen(),
        scope.captured());
  }
}
