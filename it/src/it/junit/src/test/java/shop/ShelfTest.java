package shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** A nested test class, whose methods restart like any, and dynamic tests, which do not. */
class ShelfTest {

  int shelves = 2;

  @Nested
  class Empty {

    @Test
    void hasNoCart() {
      assertEquals(3, shelves, "shelves");
      System.out.println("nested passed with " + shelves + " shelves");
    }
  }

  @TestFactory
  Stream<DynamicTest> dynamic() {
    return Stream.of(dynamicTest("one", () -> {}), dynamicTest("two", () -> fail("dynamic two failed")));
  }
}
