package shop;

import dev.hotrestart.HotRestartable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@HotRestartable
public class Inventory extends Catalog {
  private static int instances;

  private final Map<String, Integer> stock = new TreeMap<>();
  private int restocks;

  public Inventory() {
    instances++;
  }

  public int restock(String item, int... amounts) {
    restocks++;
    int added = 0;
    for (int amount : amounts) {
      if (amount < 0) {
        throw new IllegalArgumentException("negative amount " + amount + " for " + item);
      }
      added += amount;
    }
    stock.merge(item, added, Integer::sum);
    return stock.get(item);
  }

  @Override
  public String describe(String name) {
    return "inventory " + name;
  }

  public String format(int n) {
    return "#" + n;
  }

  public String format(String s) {
    return "'" + s + "'";
  }

  public <T extends Comparable<T>> T largest(List<T> items) {
    return Collections.max(items);
  }

  public int total() {
    return stock.values().stream().mapToInt(Integer::intValue).sum();
  }

  public String report() {
    return stock + " after " + restocks + " restocks";
  }
}
