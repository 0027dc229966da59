package shop;

import lombok.Getter;
import lombok.RequiredArgsConstructor;

@Getter
@RequiredArgsConstructor
public final class Order {
  private final String id;
  private final String amount;

  public String label() {
    return "order " + id; // LABEL
  }
}
