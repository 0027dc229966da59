package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JavaRequirementTest {

  @Test
  void readsOldAndNewVersionSchemes() {
    assertEquals(8, JavaRequirement.feature("1.8"));
    assertEquals(11, JavaRequirement.feature("11"));
    assertEquals(17, JavaRequirement.feature("17"));
    assertEquals(25, JavaRequirement.feature(" 25 "));
    assertEquals(0, JavaRequirement.feature("unknown"));
    assertEquals(0, JavaRequirement.feature(null));
  }

  @Test
  void java17AndNewerAreFine() {
    assertNull(JavaRequirement.problem("17", "/jdk17"));
    assertNull(JavaRequirement.problem("25", "/jdk25"));
    assertNull(JavaRequirement.problem(System.getProperty("java.specification.version"), "this JVM"));
  }

  @Test
  void olderJavaIsRefusedSayingWhatToDo() {
    assertEquals(
        "hotrestart:run needs Java 17 or newer, but Maven runs on Java 11 (/usr/lib/jvm/java-11)."
            + " The program is started with the java of Maven's JVM: point JAVA_HOME at a JDK 17"
            + " or newer and run Maven again.",
        JavaRequirement.problem("11", "/usr/lib/jvm/java-11"));
    assertTrue(JavaRequirement.problem("1.8", "/jre8").contains("Maven runs on Java 1.8 (/jre8)"));
  }

  @Test
  void unreadableVersionIsNotRefused() {
    assertNull(JavaRequirement.problem("weird", "/somewhere"));
  }
}
