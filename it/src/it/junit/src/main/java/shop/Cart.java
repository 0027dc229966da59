package shop;

import dev.hotrestart.HotRestartable;
import java.util.ArrayList;
import java.util.List;

/** The code under test: wrapped, so its own crashes get a prompt and its edits reload. */
@HotRestartable
public class Cart {

  private final List<Integer> prices = new ArrayList<>();

  public void add(int price) {
    prices.add(price);
  }

  public int size() {
    return prices.size();
  }

  public int total() {
    int total = 0;
    for (int i = 1; i < prices.size(); i++) {
      total += prices.get(i);
    }
    return total;
  }

  public int discounted(int percent) {
    if (percent > 5) {
      throw new IllegalArgumentException("discount of " + percent + "% refused");
    }
    return total() * (100 - percent) / 100;
  }
}
