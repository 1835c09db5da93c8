package org.allgo.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URL;
import java.util.Set;
import java.util.stream.Collectors;
import org.allgo.platform.BusinessException;
import org.junit.jupiter.api.Test;

/**
 * What the web tier may use of the services module: its boundaries, and its entities and records;
 * never a control class (a store, a rule, a setting), which a boundary would have to stand behind.
 */
class WebArchitectureTest {

  private static final Set<String> SERVICE_CLASSES =
      new ClassFileImporter()
          .importUrl(codeOf(BusinessException.class)).stream()
              .map(JavaClass::getName)
              .collect(Collectors.toSet());

  private static final JavaClasses WEB = new ClassFileImporter().importUrl(codeOf(ApiErrors.class));

  @Test
  void bothModulesAreRead() {
    assertThat(WEB.contain(ApiErrors.class)).isTrue();
    assertThat(WEB.contain(BusinessException.class)).isFalse();
    assertThat(SERVICE_CLASSES)
        .contains("org.allgo.jobs.control.JobStore", "org.allgo.jobs.boundary.JobService");
  }

  @Test
  void webUsesOnlyBoundariesAndEntitiesOfTheServices() {
    DescribedPredicate<JavaClass> serviceInternals =
        DescribedPredicate.describe(
            "are the services module's internals (neither boundary nor entity)",
            c ->
                SERVICE_CLASSES.contains(c.getName())
                    && !c.getPackageName().matches(".*\\.(boundary|entity)(\\..*)?")
                    && !c.getPackageName().equals("org.allgo.platform"));
    noClasses().should().dependOnClassesThat(serviceInternals).check(WEB);
  }

  @Test
  void webSeesNeitherDockerJavaNorTheConnectorsImplementation() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.github.dockerjava..",
            "org.allgo.connector.adapter..",
            "org.allgo.connector.inbound..",
            "org.allgo.connector.outbound..")
        .check(WEB);
  }

  // The jar or directory a class was loaded from: the module it belongs to.
  private static URL codeOf(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }
}
