package dev.hotrestart.debug;

/** The {@code help} command: the command table, or one command's long help, from the table. */
final class Help {

  private final Commands commands;
  private final Output out;

  /**
   * Help on a table.
   *
   * @param commands the table
   * @param out where to print
   */
  Help(Commands commands, Output out) {
    this.commands = commands;
    this.out = out;
  }

  /**
   * {@code help [command]}: one line per command, or what one command does.
   *
   * @param argument a command's name, alias or unique prefix; empty for the table
   */
  void help(String argument) {
    if (argument.isBlank()) {
      out.println(commands.table());
      return;
    }
    Commands.Match match = commands.lookup(argument.strip());
    if (match instanceof Commands.Found found) {
      Commands.Command command = found.command();
      out.println(command.names() + (command.syntax().isEmpty() ? "" : " " + command.syntax()));
      out.println("  " + command.help());
    } else {
      out.error(Commands.problem(match));
    }
  }
}
