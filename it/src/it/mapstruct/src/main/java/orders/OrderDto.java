package orders;

/** What the program shows: MapStruct fills it. */
public class OrderDto {
  private String label;
  private String amount;

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }

  public String getAmount() {
    return amount;
  }

  public void setAmount(String amount) {
    this.amount = amount;
  }
}
