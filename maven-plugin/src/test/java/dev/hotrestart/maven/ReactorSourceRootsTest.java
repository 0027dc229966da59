package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hotrestart.maven.ReactorSourceRoots.Dependency;
import dev.hotrestart.maven.ReactorSourceRoots.Module;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reactor of {@code core}, {@code lib} (depends on core), {@code tools} (unrelated) and
 * {@code app} (runs, depends on lib), with the local repository beside it.
 */
class ReactorSourceRootsTest {

  @TempDir Path root;

  private Path repo;

  @BeforeEach
  void sources() throws IOException {
    for (String module : List.of("core", "lib", "tools", "app")) {
      Files.createDirectories(root.resolve(module).resolve("src/main/java"));
    }
    repo = root.resolve("repo");
  }

  private Module module(String name) {
    return module(name, "1.0");
  }

  private Module module(String name, String version) {
    Path dir = root.resolve(name);
    return new Module(
        "com.acme",
        name,
        version,
        List.of(dir.resolve("target/classes")),
        List.of(dir.resolve("src/main/java"), dir.resolve("target/generated-sources/annotations")));
  }

  private Path jar(String name, String version) {
    return repo.resolve("com/acme/" + name + "/" + version + "/" + name + "-" + version + ".jar");
  }

  private Dependency fromRepo(String name, String version) {
    return new Dependency("com.acme", name, version, jar(name, version));
  }

  private Path sources(String module) {
    return root.resolve(module).resolve("src/main/java");
  }

  private List<Module> reactor() {
    return List.of(module("core"), module("lib"), module("tools"));
  }

  @Test
  void withoutAmTheLibraryJarFromTheLocalRepositoryBringsItsSourcesAndItsDependencies() {
    // mvn -pl app hotrestart:run: lib and core are resolved from the local repository
    List<Dependency> dependencies = List.of(fromRepo("lib", "1.0"), fromRepo("core", "1.0"));
    List<Path> classPath =
        List.of(root.resolve("app/target/classes"), jar("lib", "1.0"), jar("core", "1.0"));

    assertEquals(
        List.of(sources("core"), sources("lib")),
        ReactorSourceRoots.of(reactor(), dependencies, classPath),
        "in reactor order, only existing roots, not the unrelated tools");
  }

  @Test
  void withAmTheModulesOutputDirectoriesBringTheirSources() {
    // mvn -pl app -am hotrestart:run: the dependencies resolve to the reactor's own output
    Path libClasses = root.resolve("lib/target/classes");
    Path coreClasses = root.resolve("core/target/classes");
    List<Dependency> dependencies =
        List.of(
            new Dependency("com.acme", "lib", "1.0", libClasses),
            new Dependency("com.acme", "core", "1.0", coreClasses));

    assertEquals(
        List.of(sources("core"), sources("lib")),
        ReactorSourceRoots.of(
            reactor(), dependencies, List.of(root.resolve("app/target/classes"), libClasses, coreClasses)));
  }

  @Test
  void aModuleWhoseClassesAreOnTheClassPathCountsEvenWithoutAMatchingDependency() {
    Path toolsClasses = root.resolve("tools/./target/classes");
    assertEquals(
        List.of(sources("tools")),
        ReactorSourceRoots.of(reactor(), List.of(), List.of(toolsClasses.normalize())));
  }

  @Test
  void anotherVersionFromTheRepositoryIsNotTheReactorModule() {
    // the jar was built from other sources: showing the reactor's would mislead
    List<Dependency> dependencies = List.of(fromRepo("lib", "0.9"));
    assertEquals(
        List.of(), ReactorSourceRoots.of(reactor(), dependencies, List.of(jar("lib", "0.9"))));
  }

  @Test
  void aDependencyOffTheClassPathDoesNotCount() {
    // a test-scoped lib under classpathScope=runtime: resolved, but the program never loads it
    List<Dependency> dependencies =
        List.of(fromRepo("lib", "1.0"), new Dependency("com.acme", "core", "1.0", null));
    assertEquals(
        List.of(),
        ReactorSourceRoots.of(reactor(), dependencies, List.of(root.resolve("app/target/classes"))));
  }

  @Test
  void aRootSharedByTwoModulesIsGivenOnce() {
    List<Module> reactor = new ArrayList<>(reactor());
    // a second module building the same sources, for another Java release say
    reactor.add(
        new Module(
            "com.acme",
            "lib-java8",
            "1.0",
            List.of(root.resolve("lib-java8/target/classes")),
            List.of(root.resolve("lib/src/main/../src/main/java"))));
    List<Dependency> dependencies = List.of(fromRepo("lib", "1.0"), fromRepo("lib-java8", "1.0"));

    assertEquals(
        List.of(sources("lib")),
        ReactorSourceRoots.of(
            reactor, dependencies, List.of(jar("lib", "1.0"), jar("lib-java8", "1.0"))));
  }
}
