package dev.hotrestart.debug;

/**
 * Colours of the debugger's output: ANSI escapes on a terminal, nothing otherwise (see {@link
 * dev.hotrestart.config.Settings#colours()}). Each method wraps one kind of text, so that what is
 * coloured is decided in one place and a plain session prints the same characters without them.
 */
enum Style {
  /** No colours: a pipe, a file, {@code NO_COLOR}, a dumb terminal. */
  PLAIN,
  /** ANSI colours (SGR), which every terminal emulator in use understands. */
  ANSI;

  private static final String RESET = "\u001B[0m";

  private String wrap(String code, String text) {
    return this == PLAIN || text.isEmpty() ? text : "\u001B[" + code + "m" + text + RESET;
  }

  /** The exception's name and message in the crash report: bold red. */
  String exception(String text) {
    return wrap("1;31", text);
  }

  /** The failing line's marker: bold red, like the exception it points at. */
  String marker(String text) {
    return wrap("1;31", text);
  }

  /** The failing line's text: bold. */
  String current(String text) {
    return wrap("1", text);
  }

  /** The prompt: bold blue, easy to find when scrolling back. */
  String prompt(String text) {
    return wrap("1;34", text);
  }

  /** An error message ({@code *** ...}): red. */
  String error(String text) {
    return wrap("31", text);
  }

  /** A line that {@code diff} shows as removed: red. */
  String removed(String text) {
    return wrap("31", text);
  }

  /** A line that {@code diff} shows as added: green. */
  String added(String text) {
    return wrap("32", text);
  }

  /** Headers and hunk lines of {@code diff}: cyan. */
  String header(String text) {
    return wrap("36", text);
  }
}
