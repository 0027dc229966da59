package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Classes that Lombok writes members for reload, and {@code p} calls those members (issue
 * "Reach", point 4): the sample builds with Lombok ({@code provided}) on {@code
 * annotationProcessorPaths} beside hotrestart's processor, and {@code c} compiles the wrapped
 * {@code Checkout} (a {@code @Getter} field) and the plain {@code Order} ({@code @Getter
 * @RequiredArgsConstructor}) with Lombok running and hotrestart's processor writing nothing.
 */
class LombokIT {

  private static final String CHECKOUT = "src/main/java/shop/Checkout.java";
  private static final String ORDER = "src/main/java/shop/Order.java";
  private static final Duration RELOAD = Duration.ofSeconds(60);

  @ParameterizedTest(name = "on {0}")
  @MethodSource("dev.hotrestart.it.SampleProject#jdks")
  void lombokClassesReloadAndPCallsTheirGeneratedMembers(Path jdk) throws Exception {
    SampleProject project = SampleProject.copy("lombok");
    try (Terminal terminal = project.runOn(jdk)) {
      String crash = terminal.prompt();
      assertTrue(crash.contains("crashed in shop.Checkout.bill(Order)\n"), crash);
      assertTrue(crash.contains("For input string: \"3.50\""), crash);

      terminal.type("p order.getId() + \" \" + getCurrency()");
      String printed = terminal.prompt();
      assertTrue(printed.contains("A-7 EUR"), printed);
      assertFalse(printed.contains("error"), printed);

      // The plain class first: redefined, with Lombok's getters in its recompiled class file.
      project.edit(
          ORDER,
          "return \"order \" + id; // LABEL",
          "return \"order \" + getId() + \" of \" + getAmount(); // LABEL");
      terminal.type("c");
      String again = terminal.prompt();
      assertTrue(
          again.contains("hotrestart: reloaded shop.Order.label() from Order.java in "), again);
      assertTrue(again.contains("; class redefined)"), again);
      assertTrue(again.contains("crashed in shop.Checkout.bill(Order)\n"), again);

      // Then the wrapped class, whose fix calls the getter Lombok writes for its own field.
      project.edit(
          CHECKOUT,
          "Integer.parseInt(order.getAmount()) * 100; // BILL",
          "new java.math.BigDecimal(order.getAmount()).movePointRight(2).intValueExact()"
              + " + \" \" + getCurrency(); // BILL");
      terminal.type("c");
      String done = terminal.expect("done\n", RELOAD);
      assertTrue(
          done.contains("hotrestart: reloaded shop.Checkout.bill(Order) from Checkout.java in "),
          done);
      assertFalse(done.contains("not applied"), done);
      assertTrue(done.contains("bill: order A-7 of 3.50: 350 EUR\n"), done);
      assertEquals(0, terminal.exitCode(Duration.ofSeconds(60)), terminal.text());
    }
  }

  /**
   * The wrapped class's fix calls a method new in the plain {@code Order} and a getter Lombok
   * writes for {@code Order}: compiling {@code Checkout.java} against the running classes fails
   * on the new method, and the retry that reads {@code Order.java} must have Lombok run on it,
   * or {@code getId()} does not exist.
   */
  @ParameterizedTest(name = "on {0}")
  @MethodSource("dev.hotrestart.it.SampleProject#jdks")
  void aFixCallingANewMethodOfALombokClassSeesItsGeneratedMembers(Path jdk) throws Exception {
    SampleProject project = SampleProject.copy("lombok");
    try (Terminal terminal = project.runOn(jdk)) {
      String crash = terminal.prompt();
      assertTrue(crash.contains("crashed in shop.Checkout.bill(Order)\n"), crash);

      project.edit(
          ORDER,
          "  public String label() {",
          "  public int cents() {\n"
              + "    return new java.math.BigDecimal(getAmount()).movePointRight(2).intValueExact();\n"
              + "  }\n\n"
              + "  public String label() {");
      project.edit(
          CHECKOUT,
          "Integer.parseInt(order.getAmount()) * 100; // BILL",
          "order.cents() + \" cents of \" + order.getId(); // BILL");
      terminal.type("c");
      String done = terminal.expect("done\n", RELOAD);
      assertFalse(done.contains("error:"), done);
      assertTrue(
          done.contains("hotrestart: reloaded shop.Checkout.bill(Order) from Checkout.java in "),
          done);
      assertTrue(done.contains("bill: order A-7: 350 cents of A-7\n"), done);
      assertEquals(0, terminal.exitCode(Duration.ofSeconds(60)), terminal.text());
    }
  }
}
