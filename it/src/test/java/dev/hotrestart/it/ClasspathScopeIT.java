package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import org.junit.jupiter.api.Test;

/** {@code src/it/test-scope}: the only {@code main} is test code using a test dependency. */
class ClasspathScopeIT {

  @Test
  void testScopeRunsTestCodeWithTestDependenciesAndTestSources() throws Exception {
    SampleProject project = SampleProject.copy("test-scope");
    String output = project.build("hotrestart:run", "-Dhotrestart.classpathScope=test").succeeded().output();
    assertTrue(output.contains("test code ran: twice(21) = 42"), output);
    String roots =
        String.join(
            File.pathSeparator,
            project.file("src/main/java").toString(),
            project.file("target/generated-sources/annotations").toString(),
            project.file("src/test/java").toString());
    assertTrue(output.contains("sourceRoots=<" + roots), "test sources are found too: " + output);
  }

  @Test
  void theDefaultRuntimeScopeDoesNotSeeTestCode() throws Exception {
    String output = SampleProject.copy("test-scope").build("hotrestart:run").failed().output();
    assertTrue(output.contains("hotrestart:run: no class with public static void main(String[])"), output);
  }
}
