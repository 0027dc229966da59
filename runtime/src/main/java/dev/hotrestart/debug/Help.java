package dev.hotrestart.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code help} command: the command table, or one command's long help, from the table,
 * wrapped at word boundaries to the terminal's width (a terminal would cut the words).
 */
final class Help {

  /** The width when nothing tells it: the classic terminal. */
  static final int DEFAULT_WIDTH = 80;

  /** Narrower than this, wrapping would put a word or two on each line: not worth it. */
  private static final int NARROWEST = 40;

  /** A table row: the command's names, a gap of two blanks or more, then its summary. */
  private static final Pattern ROW = Pattern.compile("^ +\\S.*?\\s{2,}(?=\\S)");

  private final Commands commands;
  private final Output out;
  private final IntSupplier width;

  /**
   * Help on a table.
   *
   * @param commands the table
   * @param out where to print
   * @param width the terminal's width in columns, asked at each {@code help} (the window may have
   *     been resized); see {@link #columns}
   */
  Help(Commands commands, Output out, IntSupplier width) {
    this.commands = commands;
    this.out = out;
    this.width = width;
  }

  /**
   * {@code help [command]}: one line per command, or what one command does.
   *
   * @param argument a command's name, alias or unique prefix; empty for the table
   */
  void help(String argument) {
    int columns = Math.max(NARROWEST, width.getAsInt());
    if (argument.isBlank()) {
      for (String line : commands.table().split("\n", -1)) {
        Matcher row = ROW.matcher(line);
        int indent = row.find() ? row.end() : 0;
        wrap(line, columns, indent).forEach(out::println);
      }
      return;
    }
    Commands.Match match = commands.lookup(argument.strip());
    if (match instanceof Commands.Found found) {
      Commands.Command command = found.command();
      out.println(command.names() + (command.syntax().isEmpty() ? "" : " " + command.syntax()));
      wrap("  " + command.help(), columns, 2).forEach(out::println);
    } else {
      out.error(Commands.problem(match));
    }
  }

  /**
   * The terminal's width: the line editor's terminal's, else {@code $COLUMNS}, else {@link
   * #DEFAULT_WIDTH}.
   *
   * @param terminal the line editor's width, or 0 or less when unknown
   * @param columnsVariable the value of {@code COLUMNS}, or null
   * @return the width in columns
   */
  static int columns(int terminal, String columnsVariable) {
    if (terminal > 0) {
      return terminal;
    }
    if (columnsVariable != null) {
      try {
        int columns = Integer.parseInt(columnsVariable.strip());
        if (columns > 0) {
          return columns;
        }
      } catch (NumberFormatException e) {
        // not a number: as if unset
      }
    }
    return DEFAULT_WIDTH;
  }

  /**
   * {@code line} broken at blanks into lines of at most {@code width} characters (a word longer
   * than that stays whole), the lines after the first indented by {@code indent} blanks.
   *
   * @param line one line of text
   * @param width the most characters per line
   * @param indent the indent of continuation lines
   * @return the lines
   */
  static List<String> wrap(String line, int width, int indent) {
    List<String> lines = new ArrayList<>();
    String rest = line;
    String prefix = "";
    while ((prefix + rest).length() > width) {
      String candidate = prefix + rest;
      int lead = prefix.isEmpty() ? leadingBlanks(candidate) : prefix.length();
      int cut = candidate.lastIndexOf(' ', width);
      if (cut <= lead) {
        cut = candidate.indexOf(' ', width); // one word wider than the line: keep it whole
        if (cut < 0) {
          break;
        }
      }
      lines.add(candidate.substring(0, cut).stripTrailing());
      rest = candidate.substring(cut).stripLeading();
      prefix = " ".repeat(Math.min(indent, width / 2));
    }
    lines.add(prefix + rest);
    return lines;
  }

  private static int leadingBlanks(String text) {
    int i = 0;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
