package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * One edit that uses what a reloaded method must handle: private and static fields, explicit
 * and implicit {@code this}, {@code super.m(...)}, an inherited protected method, lambdas and
 * method references (to a new private helper too), a generic method, overloads, varargs, and
 * calls to other wrapped methods through the proxy.
 */
class ReloadCasesIT {

  static final String BROKEN =
      String.join(
          "\n",
          "    int added = 0;",
          "    for (int amount : amounts) {",
          "      if (amount < 0) {",
          "        throw new IllegalArgumentException(\"negative amount \" + amount + \" for \" + item);",
          "      }",
          "      added += amount;",
          "    }",
          "    stock.merge(item, added, Integer::sum);");

  static final String FIXED =
      String.join(
          "\n",
          "    int added = java.util.Arrays.stream(amounts).map(this::clamp).sum();",
          "    this.stock.merge(item, added, Integer::sum);",
          "    List<Integer> counts = new ArrayList<>(stock.values());",
          "    counts.removeIf(c -> c > stock.get(item) * 100);",
          "    System.out.println(\"fixed: \" + super.describe(item) + \" \" + describe(item) + \" \"",
          "        + label(item) + \" \" + format(added) + \" \" + format(item)",
          "        + \" largest=\" + largest(counts) + \" total=\" + total()",
          "        + \" restocks=\" + restocks + \" instances=\" + instances);");

  @Test
  void anEditUsingEveryKindOfMemberAccessReloads() throws Exception {
    SampleProject project = SampleProject.copy("reload-cases");
    try (Terminal terminal = project.run()) {
      String crash = terminal.prompt();
      assertTrue(crash.contains("negative amount -1 for plum"), crash);
      assertTrue(crash.contains("shop.Inventory.restock(String, int[])"), crash);

      project.edit("src/main/java/shop/Inventory.java", BROKEN, FIXED);
      project.edit(
          "src/main/java/shop/Inventory.java",
          "  @Override\n  public String describe",
          "  private int clamp(int amount) {\n    return Math.max(0, amount);\n  }\n\n"
              + "  @Override\n  public String describe");
      terminal.type("c");
      String out = terminal.expect("after: .*\n", Duration.ofSeconds(60));
      assertTrue(
          out.contains(
              "fixed: catalog plum inventory plum [plum] #5 'plum' largest=7 total=14"
                  + " restocks=4 instances=1"),
          out);
      assertTrue(out.contains("after: {apple=7, pear=2, plum=5} after 4 restocks"), out);
      assertEquals(0, terminal.exitCode(Duration.ofSeconds(60)), terminal.text());
    }
  }
}
