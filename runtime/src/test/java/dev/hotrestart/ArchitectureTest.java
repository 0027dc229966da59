package dev.hotrestart;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The runtime's packages form layers that read one way (see ARCHITECTURE.md): a cycle or an
 * upward import fails the build. To let a package use another, change its line below, and say
 * in the commit why the layering still holds.
 */
@AnalyzeClasses(packages = "dev.hotrestart", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule LAYERS =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("api").definedBy("dev.hotrestart")
          .layer("config").definedBy("dev.hotrestart.config..")
          .layer("source").definedBy("dev.hotrestart.source..")
          .layer("slot").definedBy("dev.hotrestart.slot..")
          .layer("reload").definedBy("dev.hotrestart.reload..")
          .layer("debug").definedBy("dev.hotrestart.debug..")
          .layer("agent").definedBy("dev.hotrestart.agent..")
          .layer("junit").definedBy("dev.hotrestart.junit..")
          // Leaves: the settings, and reading sources.
          .whereLayer("config").mayNotAccessAnyLayer()
          .whereLayer("source").mayOnlyAccessLayers("config")
          // The public API: the switch everything reads.
          .whereLayer("api").mayOnlyAccessLayers("config")
          // What generated code calls; the layers above register with it through services.
          .whereLayer("slot").mayOnlyAccessLayers("api", "config")
          .whereLayer("reload").mayOnlyAccessLayers("slot", "source", "config", "api")
          .whereLayer("debug").mayOnlyAccessLayers("reload", "slot", "source", "config", "api")
          // The Java agent (the JVM calls it before main): the top, which nothing may call.
          .whereLayer("agent").mayNotBeAccessedByAnyLayer()
          // mvn hotrestart:test's main class and Jupiter extension: a top like the agent, which
          // gives test methods slots; only the goal loads it.
          .whereLayer("junit").mayOnlyAccessLayers("slot", "config", "api")
          .whereLayer("junit").mayNotBeAccessedByAnyLayer();

  @ArchTest
  static final ArchRule NO_CYCLES =
      slices().matching("dev.hotrestart.(*)..").should().beFreeOfCycles();

  /**
   * JUnit is compiled against only (provided, optional): a class outside the package that only
   * {@code mvn hotrestart:test} loads would fail in every program without JUnit.
   */
  @ArchTest
  static final ArchRule JUNIT_ONLY_IN_JUNIT =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.hotrestart.junit..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.junit..", "org.opentest4j..");

  /** ASM is shaded into the runtime jar for the transplant; nothing else should grow into it. */
  @ArchTest
  static final ArchRule ASM_ONLY_IN_RELOAD =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.hotrestart.reload..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.objectweb.asm..");
}
