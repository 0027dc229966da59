package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** {@code hotrestart:run} compiles first, so an edit between two runs is what runs; and skip. */
class CompileAndSkipIT {

  static final String GREETER = "src/app/params/Greeter.java";

  @Test
  void anEditBetweenTwoRunsIsCompiledBeforeTheSecond() throws Exception {
    SampleProject project = SampleProject.copy("run-params");
    String first = project.build("hotrestart:run").succeeded().output();
    assertTrue(first.contains("hello, world!"), first);

    project.edit(GREETER, "\"!\"", "\"!!! (edited)\"");
    String second = project.build("hotrestart:run").succeeded().output();
    assertTrue(second.contains("hello, world!!! (edited)"), "the edit was compiled and ran: " + second);
  }

  @Test
  void skipCompilesButDoesNotRunTheProgram() throws Exception {
    SampleProject project = SampleProject.copy("run-params");
    String output = project.build("hotrestart:run", "-Dhotrestart.skip=true").succeeded().output();
    assertTrue(output.contains("hotrestart:run: skipped (hotrestart.skip)"), output);
    assertFalse(output.contains("arg.count="), "the program did not run: " + output);
    assertTrue(Files.isRegularFile(project.file("target/classes/params/Echo.class")), "compiled anyway");
  }
}
