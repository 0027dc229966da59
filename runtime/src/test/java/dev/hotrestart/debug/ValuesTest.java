package dev.hotrestart.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {

  @Test
  void stringsAndCharsAreQuotedAndEscaped() {
    assertEquals("\"a\\tb\\n\\\"c\\\"\\\\\"", Values.format("a\tb\n\"c\"\\"));
    assertEquals("'x'", Values.format('x'));
    assertEquals("\"\\u0001\"", Values.format("\u0001"));
    assertEquals("null", Values.format(null));
  }

  @Test
  void arraysShowTheirElements() {
    assertEquals("[1, 2]", Values.format(new int[] {1, 2}));
    assertEquals("[[a], [1, 2]]", Values.format(new Object[] {new String[] {"a"}, new long[] {1, 2}}));
  }

  @Test
  void longValuesAreCut() {
    String formatted = Values.format("x".repeat(1000));
    assertTrue(formatted.endsWith("... (1002 chars)"), formatted);
    assertEquals(Values.MAX_LENGTH + "... (1002 chars)".length(), formatted.length());
  }

  @Test
  void aThrowingToStringIsShownInPlace() {
    Object evil =
        new Object() {
          @Override
          public String toString() {
            throw new IllegalStateException("no");
          }
        };
    assertEquals("<toString() threw java.lang.IllegalStateException: no>", Values.format(evil));
  }

  @Test
  void prettyPutsOneElementPerLine() {
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("a", 1);
    map.put("b", 2);
    assertEquals("{\n  \"a\": 1,\n  \"b\": 2\n}", Values.pretty(map));
    assertEquals("[\n  \"x\"\n]", Values.pretty(new String[] {"x"}));
    assertEquals("[\n  \"city\",\n  \"region\"\n]", Values.pretty(List.of("city", "region")));
    assertEquals("[]", Values.pretty(List.of()));
    assertEquals("42", Values.pretty(42));
    String many = Values.pretty(java.util.stream.IntStream.range(0, 150).boxed().toList());
    assertTrue(many.endsWith("  99,\n  ... (50 more)\n]"), many);
  }
}
