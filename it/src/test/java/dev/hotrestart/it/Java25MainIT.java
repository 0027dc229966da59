package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A program whose only entry point is a Java 25 instance {@code void main()} (JEP 512) runs
 * under {@code mvn hotrestart:run} without {@code mainClass}. It needs a JDK 25: where none is
 * installed (see {@link SampleProject#jdks}) the test is reported as skipped, not passed.
 */
class Java25MainIT {

  @Test
  void anInstanceMainWithoutParametersIsFoundAndStarted() throws Exception {
    Optional<Path> jdk = SampleProject.jdks().stream().filter(Java25MainIT::isJava25OrNewer).findFirst();
    assumeTrue(jdk.isPresent(), "needs a JDK 25, such as /usr/lib/jvm/temurin-25-jdk-amd64");

    SampleProject project = SampleProject.copy("java25-main");
    try (Terminal terminal = project.runOn(jdk.get())) {
      terminal.expect("hello from an instance main, Java 25!", Duration.ofSeconds(120));
      assertEquals(0, terminal.exitCode(Duration.ofSeconds(60)), terminal.text());
      assertTrue(terminal.text().contains("BUILD SUCCESS"), terminal.text());
    }
  }

  private static boolean isJava25OrNewer(Path javaHome) {
    try {
      Matcher version =
          Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(javaHome.resolve("release")));
      return version.find() && Integer.parseInt(version.group(1)) >= 25;
    } catch (IOException e) {
      return false;
    }
  }
}
