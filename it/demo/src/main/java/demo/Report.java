package demo;

import dev.hotrestart.HotRestartable;
import java.util.Map;
import java.util.TreeMap;

/** Revenue per region, built one CSV row at a time. */
@HotRestartable
public class Report {

  private final String source;
  private final Map<String, Double> revenueByRegion = new TreeMap<>();
  private int rows;
  private int skipped;

  protected Report(String source) {
    this.source = source;
  }

  /** Adds one row: {@code region,product,units,unit_price}. */
  public void add(String line) {
    String[] cells = line.split(",");
    String region = cells[0].trim();
    int units = Integer.parseInt(cells[2].trim());
    double unitPrice = Double.parseDouble(cells[3].trim());
    revenueByRegion.merge(region, units * unitPrice, Double::sum);
    rows++;
  }

  public int rowCount() {
    return rows;
  }

  public String summary() {
    StringBuilder text = new StringBuilder();
    text.append(String.format("Revenue by region (%s, %d rows, %d skipped)%n", source, rows, skipped));
    revenueByRegion.forEach(
        (region, revenue) -> text.append(String.format("  %-6s %10.2f%n", region, revenue)));
    double total = revenueByRegion.values().stream().mapToDouble(Double::doubleValue).sum();
    text.append(String.format("  %-6s %10.2f%n", "total", total));
    return text.toString();
  }
}
