package org.allgo.connector.outbound;

import static org.allgo.connector.testing.AdapterFixture.BUSYBOX;
import static org.allgo.connector.testing.AdapterFixture.spec;
import static org.allgo.connector.testing.AdapterFixture.uniqueImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.allgo.connector.api.ContainerSpec;
import org.allgo.connector.api.DockerConnection;
import org.allgo.connector.api.ExecSpec;
import org.allgo.connector.api.ImageRef;
import org.allgo.connector.api.Mount;
import org.allgo.connector.api.PolicyRefusedException;
import org.allgo.connector.api.Privileges;
import org.allgo.connector.testing.AdapterExtension;
import org.allgo.connector.testing.AdapterFixture;
import org.allgo.connector.testing.DockerCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every refusal, through a real connection: nothing refused reaches the engine. */
@ExtendWith(AdapterExtension.class)
class PolicyIT {

  private final AdapterFixture fixture;
  private final DockerConnection docker;

  PolicyIT(AdapterFixture fixture, DockerConnection docker) {
    this.fixture = fixture;
    this.docker = docker;
  }

  @Test
  void containerNameOutsideTheEnvironment() {
    ContainerSpec spec =
        ContainerSpec.of("prod-user-1", BUSYBOX, List.of("true")).withLabel("allgo.test", "true");
    assertRefused(() -> docker.run(spec), "must start with '" + AdapterFixture.ENVIRONMENT + "-'");
    assertThat(DockerCli.output("ps", "-aq", "--filter", "name=prod-user-1")).isEmpty();
  }

  @Test
  void bindMountOutsideTheVolumeRoots() {
    assertRefused(
        () -> docker.run(spec("mount", "true").withMount(Mount.readOnly("/etc", "/etc2"))),
        "outside the allowed volume roots");
    assertRefused(
        () ->
            docker.run(
                spec("mount", "true")
                    .withMount(Mount.readOnly(fixture.volumeRoot() + "/../escape", "/x"))),
        "outside the allowed volume roots");
  }

  @Test
  void imagesOutsideTheNamespaceAndTheBaseImages() {
    ImageRef foreign = ImageRef.parse("127.0.0.1:5000/allgo/prod/webapp:1");
    assertRefused(
        () -> docker.run(spec(foreign, "foreign", "true")),
        "neither under " + AdapterFixture.NAMESPACE);
    assertRefused(() -> docker.pull(ImageRef.parse("debian:12")), "nor an allowed base image");
    assertRefused(() -> docker.push(BUSYBOX), "outside this environment's namespace");
    assertRefused(() -> docker.tag(BUSYBOX, foreign), "outside this environment's namespace");
    assertRefused(() -> docker.tag(foreign, uniqueImage("copy")), "neither under");
    assertRefused(() -> docker.removeImage(BUSYBOX), "outside this environment's namespace");
  }

  @Test
  void commitOnlyIntoTheNamespace() {
    String id = docker.run(spec("commit", "sleep", "60"));
    assertRefused(
        () -> docker.commit(id, ImageRef.parse("allgo/busybox:evil"), Map.of()),
        "outside this environment's namespace");
  }

  @Test
  void privilegesAndHostNamespaces() {
    ContainerSpec spec = spec("priv", "true");
    assertRefused(
        () -> docker.run(spec.withPrivileges(Privileges.NONE.withPrivileged(true))), "privileged");
    assertRefused(() -> docker.run(spec.withNetwork("host")), "network mode 'host'");
    assertRefused(
        () -> docker.run(spec.withNetwork("container:abc")), "network mode 'container:abc'");
    assertRefused(
        () -> docker.run(spec.withPrivileges(Privileges.NONE.withPidMode("host"))),
        "PID namespace");
    assertRefused(
        () -> docker.run(spec.withPrivileges(Privileges.NONE.withIpcMode("host"))),
        "IPC namespace");
    assertRefused(
        () ->
            docker.run(
                spec.withPrivileges(Privileges.NONE.withAddedCapabilities(List.of("SYS_ADMIN")))),
        "added capabilities");
    assertRefused(
        () -> docker.run(spec.withPrivileges(Privileges.NONE.withDevices(List.of("/dev/fuse")))),
        "device mappings");
    assertRefused(
        () -> docker.run(spec.withLabel("allgo.env", "prod")),
        "contradicts environment " + AdapterFixture.ENVIRONMENT);
  }

  @Test
  void containersOfAnotherEnvironmentAreOutOfReach() {
    String other =
        DockerCli.output(
            "run",
            "-d",
            "--network",
            "none",
            "--label",
            "allgo.test=true",
            "--name",
            "other-" + AdapterFixture.uniqueName("x"),
            BUSYBOX.toString(),
            "sleep",
            "60");
    String refusal = "does not belong to environment " + AdapterFixture.ENVIRONMENT;
    try {
      assertRefused(() -> docker.inspect(other), refusal);
      assertRefused(() -> docker.kill(other), refusal);
      assertRefused(() -> docker.remove(other), refusal);
      assertRefused(() -> docker.logs(other), refusal);
      assertRefused(() -> docker.exec(other, ExecSpec.of("true")), refusal);
      assertThat(docker.list(Map.of())).noneMatch(c -> c.id().equals(other));
    } finally {
      // Of no environment: the fixture's clean-up, which keeps to its own, leaves it.
      DockerCli.run("rm", "-f", other);
    }
  }

  @Test
  void aContainerOfTheEnvironmentsNameWithoutItsLabelIsNotTheEnvironments() {
    String name = AdapterFixture.uniqueName("unlabelled");
    String intruder =
        DockerCli.output(
            "run",
            "-d",
            "--network",
            "none",
            "--label",
            "allgo.test=true",
            "--label",
            "allgo.role=job",
            "--name",
            name,
            BUSYBOX.toString(),
            "sleep",
            "60");

    assertThat(name).startsWith(AdapterFixture.ENVIRONMENT + "-");
    assertRefused(
        () -> docker.inspect(name), "does not belong to environment " + AdapterFixture.ENVIRONMENT);
    assertRefused(
        () -> docker.find(name), "does not belong to environment " + AdapterFixture.ENVIRONMENT);
    assertRefused(
        () -> docker.kill(intruder),
        "does not belong to environment " + AdapterFixture.ENVIRONMENT);
    assertRefused(
        () -> docker.remove(name), "does not belong to environment " + AdapterFixture.ENVIRONMENT);
    assertRefused(
        () -> docker.diskUse(name), "does not belong to environment " + AdapterFixture.ENVIRONMENT);
    assertRefused(
        () -> docker.readLogs(name, null, entry -> true),
        "does not belong to environment " + AdapterFixture.ENVIRONMENT);
    assertRefused(
        () -> docker.exec(name, ExecSpec.of("true")),
        "does not belong to environment " + AdapterFixture.ENVIRONMENT);
    assertThat(docker.list(Map.of("allgo.role", "job"))).noneMatch(c -> c.id().equals(intruder));
    assertThat(DockerCli.output("inspect", "-f", "{{.State.Running}}", intruder)).isEqualTo("true");
  }

  @Test
  void everyContainerTheAdapterMakesCarriesTheEnvironmentsLabel() {
    String id = docker.run(spec("labelled", "sleep", "60"));

    assertThat(DockerCli.output("inspect", "-f", "{{index .Config.Labels \"allgo.env\"}}", id))
        .isEqualTo(AdapterFixture.ENVIRONMENT);
  }

  @Test
  void aContainerTakesOnlyANameOfTheEnvironment() {
    ContainerSpec spec = spec("rename", "sleep", "60");
    String id = docker.run(spec);
    assertRefused(
        () -> docker.rename(id, "prod-job-1"), "must start with '" + AdapterFixture.ENVIRONMENT);
    assertThat(DockerCli.output("ps", "-aq", "--filter", "name=^prod-job-1$")).isEmpty();

    docker.rename(id, spec.name() + "-renamed");

    assertThat(docker.inspect(spec.name() + "-renamed").id()).isEqualTo(id);
    assertThat(docker.find(spec.name())).isEmpty();
  }

  private static void assertRefused(Runnable call, String reason) {
    PolicyRefusedException refusal = assertThrows(PolicyRefusedException.class, call::run);
    assertThat(refusal.getMessage()).startsWith("Refused by policy: ").contains(reason);
  }
}
