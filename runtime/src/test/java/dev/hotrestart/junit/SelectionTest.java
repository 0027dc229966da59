package dev.hotrestart.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionTest {

  @Test
  void aClassAloneRunsEveryMethodOfItAndOfItsNestedClasses() {
    Selection selection = Selection.parse(List.of("shop.CartTest"));
    assertTrue(selection.matches("shop.CartTest", "total"));
    assertTrue(selection.matches("shop.CartTest$Empty", "anything"));
    assertEquals(1, selection.selectors().size());
  }

  @Test
  void methodPatternsAreSurefiresGlobsJoinedByPlus() {
    Selection selection = Selection.parse(List.of("shop.CartTest#total*+discount"));
    assertTrue(selection.matches("shop.CartTest", "total"));
    assertTrue(selection.matches("shop.CartTest", "totalWithTax"));
    assertTrue(selection.matches("shop.CartTest", "discount"));
    assertFalse(selection.matches("shop.CartTest", "discountTwice"));
    assertFalse(selection.matches("shop.CartTest", "subtotal"));
    assertTrue(selection.matches("shop.CartTest$Nested", "totalNested"));
  }

  @Test
  void aPatternIsLiteralButForTheStar() {
    Selection selection = Selection.parse(List.of("a.B#x.y"));
    assertTrue(selection.matches("a.B", "x.y"));
    assertFalse(selection.matches("a.B", "xzy"));
  }

  @Test
  void theSameClassTwiceCollectsItsPatterns() {
    Selection selection = Selection.parse(List.of("a.B#one", "a.B#two"));
    assertTrue(selection.matches("a.B", "one"));
    assertTrue(selection.matches("a.B", "two"));
    assertEquals(1, selection.selectors().size());
  }

  @Test
  void anArgumentWithoutAClassIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Selection.parse(List.of("#total")));
    assertTrue(e.getMessage().contains("'#total' names no class"), e.getMessage());
  }
}
