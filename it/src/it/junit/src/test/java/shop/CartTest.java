package shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@TestMethodOrder(MethodOrderer.MethodName.class)
class CartTest {

  /** The expensive fixture: loaded once per run, counted. */
  static Cart cart;
  static int fixtureLoads;
  int beforeEach;

  @BeforeAll
  static void loadFixture() {
    fixtureLoads++;
    System.out.println("fixture loaded " + fixtureLoads + " time(s)");
    cart = HotRestart_Cart.create();
    cart.add(10);
    cart.add(20);
    cart.add(30);
  }

  @BeforeEach
  void countBeforeEach() {
    beforeEach++;
  }

  @Test
  void discount() {
    assertEquals(54, cart.discounted(10));
  }

  @Test
  void label() {
    String label = "cart of " + cart.size() + " items";
    assertEquals("3 items", label);
    System.out.println("label passed; fixture loads " + fixtureLoads + ", before each " + beforeEach);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void small(int quantity) {
    assertTrue(quantity < 3, "quantity " + quantity + " too large");
    System.out.println("small " + quantity + " passed");
  }

  @Test
  void total() {
    assertEquals(60, cart.total());
    System.out.println("total passed; fixture loads " + fixtureLoads);
  }
}
