package orders;

/** What the program reads. */
public final class Order {
  private final String id;
  private final String amount;

  public Order(String id, String amount) {
    this.id = id;
    this.amount = amount;
  }

  public String getId() {
    return id;
  }

  public String getAmount() {
    return amount;
  }
}
