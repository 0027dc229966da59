package dev.hotrestart.debug;

import dev.hotrestart.reload.Evaluation;
import dev.hotrestart.reload.ReloadResult;
import dev.hotrestart.slot.Crash;
import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.slot.Outcome;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The debugger's command table, after jshell's: each command has a name, aliases, an argument
 * syntax, a one-line and a long help, and a handler. Dispatch and help both come from the table,
 * so a command cannot exist without being documented.
 */
final class Commands {

  /** What an empty line does after a command. */
  enum Repeat {
    /** Nothing: {@code c}, {@code r} and {@code q} must never run by accident. */
    NEVER,
    /** Runs the command again with the same argument. */
    SAME,
    /** Runs it again without its argument: a repeated {@code l 40} goes on listing. */
    WITHOUT_ARGUMENT
  }

  /** A command's code: returns an outcome to leave the prompt, or empty to stay at it. */
  @FunctionalInterface
  interface Handler {
    /**
     * Runs the command.
     *
     * @param session the debugger session
     * @param argument the rest of the line, trimmed; empty if none
     * @return how the session ends, or empty to stay at the prompt
     */
    Optional<Outcome> run(Debugger session, String argument);
  }

  /**
   * One command.
   *
   * @param name the full name
   * @param aliases short names, matched exactly like the name
   * @param syntax the arguments, as shown in help ({@code "[first[, last]]"}), or empty
   * @param summary one line for the table
   * @param help the long help of {@code h NAME}
   * @param repeat what an empty line after it does
   * @param handler the code
   */
  record Command(
      String name,
      List<String> aliases,
      String syntax,
      String summary,
      String help,
      Repeat repeat,
      Handler handler) {

    /** The names as the table shows them: {@code l, list}. */
    String names() {
      List<String> all = new ArrayList<>(aliases);
      all.add(name);
      all.sort(java.util.Comparator.comparingInt(String::length)); // the short form first
      return String.join(", ", all);
    }
  }

  /** The result of looking a word up. */
  sealed interface Match {}

  /**
   * Exactly one command.
   *
   * @param command it
   */
  record Found(Command command) implements Match {}

  /**
   * No command has that name or a name starting with it.
   *
   * @param word what was typed
   */
  record Unknown(String word) implements Match {}

  /**
   * Several commands start with the word.
   *
   * @param word what was typed
   * @param candidates their names
   */
  record Ambiguous(String word, List<String> candidates) implements Match {}

  private final List<Command> commands;

  /**
   * A table.
   *
   * @param commands the commands, in the order help lists them
   */
  Commands(List<Command> commands) {
    this.commands = List.copyOf(commands);
  }

  /** The commands, in help order. */
  List<Command> list() {
    return commands;
  }

  /**
   * Finds the command a word means: a name or alias exactly, else the one command with a name or
   * alias starting with it.
   *
   * @param word the first word of a command line
   * @return the match
   */
  Match lookup(String word) {
    for (Command command : commands) {
      if (command.name().equals(word) || command.aliases().contains(word)) {
        return new Found(command);
      }
    }
    Map<String, Command> prefixed = new LinkedHashMap<>();
    for (Command command : commands) {
      boolean matches =
          command.name().startsWith(word)
              || command.aliases().stream().anyMatch(alias -> alias.startsWith(word));
      if (matches) {
        prefixed.put(command.name(), command);
      }
    }
    if (prefixed.size() == 1) {
      return new Found(prefixed.values().iterator().next());
    }
    if (prefixed.isEmpty()) {
      return new Unknown(word);
    }
    return new Ambiguous(word, List.copyOf(prefixed.keySet()));
  }

  /** The help table: one line per command. */
  String table() {
    StringBuilder text =
        new StringBuilder(
            "Commands (a unique prefix works too; an empty line repeats the last command,"
                + " except c, r and q):\n");
    for (Command command : commands) {
      String left = command.names() + (command.syntax().isEmpty() ? "" : " " + command.syntax());
      text.append(String.format(Locale.ROOT, "  %-26s %s%n", left, command.summary()));
    }
    return text.append("Type h COMMAND for more about one command.").toString();
  }

  /** The standard table. */
  static Commands standard() {
    List<Command> table = new ArrayList<>();
    table.add(
        new Command(
            "continue",
            List.of("c"),
            "",
            "reload the edited method and call it again with the same arguments",
            "Recompiles the source file of the crashed method and swaps the edited method in,"
                + " then calls it again with the same receiver and arguments. If the file does not"
                + " compile, or the class changed shape, the errors are shown, the old code keeps"
                + " running, and you stay at the prompt. With -Dhotrestart.reloadAll=true, every"
                + " wrapped method whose source changed is reloaded. With"
                + " -Dhotrestart.reloadOnContinue=false, the method is called again unchanged.",
            Repeat.NEVER,
            Commands::doContinue));
    table.add(
        new Command(
            "raise",
            List.of("r"),
            "",
            "rethrow the exception to the caller",
            "Lets the exception go on to the caller, unchanged. If the caller is a wrapped method"
                + " too, its own prompt opens. End of input does the same.",
            Repeat.NEVER,
            Commands::raise));
    table.add(
        new Command(
            "quit",
            List.of("q"),
            "",
            "stop restarting everywhere and let the exception go",
            "Turns hotrestart off for the rest of the program (as HotRestart.exit() does) and"
                + " rethrows the exception: the program fails as it would have without hotrestart.",
            Repeat.NEVER,
            Commands::quit));
    table.add(
        new Command(
            "list",
            List.of("l"),
            "[first[, last]]",
            "list source around the current line; again to continue",
            "l lists 11 lines around the selected frame's line; l again continues after the last"
                + " line listed. l . lists around the current line again; l N lists around line N;"
                + " l FIRST, LAST lists that range (a LAST smaller than FIRST is a count).",
            Repeat.WITHOUT_ARGUMENT,
            Commands::list));
    table.add(
        new Command(
            "ll",
            List.of("longlist"),
            "",
            "list the whole method of the selected frame",
            "Lists the whole method (or constructor) of the selected frame, found by parsing the"
                + " source file; 11 lines around the current line if the method cannot be found.",
            Repeat.SAME,
            Commands::longList));
    table.add(
        new Command(
            "where",
            List.of("w", "bt"),
            "",
            "show the stack: dead frames below the wrapped method, live callers above",
            "Shows the frames from the throw point (#0) outwards: the frames the exception"
                + " unwound down to the wrapped method, then the callers still waiting for it."
                + " Frames of hotrestart itself, method handles and reflection are hidden. > marks"
                + " the selected frame.",
            Repeat.SAME,
            Commands::where));
    table.add(
        new Command(
            "up",
            List.of("u"),
            "",
            "select the next frame out (towards the callers)",
            "Selects the frame that called the selected one; l then lists its source.",
            Repeat.SAME,
            (session, argument) -> session.moveFrame(+1)));
    table.add(
        new Command(
            "down",
            List.of("d"),
            "",
            "select the next frame in (towards the throw point)",
            "Selects the frame the selected one called; l then lists its source.",
            Repeat.SAME,
            (session, argument) -> session.moveFrame(-1)));
    table.add(
        new Command(
            "frame",
            List.of("f"),
            "N",
            "select frame number N (as w numbers them)",
            "Selects frame N of the w listing; l then lists its source. Without N, shows the"
                + " selected frame.",
            Repeat.NEVER,
            Commands::frame));
    table.add(
        new Command(
            "args",
            List.of("a"),
            "",
            "show the wrapped method's arguments",
            "Shows each parameter of the crashed method with the value it was called with (the"
                + " method will be called again with the same values).",
            Repeat.SAME,
            Commands::args));
    table.add(
        new Command(
            "this",
            List.of(),
            "",
            "show the fields of the receiver, private ones included",
            "Shows the instance fields of the object the method was called on, declared in its"
                + " class and in each superclass.",
            Repeat.SAME,
            Commands::receiver));
    table.add(
        new Command(
            "print",
            List.of("p"),
            "EXPR",
            "evaluate a Java expression in the wrapped method and print its value",
            "Evaluates a Java expression where the crashed method runs: its parameters by name,"
                + " this, and private members of its class. Errors are shown; they do not end the"
                + " session.",
            Repeat.SAME,
            (session, argument) -> evaluate(session, argument, false)));
    table.add(
        new Command(
            "pp",
            List.of(),
            "EXPR",
            "like p, with arrays, collections and maps one element per line",
            "Evaluates the expression like p and prints an array, collection or map one element"
                + " per line.",
            Repeat.SAME,
            (session, argument) -> evaluate(session, argument, true)));
    table.add(
        new Command(
            "exception",
            List.of("e"),
            "",
            "show the full stack trace, with causes and suppressed exceptions",
            "Prints the exception's stack trace as Java would, with its causes and suppressed"
                + " exceptions and no frames hidden.",
            Repeat.SAME,
            Commands::exception));
    table.add(
        new Command(
            "diff",
            List.of(),
            "",
            "show how the method's source changed since the running version",
            "Compares the crashed method in its source file now with the running version: the"
                + " file as it was when the program started using this class, or at its last"
                + " reload; what c would change. Unified format, with the old and the new line"
                + " numbers. Without a start-up copy of the file (not found then, or saved after"
                + " the program started) the running version is the file at the first crash,"
                + " and the header says so.",
            Repeat.SAME,
            (session, argument) -> {
              session.printDiff();
              return STAY;
            }));
    table.add(
        new Command(
            "help",
            List.of("h", "?"),
            "[command]",
            "list the commands, or explain one",
            "h lists the commands; h COMMAND explains one.",
            Repeat.NEVER,
            Commands::help));
    return new Commands(table);
  }

  private static final Optional<Outcome> STAY = Optional.empty();

  private static Optional<Outcome> doContinue(Debugger session, String argument) {
    Crash crash = session.crash();
    if (!session.options().reloadOnContinue()) {
      session.out().println("calling " + crash.slot().describe() + " again (reloading is off)");
      return Optional.of(Outcome.CONTINUE);
    }
    MethodSlot slot = crash.slot();
    // The text before the reload: what javac compiles, unless the user saves again meanwhile.
    Optional<String> source = session.readSource(slot.declaringClass());
    ReloadResult result;
    try {
      result =
          session.options().reloadAll()
              ? session.actions().reloadChanged(slot)
              : session.actions().reload(slot);
    } catch (RuntimeException | LinkageError e) {
      session.internalError(e);
      result = new ReloadResult(false, "reloading " + slot.describe() + " failed: " + e);
    }
    String message = result.message();
    if (message == null || message.isBlank()) {
      message = (result.succeeded() ? "reloaded " : "could not reload ") + slot.describe();
    }
    session.out().println(message);
    int failed = result.succeeded() ? 0 : 1;
    if (result.succeeded() && source.isPresent()) {
      session.actions().snapshots().recordReload(slot.declaringClass(), source.get());
    }
    if (failed > 0) {
      session
          .out()
          .println(
              "the old code is still running. Fix the source and type c again, or r to raise.");
      return STAY;
    }
    return Optional.of(Outcome.CONTINUE);
  }

  private static Optional<Outcome> raise(Debugger session, String argument) {
    session.out().println("raising " + session.crash().thrown().getClass().getName()
        + " to the caller");
    return Optional.of(Outcome.RAISE);
  }

  private static Optional<Outcome> quit(Debugger session, String argument) {
    session
        .out()
        .println(
            "hotrestart: restarting is now off for the rest of the program; raising "
                + session.crash().thrown().getClass().getName());
    return Optional.of(Outcome.QUIT);
  }

  private static Optional<Outcome> list(Debugger session, String argument) {
    String arg = argument.strip();
    if (arg.isEmpty()) {
      session.listNext();
    } else if (arg.equals(".")) {
      session.listAroundCurrent();
    } else {
      String[] parts = arg.split("\\s*,\\s*", -1);
      try {
        int first = Integer.parseInt(parts[0].strip());
        if (parts.length == 1) {
          session.listRange(Math.max(1, first - 5), Math.max(1, first - 5) + 10);
        } else if (parts.length == 2) {
          int last = Integer.parseInt(parts[1].strip());
          session.listRange(first, last < first ? first + last : last);
        } else {
          throw new NumberFormatException(arg);
        }
      } catch (NumberFormatException e) {
        session.error("usage: l [first[, last]]  or  l .");
      }
    }
    return STAY;
  }

  private static Optional<Outcome> longList(Debugger session, String argument) {
    session.listMethod();
    return STAY;
  }

  private static Optional<Outcome> where(Debugger session, String argument) {
    session.printStack();
    return STAY;
  }

  private static Optional<Outcome> frame(Debugger session, String argument) {
    if (argument.isBlank()) {
      session.printSelectedFrame();
      return STAY;
    }
    try {
      return session.selectFrame(Integer.parseInt(argument.strip().replace("#", "")));
    } catch (NumberFormatException e) {
      session.error("usage: f N, where N is a frame number that w shows");
      return STAY;
    }
  }

  private static Optional<Outcome> args(Debugger session, String argument) {
    Crash crash = session.crash();
    List<String> names = crash.slot().parameterNames();
    List<Object> values = crash.arguments();
    if (values.isEmpty()) {
      session.out().println("(no arguments)");
    }
    for (int i = 0; i < values.size(); i++) {
      String name = i < names.size() ? names.get(i) : "arg" + i;
      session.out().println(name + " = " + Values.format(values.get(i)));
    }
    return STAY;
  }

  private static Optional<Outcome> receiver(Debugger session, String argument) {
    Object receiver = session.crash().receiver();
    if (receiver == null) {
      session.out().println("(no receiver: a static method)");
      return STAY;
    }
    MethodSlot slot = session.crash().slot();
    session.out().println("this (" + slot.declaringClass().getName() + "):");
    boolean first = true;
    for (Class<?> type = receiver.getClass(); type != null && type != Object.class;
        type = type.getSuperclass()) {
      if (Frames.isProxy(type.getName())) {
        continue; // a proxy adds only its static slots
      }
      List<Field> fields = new ArrayList<>();
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
          fields.add(field);
        }
      }
      String indent = "  ";
      if (!first && !fields.isEmpty()) {
        session.out().println("  from " + type.getName() + ":");
        indent = "    ";
      }
      for (Field field : fields) {
        session.out().println(indent + field.getName() + " = " + fieldValue(field, receiver));
      }
      first = false;
    }
    return STAY;
  }

  private static String fieldValue(Field field, Object receiver) {
    try {
      if (!field.trySetAccessible()) {
        return "<inaccessible: " + field.getDeclaringClass().getModule() + " does not open it>";
      }
      return Values.format(field.get(receiver));
    } catch (IllegalAccessException | RuntimeException e) {
      return "<unreadable: " + e + ">";
    }
  }

  private static Optional<Outcome> evaluate(Debugger session, String expression, boolean pretty) {
    if (expression.isBlank()) {
      session.error("usage: " + (pretty ? "pp" : "p") + " EXPR");
      return STAY;
    }
    Evaluation result;
    try {
      result = session.actions().evaluate(session.crash(), expression);
    } catch (RuntimeException | LinkageError e) {
      session.error("evaluating failed: " + e);
      return STAY;
    }
    if (result == null) {
      session.error("the evaluator returned nothing");
    } else if (result.succeeded()) {
      session.out().println(pretty ? Values.pretty(result.value()) : Values.format(result.value()));
    } else {
      session.error(result.error());
    }
    return STAY;
  }

  private static Optional<Outcome> exception(Debugger session, String argument) {
    session.crash().thrown().printStackTrace(session.out());
    return STAY;
  }

  private static Optional<Outcome> help(Debugger session, String argument) {
    if (argument.isBlank()) {
      session.out().println(session.commands().table());
      return STAY;
    }
    Match match = session.commands().lookup(argument.strip());
    if (match instanceof Found found) {
      Command command = found.command();
      session
          .out()
          .println(
              command.names() + (command.syntax().isEmpty() ? "" : " " + command.syntax()));
      session.out().println("  " + command.help());
    } else {
      session.report(match);
    }
    return STAY;
  }
}
