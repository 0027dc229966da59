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
          .whereLayer("agent").mayNotBeAccessedByAnyLayer();

  @ArchTest
  static final ArchRule NO_CYCLES =
      slices().matching("dev.hotrestart.(*)..").should().beFreeOfCycles();

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
