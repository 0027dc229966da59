package dev.hotrestart.reload;

import dev.hotrestart.slot.Crash;
import dev.hotrestart.slot.MethodSlot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;

/**
 * What went wrong with a {@code p} expression, told in terms of what the user typed: javac's
 * errors point into the expression, with its column, never into the method hotrestart wrapped it
 * in; a local variable of the crashed method is named as such; a throw names its causes and where
 * in the program they were thrown.
 */
final class ExpressionErrors {

  private static final Pattern MISSING_VARIABLE = Pattern.compile("symbol:\\s+variable\\s+(\\S+)");

  private ExpressionErrors() {}

  /**
   * The errors of a failed compile of an expression.
   *
   * @param output the failed compile
   * @param inserted the compiled text and where the expression is in it
   * @param crash the crash whose scope the expression was compiled in
   * @param file the source file the text is a copy of
   * @return the errors, for the user
   */
  static String explain(
      InMemoryCompiler.Output output, Evaluator.Inserted inserted, Crash crash, Path file) {
    List<String> inExpression = new ArrayList<>();
    List<String> inFile = new ArrayList<>();
    for (InMemoryCompiler.Problem problem : output.problems()) {
      if (problem.position() != Diagnostic.NOPOS && inserted.method().contains(problem.position())) {
        inExpression.add(inExpression(problem, inserted, crash));
      } else {
        inFile.add(problem.text());
      }
    }
    if (inExpression.isEmpty() && inFile.isEmpty()) {
      return output.errors(); // javac itself failed
    }
    StringBuilder text = new StringBuilder(String.join("\n", inExpression));
    if (!inFile.isEmpty()) {
      text.append(text.length() == 0 ? "" : "\n")
          .append("hotrestart: p compiles the expression inside ")
          .append(file)
          .append(", which does not compile as it is now:\n")
          .append(String.join("", inFile))
          .append("Fix the file (or undo the edit), then try p again.");
    }
    return text.toString();
  }

  /** One error in the expression: the message, then the expression with a caret under it. */
  private static String inExpression(
      InMemoryCompiler.Problem problem, Evaluator.Inserted inserted, Crash crash) {
    String expression = inserted.expression();
    // An error past the end (javac saw the closing parenthesis hotrestart added: the
    // expression is incomplete) points just after it; one before it, at its start.
    int offset =
        (int)
            Math.max(
                0,
                Math.min(problem.position() - inserted.expressionStart(), expression.length()));
    int lineStart = expression.lastIndexOf('\n', offset - 1) + 1;
    int lineEnd = expression.indexOf('\n', offset);
    String line = expression.substring(lineStart, lineEnd < 0 ? expression.length() : lineEnd);
    int column = offset - lineStart;
    String[] message = problem.message().split("\\R", 2);
    Optional<String> local = local(problem, inserted, crash);
    StringBuilder text =
        new StringBuilder("error at column ")
            .append(column + 1)
            .append(": ")
            .append(
                local.map(name -> notSeen(name, crash.slot(), inserted.unseen()))
                    .orElse(message[0]))
            .append("\n    ")
            .append(line)
            .append("\n    ")
            .append(caretIndent(line, column))
            .append('^');
    if (local.isPresent()) {
      text.append('\n').append(whatPSees(crash));
    } else if (message.length > 1) {
      text.append('\n').append(message[1]);
    }
    return text.toString();
  }

  /** Blanks up to {@code column}, keeping tabs, so that the caret lines up under a tab too. */
  private static String caretIndent(String line, int column) {
    StringBuilder indent = new StringBuilder();
    for (int i = 0; i < column; i++) {
      indent.append(i < line.length() && line.charAt(i) == '\t' ? '\t' : ' ');
    }
    return indent.toString();
  }

  /**
   * The name of the variable javac could not find, if it is a local variable the crashed method
   * declares: anywhere, when its variables were captured (one it does not see was not live at
   * the throw); else at or before the line it failed on.
   */
  private static Optional<String> local(
      InMemoryCompiler.Problem problem, Evaluator.Inserted inserted, Crash crash) {
    if (problem.code() == null || !problem.code().startsWith("compiler.err.cant.resolve")) {
      return Optional.empty();
    }
    Matcher variable = MISSING_VARIABLE.matcher(problem.message());
    if (!variable.find()) {
      return Optional.empty();
    }
    String name = variable.group(1);
    Long declared = inserted.locals().get(name);
    boolean named = declared != null && (inserted.captured() || declared <= failingLine(crash));
    return named ? Optional.of(name) : Optional.empty();
  }

  /**
   * The line the crashed method was running when it failed: its innermost frame in the
   * exception's trace (a reloaded version runs in a work class {@code Foo$HR$m$N}).
   */
  private static long failingLine(Crash crash) {
    MethodSlot slot = crash.slot();
    String running = slot.declaringClass().getName();
    for (StackTraceElement frame : crash.thrown().getStackTrace()) {
      if (frame.getMethodName().equals(slot.methodName())
          && (frame.getClassName().equals(running)
              || frame.getClassName().startsWith(running + "$HR$"))
          && frame.getLineNumber() > 0) {
        return frame.getLineNumber();
      }
    }
    return Long.MAX_VALUE;
  }

  private static String notSeen(String name, MethodSlot slot, String why) {
    return name + " is a local variable of " + slot.describe() + ", but " + why;
  }

  private static String whatPSees(Crash crash) {
    List<String> parameters = crash.slot().parameterNames();
    String simpleName = crash.slot().declaringClass().getSimpleName();
    return "p sees "
        + (parameters.isEmpty()
            ? "no arguments (the method has none)"
            : "the arguments by name (" + String.join(", ", parameters) + ")")
        + ", the local variables live where it failed (locals lists them)"
        + (crash.receiver() == null
            ? ", the static fields and methods of " + simpleName
            : ", this, the fields and methods of " + simpleName)
        + ", and static members of other classes.";
  }

  /**
   * What an expression threw: the exception, each cause, and where in the program each was
   * thrown (the first frame outside the JDK, hotrestart and the expression itself).
   *
   * @param thrown what the expression threw
   * @return one line per exception
   */
  static String describe(Throwable thrown) {
    StringBuilder text = new StringBuilder();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
      text.append(t == thrown ? "" : "\n  caused by ").append(t).append(where(t));
    }
    return text.toString();
  }

  private static String where(Throwable thrown) {
    for (StackTraceElement frame : thrown.getStackTrace()) {
      String type = frame.getClassName();
      if (frame.getFileName() != null
          && frame.getLineNumber() > 0
          && !frame.getMethodName().startsWith("$hr$eval$")
          && !type.startsWith("java.")
          && !type.startsWith("jdk.")
          && !type.startsWith("sun.")
          && !type.startsWith("dev.hotrestart.slot.")
          && !type.startsWith("dev.hotrestart.reload.")
          && !type.startsWith("dev.hotrestart.debug.")) {
        return " (at " + frame.getFileName() + ":" + frame.getLineNumber() + ")";
      }
    }
    return "";
  }
}
