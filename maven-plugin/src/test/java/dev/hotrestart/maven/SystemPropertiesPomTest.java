package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

/**
 * The {@code systemProperties} parameter in both shapes: what Maven injects into the map, plus
 * the raw element it came from.
 */
class SystemPropertiesPomTest {

  /** Evaluates the one expression these tests use, like Maven would. */
  private static String evaluate(String text) {
    return text.replace("${project.version}", "1.0");
  }

  private static final SystemProperties.Expressions EXPRESSIONS = SystemPropertiesPomTest::evaluate;

  private static Xpp3Dom element(String xml) throws Exception {
    return Xpp3DomBuilder.build(new StringReader("<systemProperties>" + xml + "</systemProperties>"));
  }

  /** What Maven injects for a raw element: each child's name to its (evaluated) text. */
  private static Map<String, String> injected(Xpp3Dom element) {
    Map<String, String> map = new HashMap<>();
    for (Xpp3Dom child : element.getChildren()) {
      String value = child.getValue();
      map.put(child.getName(), value == null ? null : evaluate(value));
    }
    return map;
  }

  private static Map<String, String> read(String xml) throws Exception {
    Xpp3Dom element = element(xml);
    return SystemProperties.fromPom(injected(element), element, EXPRESSIONS);
  }

  @Test
  void theMapShapeIsTakenAsMavenInjectedItInNameOrder() throws Exception {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("b.version", "1.0");
    expected.put("empty", null);
    expected.put("z", "last");
    Map<String, String> properties = read("<z>last</z><b.version>${project.version}</b.version><empty/>");
    assertEquals(expected, properties);
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(properties.keySet()));
  }

  @Test
  void execsShapeIsReadByKeyAndValueBesideTheMapShape() throws Exception {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("exec.empty", null);
    expected.put("exec.one", "1");
    expected.put("exec.version", "1.0");
    expected.put("plain", "p");
    assertEquals(
        expected,
        read(
            "<systemProperty><key>exec.one</key><value>1</value></systemProperty>"
                + "<plain>p</plain>"
                + "<systemProperty><key> exec.version </key><value>${project.version}</value></systemProperty>"
                + "<systemProperty><key>exec.empty</key></systemProperty>"));
  }

  @Test
  void aPlainPropertyNamedSystemPropertyIsStillOne() throws Exception {
    assertEquals(Map.of("systemProperty", "plain"), read("<systemProperty>plain</systemProperty>"));
    assertEquals(
        Map.of("systemProperty", "plain", "k", "v"),
        read("<systemProperty>plain</systemProperty><systemProperty><key>k</key><value>v</value></systemProperty>"));
  }

  @Test
  void anotherShapeWithElementsInsideFailsShowingBothShapes() throws Exception {
    MojoExecutionException e =
        assertThrows(
            MojoExecutionException.class,
            () -> read("<ok>1</ok><property><name>a</name><value>b</value></property>"));
    assertEquals(
        "hotrestart:run: <systemProperties> holds <property> with elements inside (<name>, <value>), which"
            + " would pass a wrong -Dproperty. Write each property as <name>value</name>, or as"
            + " exec-maven-plugin does: <systemProperty><key>name</key><value>value</value></systemProperty>.",
        e.getMessage());
  }

  @Test
  void anExecShapedEntryNeedsAKeyAndNothingButKeyAndValue() throws Exception {
    for (String xml :
        new String[] {
          "<systemProperty><value>v</value></systemProperty>",
          "<systemProperty><key> </key><value>v</value></systemProperty>"
        }) {
      MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> read(xml));
      assertTrue(e.getMessage().startsWith("hotrestart:run: a <systemProperty> in <systemProperties> has no <key>. Write"), e.getMessage());
    }
    MojoExecutionException e =
        assertThrows(
            MojoExecutionException.class,
            () -> read("<systemProperty><name>n</name><value>v</value></systemProperty>"));
    assertTrue(
        e.getMessage().startsWith("hotrestart:run: a <systemProperty> in <systemProperties> holds <name>, but takes only <key> and <value>."),
        e.getMessage());
  }

  @Test
  void withoutTheParameterThereIsNothing() throws Exception {
    assertEquals(Map.of(), SystemProperties.fromPom(null, null, EXPRESSIONS));
  }
}
