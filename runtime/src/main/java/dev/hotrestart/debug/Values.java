package dev.hotrestart.debug;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Renders values for {@code args}, {@code this}, {@code p} and {@code pp}. Rendering calls user
 * code ({@code toString}), which may throw or be slow; a throw is shown in place of the value,
 * and long results are cut so one huge collection cannot bury the prompt.
 */
final class Values {

  /** Longest rendering of one value, in characters, before it is cut. */
  static final int MAX_LENGTH = 300;

  /** Most elements {@code pp} shows of one container. */
  static final int MAX_ELEMENTS = 100;

  private Values() {}

  /**
   * One value on one line: strings quoted and escaped, arrays element by element, others by
   * {@code String.valueOf}; cut to {@link #MAX_LENGTH}.
   *
   * @param value anything
   * @return its rendering
   */
  static String format(Object value) {
    return truncate(render(value));
  }

  /**
   * A value spread over lines: the elements of an array, collection or map one per line,
   * each rendered by {@link #format}; anything else as {@link #format}.
   *
   * @param value anything
   * @return its rendering, without a final newline
   */
  static String pretty(Object value) {
    List<String> items = new ArrayList<>();
    String open;
    String close;
    int size;
    try {
      if (value != null && value.getClass().isArray()) {
        open = "[";
        close = "]";
        size = Array.getLength(value);
        for (int i = 0; i < size && items.size() < MAX_ELEMENTS; i++) {
          items.add(format(Array.get(value, i)));
        }
      } else if (value instanceof Collection<?> collection) {
        open = "[";
        close = "]";
        size = collection.size();
        for (Object element : collection) {
          if (items.size() == MAX_ELEMENTS) {
            break;
          }
          items.add(format(element));
        }
      } else if (value instanceof Map<?, ?> map) {
        open = "{";
        close = "}";
        size = map.size();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          if (items.size() == MAX_ELEMENTS) {
            break;
          }
          items.add(format(entry.getKey()) + ": " + format(entry.getValue()));
        }
      } else {
        return format(value);
      }
    } catch (RuntimeException | LinkageError e) {
      return "<iterating threw " + e + ">";
    }
    if (size == 0) {
      return open + close;
    }
    // Commas between elements only, as Java and JSON write them; the note on elements left out
    // counts as one more element.
    if (size > items.size()) {
      items.add("... (" + (size - items.size()) + " more)");
    }
    return open + "\n  " + String.join(",\n  ", items) + "\n" + close;
  }

  private static String render(Object value) {
    try {
      if (value == null) {
        return "null";
      }
      if (value instanceof CharSequence text) {
        return quote(text.toString(), '"');
      }
      if (value instanceof Character c) {
        return quote(String.valueOf(c), '\'');
      }
      if (value instanceof Object[] array) {
        return Arrays.deepToString(array);
      }
      if (value.getClass().isArray()) {
        // A primitive array: wrap it so deepToString renders it, then drop the wrapper's brackets.
        String wrapped = Arrays.deepToString(new Object[] {value});
        return wrapped.substring(1, wrapped.length() - 1);
      }
      return String.valueOf(value);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return "<toString() threw " + e.getClass().getName() + describeMessage(e) + ">";
    }
  }

  private static String describeMessage(Throwable e) {
    String message = e.getMessage();
    return message == null ? "" : ": " + message;
  }

  private static String truncate(String text) {
    if (text.length() <= MAX_LENGTH) {
      return text;
    }
    return text.substring(0, MAX_LENGTH) + "... (" + text.length() + " chars)";
  }

  /**
   * A string as a Java literal, so that blanks, tabs and newlines are visible.
   *
   * @param text the string
   * @param quote the quote character
   * @return the literal
   */
  static String quote(String text, char quote) {
    StringBuilder literal = new StringBuilder().append(quote);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> literal.append("\\n");
        case '\r' -> literal.append("\\r");
        case '\t' -> literal.append("\\t");
        case '\\' -> literal.append("\\\\");
        default -> {
          if (c == quote) {
            literal.append('\\').append(c);
          } else if (c < 0x20 || c == 0x7f) {
            literal.append(String.format("\\u%04x", (int) c));
          } else {
            literal.append(c);
          }
        }
      }
    }
    return literal.append(quote).toString();
  }
}
