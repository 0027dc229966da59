package dev.hotrestart.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A build whose processor does not run hears why before the compiler says {@code cannot find
 * symbol}: here {@code annotationProcessorPaths} lists another processor (AutoService, which this
 * project's own build uses, so it is in the local repository) but not hotrestart's.
 */
class ProcessorNotRunIT {

  @Test
  void processorPathsWithoutOursAreNamedBeforeTheCompilerFails() throws Exception {
    SampleProject project = SampleProject.copy("run-params");
    project.edit(
        "pom.xml",
        String.join(
            "\n",
            "              <groupId>dev.hotrestart</groupId>",
            "              <artifactId>hotrestart-processor</artifactId>",
            "              <version>" + SampleProject.VERSION + "</version>"),
        String.join(
            "\n",
            "              <groupId>com.google.auto.service</groupId>",
            "              <artifactId>auto-service</artifactId>",
            "              <version>1.1.1</version>"));

    String output = project.build("hotrestart:run").failed().output();

    String warning =
        String.join(
            "\n",
            "[WARNING] hotrestart:run: the annotation processor will not run, so no HotRestart_* class will be"
                + " generated and code calling HotRestart_<Class>.create(...) will not compile (cannot find symbol).",
            "maven-compiler-plugin's <annotationProcessorPaths> lists com.google.auto.service:auto-service but not"
                + " dev.hotrestart:hotrestart-processor, and javac looks for processors only there: add this <path>"
                + " beside them:",
            "<path>",
            "  <groupId>dev.hotrestart</groupId>",
            "  <artifactId>hotrestart-processor</artifactId>",
            "  <version>" + SampleProject.VERSION + "</version>",
            "</path>",
            "");
    int said = output.indexOf(warning);
    assertTrue(said >= 0, output);
    int compilerError = output.indexOf("cannot find symbol", said + warning.length());
    assertTrue(compilerError > said, "the reason comes before the compiler's error: " + output);
    assertTrue(output.contains("symbol:   variable HotRestart_Greeter"), output);
  }
}
