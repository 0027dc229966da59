package dev.hotrestart.debug;

import dev.hotrestart.slot.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The debugger's command table, after jshell's: each command has a name, aliases, an argument
 * syntax, a one-line and a long help, and a handler. Dispatch, help and the line editor's
 * completion of command names all come from the table, so a command cannot exist without being
 * documented and offered.
 *
 * <p>A handler is a method of the part of the {@link Session} that owns the state the command
 * uses ({@code up} is {@link FrameCursor#up}); a row names that part and that method, through
 * {@link #on} or {@link #stay}. The table itself holds no session state, so one table serves
 * every session and the line editor.
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
     * @param session the session, whose parts own the state the command uses
     * @param argument the rest of the line, trimmed; empty if none
     * @return how the session ends, or empty to stay at the prompt
     */
    Optional<Outcome> run(Session session, String argument);
  }

  /**
   * A handler that may end the session: {@code method} of the session's part {@code owner}.
   *
   * @param <T> the part's type
   * @param owner picks the part that owns the command's state
   * @param method the part's method for the command, given the argument
   * @return the handler
   */
  static <T> Handler on(
      Function<Session, T> owner, BiFunction<T, String, Optional<Outcome>> method) {
    return (session, argument) -> method.apply(owner.apply(session), argument);
  }

  /**
   * A handler that always stays at the prompt: {@code method} of the session's part {@code
   * owner}.
   *
   * @param <T> the part's type
   * @param owner picks the part that owns the command's state
   * @param method the part's method for the command, given the argument
   * @return the handler
   */
  static <T> Handler stay(Function<Session, T> owner, BiConsumer<T, String> method) {
    return (session, argument) -> {
      method.accept(owner.apply(session), argument);
      return Optional.empty();
    };
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

    /**
     * A command. One without arguments ({@code syntax} empty) refuses words after it, rather
     * than ignore them: {@code q now please} and {@code r 5} are likely not what was meant, and
     * {@code c}, {@code r} and {@code q} cannot be undone.
     */
    Command {
      if (syntax.isEmpty()) {
        Handler takesNothing = handler;
        String typed = aliases.isEmpty() ? name : aliases.get(0);
        handler =
            (session, argument) -> {
              if (!argument.isEmpty()) {
                session
                    .out()
                    .error(
                        name
                            + " takes no arguments, and this line has "
                            + Values.quote(argument, '"')
                            + " after it: type "
                            + typed
                            + " alone (h "
                            + typed
                            + " explains it)");
                return Optional.empty();
              }
              return takesNothing.run(session, argument);
            };
      }
    }

    /** The names as the table shows them: {@code l, list}. */
    String names() {
      List<String> all = new ArrayList<>(aliases);
      all.add(name);
      all.sort(Comparator.comparingInt(String::length)); // the short form first
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

  /**
   * Says what is wrong with a command word that is not exactly one command.
   *
   * @param failed an {@link Unknown} or {@link Ambiguous} match
   * @return the error message, without the {@code ***}
   */
  static String problem(Match failed) {
    if (failed instanceof Ambiguous ambiguous) {
      return "ambiguous command: "
          + ambiguous.word()
          + " could be "
          + String.join(", ", ambiguous.candidates())
          + " (h lists the commands)";
    }
    if (failed instanceof Unknown unknown) {
      return "unknown command: " + unknown.word() + " (h lists the commands)";
    }
    throw new IllegalArgumentException("not a failed lookup: " + failed);
  }

  /**
   * What the line editor offers for a command word being typed: every name and alias that
   * starts with it.
   *
   * @param prefix the start of the first word of the line, possibly empty
   * @return the names and aliases, sorted, each once
   */
  List<String> complete(String prefix) {
    TreeSet<String> names = new TreeSet<>();
    for (Command command : commands) {
      if (command.name().startsWith(prefix)) {
        names.add(command.name());
      }
      for (String alias : command.aliases()) {
        if (alias.startsWith(prefix)) {
          names.add(alias);
        }
      }
    }
    return List.copyOf(names);
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
            "Recompiles every source file of the program saved since its running code was"
                + " compiled and applies them all, or none: wrapped methods are swapped, and classes"
                + " without wrapped methods are redefined when the runtime jar is the program's Java"
                + " agent (mvn hotrestart:run makes it so). Then calls the crashed method again with"
                + " the same receiver and arguments. If a file does not compile, or an edit needs a"
                + " restart, the errors are shown, the old code keeps running, and you stay at the"
                + " prompt. With -Dhotrestart.reloadAll=false, only the crashed method is reloaded."
                + " With -Dhotrestart.reloadOnContinue=false, the method is called again unchanged.",
            Repeat.NEVER,
            on(Session::resume, Resume::resume)));
    table.add(
        new Command(
            "return",
            List.of(),
            "[EXPR]",
            "end the crashed call: it returns EXPR to its caller, no retry",
            "Ends the crashed call without calling it again: the wrapped method returns the value"
                + " of EXPR to its caller, which goes on as if the method had returned it (skip"
                + " this bad row). EXPR sees what p sees in the crashed method, and must have the"
                + " method's return type: javac checks it, and a wrong type is an error that"
                + " keeps you at the prompt. A void method takes return alone.",
            Repeat.NEVER,
            on(Session::resume, Resume::returnValue)));
    table.add(
        new Command(
            "raise",
            List.of("r"),
            "",
            "rethrow the exception to the caller",
            "Lets the exception go on to the caller, unchanged. If the caller is a wrapped method"
                + " too, its own prompt opens. End of input does the same.",
            Repeat.NEVER,
            on(Session::resume, Resume::raise)));
    table.add(
        new Command(
            "quit",
            List.of("q"),
            "",
            "stop restarting everywhere and let the exception go",
            "Turns hotrestart off for the rest of the program (as HotRestart.exit() does) and"
                + " rethrows the exception: the program fails as it would have without hotrestart.",
            Repeat.NEVER,
            on(Session::resume, Resume::quit)));
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
            stay(Session::listing, Listing::list)));
    table.add(
        new Command(
            "ll",
            List.of("longlist"),
            "",
            "list the whole method of the selected frame",
            "Lists the whole method (or constructor) of the selected frame, found by parsing the"
                + " source file; 11 lines around the current line if the method cannot be found.",
            Repeat.SAME,
            stay(Session::listing, Listing::longList)));
    table.add(
        new Command(
            "where",
            List.of("w", "bt"),
            "",
            "show the stack: dead frames below the wrapped method, live callers above",
            "Shows the frames from the throw point (#0) outwards: the frames the exception"
                + " unwound down to the wrapped method, then the callers still waiting for it."
                + " Frames of hotrestart itself, method handles and reflection are hidden. > marks"
                + " the selected frame; [variables] marks the frames whose variables a, this,"
                + " locals and p can show (wrapped methods the exception left).",
            Repeat.SAME,
            stay(Session::frames, FrameCursor::where)));
    table.add(
        new Command(
            "up",
            List.of("u"),
            "",
            "select the next frame out (towards the callers)",
            "Selects the frame that called the selected one; l, a, this, locals and p then act on"
                + " it.",
            Repeat.SAME,
            stay(Session::frames, FrameCursor::up)));
    table.add(
        new Command(
            "down",
            List.of("d"),
            "",
            "select the next frame in (towards the throw point)",
            "Selects the frame the selected one called; l, a, this, locals and p then act on it.",
            Repeat.SAME,
            stay(Session::frames, FrameCursor::down)));
    table.add(
        new Command(
            "frame",
            List.of("f"),
            "N",
            "select frame number N (as w numbers them)",
            "Selects frame N of the w listing; l, a, this, locals and p then act on it. Without"
                + " N, shows the selected frame.",
            Repeat.NEVER,
            stay(Session::frames, FrameCursor::frame)));
    table.add(
        new Command(
            "args",
            List.of("a"),
            "",
            "show the selected frame's arguments",
            "Shows each parameter of the selected frame's method with the value it was called"
                + " with; in the crashed method, the values c calls it with again.",
            Repeat.SAME,
            stay(Session::inspector, Inspector::args)));
    table.add(
        new Command(
            "this",
            List.of(),
            "",
            "show the fields of the receiver, private ones included",
            "Shows the instance fields of the object the selected frame's method was called on,"
                + " declared in its class and in each superclass, and those a reload added"
                + " (marked).",
            Repeat.SAME,
            stay(Session::inspector, Inspector::receiver)));
    table.add(
        new Command(
            "locals",
            List.of(),
            "",
            "show the local variables as they were at the throw",
            "Shows the local variables of the selected frame's method with the values they had"
                + " when the exception left it, parameters and this apart (a and this show"
                + " those). A variable not assigned yet, or out of scope, at the failing line is"
                + " not shown. In a live wrapped caller (after u), the values it has now, as it"
                + " waits for the crashed call. Known for wrapped methods compiled with -g"
                + " (Maven's default).",
            Repeat.SAME,
            stay(Session::inspector, Inspector::locals)));
    table.add(
        new Command(
            "print",
            List.of("p"),
            "EXPR",
            "evaluate a Java expression in the selected frame and print its value",
            "Evaluates a Java expression where the selected frame's method runs: its parameters"
                + " and the local variables it had at the throw by name, this, and private members"
                + " of its class. Fields can be assigned (p this.count = 0), and the retry sees"
                + " that; a local variable cannot, since c runs the method again from its first"
                + " line. Errors are shown; they do not end the session.",
            Repeat.SAME,
            stay(Session::inspector, Inspector::print)));
    table.add(
        new Command(
            "pp",
            List.of(),
            "EXPR",
            "like p, with arrays, collections and maps one element per line",
            "Evaluates the expression like p and prints an array, collection or map one element"
                + " per line.",
            Repeat.SAME,
            stay(Session::inspector, Inspector::prettyPrint)));
    table.add(
        new Command(
            "exception",
            List.of("e"),
            "",
            "show the full stack trace, with causes and suppressed exceptions",
            "Prints the exception's stack trace as Java would, with its causes and suppressed"
                + " exceptions and no frames hidden.",
            Repeat.SAME,
            stay(Session::inspector, Inspector::exception)));
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
            stay(Session::source, RunningSource::diff)));
    table.add(
        new Command(
            "edit",
            List.of(),
            "",
            "open the selected frame's file at its line in $VISUAL or $EDITOR",
            "Runs $VISUAL, else $EDITOR, else vi, as EDITOR +LINE FILE on the selected frame's"
                + " source file, in this terminal, and comes back to the prompt when the editor"
                + " exits: then diff shows the edit and c reloads it.",
            Repeat.NEVER,
            stay(Session::listing, Listing::edit)));
    table.add(
        new Command(
            "help",
            List.of("h", "?"),
            "[command]",
            "list the commands, or explain one",
            "h lists the commands; h COMMAND explains one.",
            Repeat.NEVER,
            stay(Session::help, Help::help)));
    return new Commands(table);
  }
}
