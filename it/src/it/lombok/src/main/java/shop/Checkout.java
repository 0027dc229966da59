package shop;

import dev.hotrestart.HotRestartable;
import lombok.Getter;

@HotRestartable
public class Checkout {
  @Getter private final String currency = "EUR";

  public String bill(Order order) {
    return order.label() + ": " + Integer.parseInt(order.getAmount()) * 100; // BILL
  }
}
