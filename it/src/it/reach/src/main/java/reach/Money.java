package reach;

import java.util.List;

/** A plain class: no annotation, static methods only. */
public final class Money {
  private Money() {}

  public static int cents(String amount) {
    return Integer.parseInt(amount) * 100; // CENTS
  }

  public static int sum(List<String> amounts) {
    int total = 0;
    for (String amount : amounts) {
      total += Integer.parseInt(amount) * 100; // SUM
    }
    return total;
  }
}
