package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code <systemProperties>} written as for exec-maven-plugin reaches the program as the user
 * meant it, and a shape that would give a wrong {@code -D} fails the build saying how to write it.
 */
class ExecStyleSystemPropertiesIT {

  @Test
  void execsKeyValueShapeIsReadBesideTheMapShape() throws Exception {
    SampleProject project = SampleProject.copy("run-params");
    project.edit(
        "pom.xml",
        "<empty.pom/>",
        "<empty.pom/>"
            + "<systemProperty><key>exec.one</key><value>one value</value></systemProperty>"
            + "<systemProperty><key>exec.version</key><value>${project.version}</value></systemProperty>");
    String output = project.build("hotrestart:run").succeeded().output();
    assertTrue(output.contains("jvm=<-Dexec.one=one value>\n"), output);
    assertTrue(output.contains("jvm=<-Dexec.version=1.0>\n"), "expressions are evaluated: " + output);
    assertTrue(output.contains("property from.pom=<pom value>"), "the map shape still works: " + output);
    assertFalse(output.contains("-DsystemProperty"), output);
  }

  @Test
  void anotherShapeFailsTheBuildShowingTheRightOnes() throws Exception {
    SampleProject project = SampleProject.copy("run-params");
    project.edit(
        "pom.xml", "<empty.pom/>", "<empty.pom/><property><name>p</name><value>v</value></property>");
    String output = project.build("hotrestart:run").failed().output();
    assertTrue(
        output.contains(
            "hotrestart:run: <systemProperties> holds <property> with elements inside (<name>, <value>),"
                + " which would pass a wrong -Dproperty. Write each property as <name>value</name>, or as"
                + " exec-maven-plugin does: <systemProperty><key>name</key><value>value</value></systemProperty>."),
        output);
    assertFalse(output.contains("arg.count="), "the program did not run: " + output);
  }
}
