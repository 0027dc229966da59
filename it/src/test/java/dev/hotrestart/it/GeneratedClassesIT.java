package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Classes an annotation processor generates from an edited file reload with it (issue "Reach",
 * point 4): the sample builds with MapStruct's processor on {@code annotationProcessorPaths}; at
 * a prompt in the wrapped {@code Checkout.show}, an edit of the {@code @Mapper} interface's
 * {@code @Mapping} makes {@code c} compile it with MapStruct running and redefine the
 * {@code OrderMapperImpl} it writes, through the Java agent. An edit whose generated class no
 * running JVM can take (a new mapping method) is refused by name first.
 */
class GeneratedClassesIT {

  private static final String MAPPER = "src/main/java/orders/OrderMapper.java";
  private static final String LABEL_MAPPER = "src/main/java/orders/LabelMapper.java";
  private static final String CHECKOUT = "src/main/java/orders/Checkout.java";
  private static final Duration RELOAD = Duration.ofSeconds(60);

  @ParameterizedTest(name = "on {0}")
  @MethodSource("dev.hotrestart.it.SampleProject#jdks")
  void theImplementationMapStructWritesReloadsWithTheMapper(Path jdk) throws Exception {
    SampleProject project = SampleProject.copy("mapstruct");
    try (Terminal terminal = project.runOn(jdk)) {
      String crash = terminal.prompt();
      assertTrue(crash.contains("crashed in orders.Checkout.show(Order)\n"), crash);
      assertTrue(crash.contains("NullPointerException"), crash);

      // A new mapping method: the interface would gain an abstract method. Refused by name.
      project.edit(
          MAPPER,
          "  OrderDto toDto(Order order);",
          "  OrderDto toDto(Order order);\n\n  OrderDto again(Order order);");
      terminal.type("c");
      String refused = terminal.prompt();
      assertTrue(
          refused.contains(
              "a new abstract method `orders.OrderDto again(orders.Order)` was added to"
                  + " orders.OrderMapper"),
          refused);
      assertTrue(refused.contains("nothing was reloaded"), refused);
      project.edit(MAPPER, "\n\n  OrderDto again(Order order);", "");

      // The fix is in the annotation: MapStruct writes a new OrderMapperImpl.toDto.
      project.edit(
          MAPPER,
          "@Mapping(target = \"label\", ignore = true) // LABEL",
          "@Mapping(target = \"label\", source = \"id\") // LABEL");
      terminal.type("c");
      String done = terminal.expect("done\n", RELOAD);
      assertTrue(
          done.contains(
              "hotrestart: reloaded orders.OrderMapperImpl.toDto(Order) from OrderMapper.java in "),
          done);
      assertTrue(done.contains("; class redefined)"), done);
      assertFalse(done.contains("not applied"), done);
      assertTrue(done.contains("show: A-7 3.50\n"), done);
      assertEquals(0, terminal.exitCode(Duration.ofSeconds(60)), terminal.text());
    }
  }

  /**
   * A second {@code @Mapper}, in a file new since the program started, used by the fix: {@code
   * c} compiles it with the crashed method's file, MapStruct writes {@code LabelMapperImpl},
   * and both are defined beside the running classes before the call is made again.
   */
  @ParameterizedTest(name = "on {0}")
  @MethodSource("dev.hotrestart.it.SampleProject#jdks")
  void aNewMapperAndTheImplementationMapStructWritesAreAdded(Path jdk) throws Exception {
    SampleProject project = SampleProject.copy("mapstruct");
    try (Terminal terminal = project.runOn(jdk)) {
      String crash = terminal.prompt();
      assertTrue(crash.contains("crashed in orders.Checkout.show(Order)\n"), crash);

      Files.writeString(
          project.file(LABEL_MAPPER),
          String.join(
              "\n",
              "package orders;",
              "",
              "import org.mapstruct.Mapper;",
              "import org.mapstruct.Mapping;",
              "import org.mapstruct.factory.Mappers;",
              "",
              "@Mapper",
              "public interface LabelMapper {",
              "  LabelMapper INSTANCE = Mappers.getMapper(LabelMapper.class);",
              "",
              "  @Mapping(target = \"label\", source = \"id\")",
              "  OrderDto withLabel(Order order);",
              "}",
              ""));
      project.edit(
          CHECKOUT,
          "OrderDto dto = OrderMapper.INSTANCE.toDto(order);",
          "OrderDto dto = LabelMapper.INSTANCE.withLabel(order);");
      terminal.type("c");
      String done = terminal.expect("done\n", RELOAD);
      assertFalse(done.contains("error:"), done);
      assertTrue(
          done.contains("hotrestart: reloaded orders.Checkout.show(Order) from Checkout.java in "),
          done);
      assertTrue(done.contains("show: A-7 3.50\n"), done);
      assertEquals(0, terminal.exitCode(Duration.ofSeconds(60)), terminal.text());
    }
  }
}
