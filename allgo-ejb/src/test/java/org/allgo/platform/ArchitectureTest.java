package org.allgo.platform;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The structure of the application's services, kept by the build: features (the packages under
 * {@code org.allgo}) split into boundary, control and entity (Adam Bien's BCE).
 */
@AnalyzeClasses(packages = "org.allgo", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Controls serve boundaries; a control calling a boundary would be a second entry point. */
  @ArchTest
  static final ArchRule controlNeverCallsABoundary =
      noClasses()
          .that()
          .resideInAPackage("..control..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..boundary..");

  /** Entities know no infrastructure: no services, no stores, no connector. */
  @ArchTest
  static final ArchRule entitiesKnowNoInfrastructure =
      noClasses()
          .that()
          .resideInAPackage("..entity..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..boundary..", "..control..", "org.allgo.connector..");

  /** A feature may use another's boundary, control or entities, never in a circle. */
  @ArchTest
  static final ArchRule noCyclesBetweenFeatures =
      slices().matching("org.allgo.(*)..").namingSlices("$1").should().beFreeOfCycles();

  /** docker-java lives in the resource adapter (the RAR), shaded; nothing here sees it. */
  @ArchTest
  static final ArchRule dockerJavaOnlyInTheRar =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.allgo.connector..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.github.dockerjava..");

  /** The Docker engine is reached through the connector's API only, never its implementation. */
  @ArchTest
  static final ArchRule connectorOnlyThroughItsApi =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.allgo.connector..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("org.allgo.connector..")
                  .and(resideOutsideOfPackage("org.allgo.connector.api..")));
}
