package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

  /** The feature release of a JDK, from its {@code release} file: 17, 25... */
  static String javaFeature(Path jdk) throws java.io.IOException {
    for (String line : java.nio.file.Files.readAllLines(jdk.resolve("release"))) {
      if (line.startsWith("JAVA_VERSION=")) {
        return line.replaceAll("JAVA_VERSION=\"?(\\d+).*", "$1");
      }
    }
    throw new AssertionError("no JAVA_VERSION in " + jdk.resolve("release"));
  }

  static List<Path> jdks() {
    return SampleProject.jdks();
  }

  /** On JDK 17 and the newest JDK: class definition and lambdas differ between them. */
  @ParameterizedTest(name = "on {0}")
  @MethodSource("jdks")
  void anEditUsingEveryKindOfMemberAccessReloads(Path jdk) throws Exception {
    SampleProject project = SampleProject.copy("reload-cases");
    try (Terminal terminal = project.runOn(jdk)) {
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
      assertTrue(
          terminal.text().contains("running on Java " + javaFeature(jdk) + "\n"),
          "the program ran on the JDK under test: " + terminal.text());
      assertEquals(0, terminal.exitCode(Duration.ofSeconds(60)), terminal.text());
    }
  }
}
