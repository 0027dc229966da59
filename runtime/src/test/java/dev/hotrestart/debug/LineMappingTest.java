package dev.hotrestart.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineMappingTest {

  private static final List<String> BEFORE = List.of("a", "b", "c", "d", "e", "f");

  @Test
  void aLineKeptByTheEditMovesWithTheLinesAddedOrRemovedAboveIt() {
    List<String> after = List.of("a", "new", "new", "b", "c", "X", "e", "f");
    assertEquals(1, LineMapping.map(BEFORE, after, 1));
    assertEquals(4, LineMapping.map(BEFORE, after, 2));
    assertEquals(5, LineMapping.map(BEFORE, after, 3));
    assertEquals(-1, LineMapping.map(BEFORE, after, 4), "d was changed");
    assertEquals(7, LineMapping.map(BEFORE, after, 5));
    assertEquals(8, LineMapping.map(BEFORE, after, 6));
    assertEquals(2, LineMapping.map(BEFORE, List.of("b", "c"), 3));
    assertEquals(-1, LineMapping.map(BEFORE, List.of("b", "c"), 1), "a was removed");
    assertEquals(-1, LineMapping.map(BEFORE, BEFORE, 7), "past the end");
  }
}
