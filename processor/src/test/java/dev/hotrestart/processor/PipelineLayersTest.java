package dev.hotrestart.processor;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The processor's steps read one way: validate, then model, then write, with no step reaching
 * back into an earlier one or forward into a later one; only {@link HotRestartProcessor} sees
 * them all. Shared helpers (names, the type walk, annotations) know no step.
 */
class PipelineLayersTest {

  private static final JavaClasses PROCESSOR =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.hotrestart.processor");

  /** The named classes of the processor's package, with their nested and anonymous classes. */
  private static DescribedPredicate<JavaClass> named(Class<?>... tops) {
    List<String> names = Arrays.stream(tops).map(Class::getName).toList();
    return DescribedPredicate.describe(
        String.join(", ", Arrays.stream(tops).map(Class::getSimpleName).toList()),
        c -> names.stream().anyMatch(n -> c.getName().equals(n) || c.getName().startsWith(n + "$")));
  }

  private static final DescribedPredicate<JavaClass> SHARED =
      named(
          Names.class,
          TypeWalk.class,
          SignatureTypes.class,
          Annotations.class,
          MissingTypeException.class);

  @Test
  void validateThenModelThenWriteWithNoBackReference() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("processor")
        .definedBy(named(HotRestartProcessor.class))
        .layer("tree scans")
        .definedBy(named(LocalClassScanner.class, DirectConstructionWarner.class))
        .layer("validate")
        .definedBy(named(ProxyValidator.class, WrappedMethods.class))
        .layer("plan")
        .definedBy(named(ProxyPlan.class))
        .layer("model")
        .definedBy(named(
                ProxyModelBuilder.class,
                ClassFileFacts.class,
                LintKeys.class,
                FactoryOverloads.class,
                TypeNames.class))
        .layer("model value")
        .definedBy(named(ProxyModel.class))
        .layer("write")
        .definedBy(named(ProxyWriter.class, ProxyClassWriter.class))
        .layer("report")
        .definedBy(named(ErrorReporter.class))
        .layer("shared")
        .definedBy(SHARED)
        .whereLayer("processor")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("tree scans")
        .mayOnlyBeAccessedByLayers("processor")
        .whereLayer("validate")
        .mayOnlyBeAccessedByLayers("processor")
        .whereLayer("plan")
        .mayOnlyBeAccessedByLayers("processor", "validate", "model")
        .whereLayer("model")
        .mayOnlyBeAccessedByLayers("processor")
        .whereLayer("model value")
        .mayOnlyBeAccessedByLayers("processor", "model", "write")
        .whereLayer("write")
        .mayOnlyBeAccessedByLayers("processor")
        // The model and the writer report nothing: validation is over when they run.
        .whereLayer("report")
        .mayOnlyBeAccessedByLayers("processor", "tree scans", "validate")
        .check(PROCESSOR);
  }

  @Test
  void sharedHelpersKnowNoStep() {
    classes()
        .that(SHARED)
        .should()
        .onlyDependOnClassesThat(
            DescribedPredicate.or(
                SHARED,
                DescribedPredicate.not(
                    JavaClass.Predicates.resideInAPackage("dev.hotrestart.processor"))))
        .check(PROCESSOR);
  }
}
