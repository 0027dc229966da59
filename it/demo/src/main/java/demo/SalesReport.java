package demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a month of sales and prints the revenue per region. The input has a bad row near the
 * end: the crash opens hotrestart's debugger in {@link Report#add}, where you can fix the
 * parsing, type {@code c}, and keep the rows already read.
 */
public final class SalesReport {

  public static void main(String[] args) throws IOException, InterruptedException {
    Path input = Path.of(args.length > 0 ? args[0] : "data/sales.csv");
    long delayMillis = args.length > 1 ? Long.parseLong(args[1]) : 60;

    List<String> lines = Files.readAllLines(input);
    Report report = HotRestart_Report.create(input.getFileName().toString());
    System.out.println("Reading " + (lines.size() - 1) + " rows from " + input);
    for (int i = 1; i < lines.size(); i++) {
      report.add(lines.get(i));
      if (i % 10 == 0) {
        System.out.println("  " + i + " rows read, " + report.rowCount() + " kept");
      }
      Thread.sleep(delayMillis); // stands in for real work: an hour-long job would lose it all
    }
    System.out.print(report.summary());
  }
}
