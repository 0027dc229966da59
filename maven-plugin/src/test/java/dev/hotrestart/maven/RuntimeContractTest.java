package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.HotRestartable;
import dev.hotrestart.agent.Agent;
import dev.hotrestart.config.Settings;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The names of {@link RuntimeContract} against the runtime and the processor themselves (test
 * dependencies of the plugin): renaming a setting or the proxy prefix on their side fails here.
 */
class RuntimeContractTest {

  @TempDir Path temp;

  @Test
  void thePropertiesThePluginSetsAreTheRuntimesSettings() {
    assertEquals(Settings.ENABLED, RuntimeContract.ENABLED);
    assertEquals(Settings.SOURCE_ROOTS, RuntimeContract.SOURCE_ROOTS);
    assertEquals(Settings.ENCODING, RuntimeContract.ENCODING);
    assertEquals(Settings.CONSOLE_CLASS_PATH, RuntimeContract.CONSOLE_CLASS_PATH);
    assertEquals(Settings.COMPILE_CLASS_PATH, RuntimeContract.COMPILE_CLASS_PATH);
    assertEquals(Settings.PROCESSOR_PATH, RuntimeContract.PROCESSOR_PATH);
    assertEquals(Settings.RELOAD_ALL, RuntimeContract.RELOAD_ALL);
  }

  /** hotrestart:test's main class is the runtime's. */
  @Test
  void theTestMainClassIsTheRuntimes() {
    assertEquals(dev.hotrestart.junit.TestMain.class.getName(), RuntimeContract.TEST_MAIN);
  }

  /** The goal forwards the user properties with the prefix: every setting must have it. */
  @Test
  void everyRuntimeSettingHasThePrefixTheGoalForwards() throws IllegalAccessException {
    List<String> settings = new ArrayList<>();
    for (Field field : Settings.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        settings.add((String) field.get(null));
      }
    }
    assertTrue(settings.contains(Settings.INTERACTIVE) && settings.size() >= 10, settings.toString());
    for (String setting : settings) {
      assertTrue(setting.startsWith(RuntimeContract.PROPERTY_PREFIX), setting);
    }
  }

  /** The Premain-Class the plugin looks for and the option it passes are the agent's own. */
  @Test
  void theAgentAndItsOptionAreTheRuntimes() {
    assertEquals(Agent.class.getName(), RuntimeContract.AGENT_CLASS);
    assertEquals(Agent.WATCH_PARENT, RuntimeContract.AGENT_WATCH_PARENT);
    assertEquals(Agent.INSTANCES, RuntimeContract.AGENT_INSTANCES);
  }

  @Test
  void theAnnotationIsTheRuntimes() {
    assertEquals(HotRestartable.class.getName(), RuntimeContract.ANNOTATION);
  }

  /** Runs the real processor and looks for its output the way the goal does. */
  @Test
  void theProcessorNamesItsProxiesWithThePrefixTheGoalLooksFor() throws IOException {
    Path source = temp.resolve("src/demo/Greeter.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        "package demo; @" + RuntimeContract.ANNOTATION
            + " public class Greeter { public String greet(String name) { return name; } }");
    Path classes = Files.createDirectories(temp.resolve("classes"));
    Path generated = Files.createDirectories(temp.resolve("generated"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null,
              files,
              diagnostics,
              List.of("-d", classes.toString(), "-s", generated.toString(),
                  "-cp", System.getProperty("java.class.path")),
              null,
              files.getJavaFileObjects(source));
      // found as javac finds it on a class path, without naming its class here
      List<Processor> processors = new ArrayList<>();
      ServiceLoader.load(Processor.class).forEach(processors::add);
      assertEquals(1, processors.size(), processors.toString());
      task.setProcessors(processors);
      assertTrue(task.call(), diagnostics.getDiagnostics().toString());
    }

    // The proxy's class file lands beside the class, whichever form the processor writes: a source
    // javac compiles (the default) or a class file (-Ahotrestart.proxySource=false).
    List<String> proxies;
    try (Stream<Path> walk = Files.walk(classes)) {
      proxies =
          walk.filter(Files::isRegularFile)
              .map(file -> classes.relativize(file).toString())
              .filter(name -> !name.equals(Path.of("demo", "Greeter.class").toString()))
              .toList();
    }
    assertEquals(List.of(Path.of("demo", RuntimeContract.PROXY_PREFIX + "Greeter.class").toString()), proxies);
    assertTrue(ProcessorCheck.hasGeneratedClasses(List.of(classes)));
  }
}
