package org.allgo.connector.swarm;

import static org.allgo.connector.testing.AdapterFixture.BUSYBOX;
import static org.allgo.connector.testing.AdapterFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.allgo.connector.api.ContainerEvent;
import org.allgo.connector.api.ContainerInfo;
import org.allgo.connector.api.ContainerLogs;
import org.allgo.connector.api.ContainerSpec;
import org.allgo.connector.api.ExitStatus;
import org.allgo.connector.api.ImageRef;
import org.allgo.connector.api.Limits;
import org.allgo.connector.api.Mount;
import org.allgo.connector.api.PolicyRefusedException;
import org.allgo.connector.api.Storage;
import org.allgo.connector.inbound.ContainerEventActivationSpec;
import org.allgo.connector.testing.AdapterFixture;
import org.allgo.connector.testing.RecordingEndpoints;
import org.allgo.connector.testing.Swarm;
import org.allgo.connector.testing.TestBootstrapContext;
import org.junit.jupiter.api.Test;

/** Jobs placed on the test swarm through the adapter, as the application places them. */
class SwarmJobsIT extends SwarmJobsTest {

  SwarmJobsIT(Swarm swarm) throws IOException {
    super(swarm);
  }

  @Test
  void aJobRunsOnceOnANodeConfinedAsItsContainerWouldBe() throws IOException {
    Path work = jobDirectory("confined");
    ContainerSpec spec =
        job(
                "confined",
                "sh",
                "-c",
                "id; grep -E 'NoNewPrivs|CapEff' /proc/self/status; ls /sys/class/net; pwd;"
                    + " echo result > out.txt; touch /x 2>&1; echo oops >&2;"
                    + " echo scratch > /tmp/s && cat /tmp/s; grep ' /tmp ' /proc/mounts; exit 3")
            .withMount(Mount.readWrite(work.toString(), "/work"))
            .withWorkingDir("/work")
            .withUser("65534")
            .withLimits(Limits.of(32L << 20, 0.5, 64))
            // The container mode's storage for jobs: a read-only root, a sized /tmp, a capped log.
            .withStorage(
                Storage.DEFAULT
                    .withReadOnlyRoot(true)
                    .withTmpfs("/tmp", 8L << 20)
                    .withLogBytes(1 << 20));

    String id = docker.run(spec);

    ExitStatus exit = awaitEnd(id);
    assertThat(exit.exitCode()).isEqualTo(3);
    assertThat(exit.failure()).isEmpty();
    assertThat(exit.oomKilled()).isFalse();
    assertThat(exit.duration()).isLessThan(Duration.ofSeconds(20));
    var logs = docker.logs(id);
    assertThat(logs.stdout())
        .contains("uid=65534")
        .contains("NoNewPrivs:\t1")
        .contains("CapEff:\t0000000000000000")
        .contains("/work")
        .contains("Read-only file system")
        .contains("scratch")
        .containsPattern("tmpfs /tmp tmpfs [^ ]*size=8192k")
        .doesNotContain("eth0");
    assertThat(logs.stderr()).contains("oops").doesNotContain("allgo-witness");
    assertThat(Files.readString(work.resolve("out.txt"))).isEqualTo("result\n");
    assertThat(
            swarm.docker("service", "inspect", "-f", "{{json .Spec.TaskTemplate.Resources}}", id))
        .contains("\"Limits\":{\"NanoCPUs\":500000000,\"MemoryBytes\":33554432,\"Pids\":64}")
        .contains("\"Reservations\":{\"NanoCPUs\":500000000,\"MemoryBytes\":33554432}");
    assertThat(
            swarm.docker("service", "inspect", "-f", "{{json .Spec.TaskTemplate.LogDriver}}", id))
        .contains("\"Name\":\"json-file\"")
        .contains("\"max-size\":\"524288\"")
        .contains("\"max-file\":\"2\"");
    assertThat(swarm.docker("service", "ps", "-q", id).lines()).hasSize(1);
    docker.remove(id);
    assertThat(docker.find(id)).isEmpty();
    assertThat(docker.find(spec.name())).isEmpty();
  }

  @Test
  void aJobOutlivingItsTimeIsKilledItsLogKept() {
    String id = docker.run(job("slow", "sh", "-c", "echo started; sleep 60; echo never"));
    await().atMost(TIMEOUT).until(() -> docker.logs(id).stdout().contains("started"));

    ExitStatus exit = docker.waitFor(id, Duration.ofSeconds(1));

    assertThat(exit.timedOut()).isTrue();
    assertThat(exit.succeeded()).isFalse();
    assertThat(docker.inspect(id).running()).isFalse();
    assertThat(docker.logs(id).stdout()).isEqualTo("started\n");
    assertThat(docker.tail(id, 1))
        .singleElement()
        .satisfies(e -> assertThat(e.chunk().text()).isEqualTo("started\n"));
    assertThat(swarm.docker("service", "ls", "-q", "--filter", "id=" + id)).isEmpty();
    docker.remove(id);
    assertThat(docker.find(id)).isEmpty();
  }

  @Test
  void aKillEndsAJobAtOnce() {
    String id = docker.run(job("killed", "sh", "-c", "echo started; sleep 60"));
    await().atMost(TIMEOUT).until(() -> docker.logs(id).stdout().contains("started"));
    assertThat(docker.inspect(id).running()).isTrue();

    docker.kill(id);

    ContainerInfo killed = docker.inspect(id);
    assertThat(killed.running()).isFalse();
    assertThat(killed.exit()).get().extracting(ExitStatus::exitCode).isEqualTo(137L);
    assertThat(docker.list(Map.of(Swarm.PLACED, "yes")))
        .anySatisfy(c -> assertThat(c.id()).isEqualTo(id));
    docker.kill(id);
    docker.remove(id);
    assertThat(docker.list(Map.of(Swarm.PLACED, "yes"))).isEmpty();
  }

  @Test
  void aJobBeyondItsMemoryIsReportedOutOfMemory() {
    String id =
        docker.run(
            job(
                    "oom",
                    "sh",
                    "-c",
                    // tail, alone, reads /dev/zero into memory (no newline comes) until the
                    // kernel kills it, the largest of the program's processes; the program
                    // outlives it. Nothing else allocates meanwhile: no writer fills a pipe (a
                    // pipe's pages are charged to the cgroup, and a charge while the killed
                    // tail's memory is not yet freed is a second out-of-memory, whose victim
                    // was at times the program itself on a loaded machine), and nothing forks.
                    "sleep 1; echo eating; tail /dev/zero; echo alive")
                .withLimits(Limits.of(16L << 20, 1, 32)));

    ExitStatus exit = awaitEnd(id);

    ContainerLogs logs = docker.logs(id);
    assertThat(exit.oomKilled())
        .as("%s; out %s; err %s", exit, logs.stdout(), logs.stderr())
        .isTrue();
    assertThat(exit.exitCode())
        .as("%s; out %s; err %s", exit, logs.stdout(), logs.stderr())
        .isZero();
    assertThat(exit.duration()).isBetween(Duration.ofMillis(900), Duration.ofSeconds(20));
    assertThat(docker.logs(id).stdout()).contains("eating").contains("alive");
    assertThat(docker.logs(id).stderr()).doesNotContain("allgo-witness");
  }

  @Test
  void jobEndsAreDeliveredAsContainerDeaths() throws Exception {
    try (TestBootstrapContext bootstrap = new TestBootstrapContext()) {
      RecordingEndpoints endpoints = new RecordingEndpoints();
      ContainerEventActivationSpec activation = new ContainerEventActivationSpec();
      activation.setLabelFilter(
          "allgo.env=" + AdapterFixture.ENVIRONMENT + "," + Swarm.PLACED + "=yes");
      activation.setActions("die");
      fixture.adapter().start(bootstrap);
      fixture.adapter().endpointActivation(endpoints, activation);

      String ended = docker.run(job("ends", "sh", "-c", "exit 4"));
      String other = docker.run(spec(BUSYBOX, "local", "true"));

      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () ->
                  assertThat(endpoints.eventsOf(ended))
                      .singleElement()
                      .satisfies(
                          event -> {
                            assertThat(event.action()).isEqualTo(ContainerEvent.Action.DIE);
                            assertThat(event.exitCode()).hasValue(4);
                            assertThat(event.name())
                                .startsWith(AdapterFixture.ENVIRONMENT + "-ends-");
                            assertThat(event.labels()).containsEntry(Swarm.PLACED, "yes");
                          }));
      docker.waitFor(other, TIMEOUT);
      Thread.sleep(500);
      assertThat(endpoints.events()).extracting(ContainerEvent::containerId).containsOnly(ended);
      fixture.adapter().endpointDeactivation(endpoints, activation);
      fixture.adapter().stop();
    }
  }

  @Test
  void containersNotSelectedStayOnTheManager() {
    String id = docker.run(spec(BUSYBOX, "sandbox", "sleep", "30"));

    assertThat(docker.inspect(id).running()).isTrue();
    assertThat(swarm.docker("ps", "-q", "--no-trunc", "--filter", "id=" + id)).isEqualTo(id);
    assertThat(swarm.docker("service", "ls", "-q")).doesNotContain(id);
    docker.remove(id);
  }

  @Test
  void aJobAllowedTheNetworkJoinsTheSwarmNetwork() {
    String id = docker.run(job("network", "ls", "/sys/class/net").withNetwork("bridge"));

    awaitEnd(id);

    assertThat(docker.logs(id).stdout()).contains("eth0").contains("lo");
  }

  @Test
  void thePolicyRefusesForeignImagesMountsAndNamesOnTheSwarm() {
    ImageRef foreign = ImageRef.parse(swarm.registry() + "/allgo/other/tool@" + image.tag());
    ImageRef byTag = ImageRef.parse(swarm.namespace() + "swarm-busybox:1");
    List<ContainerSpec> refused =
        List.of(
            placed(
                ContainerSpec.of(AdapterFixture.uniqueName("foreign"), foreign, List.of("true"))),
            placed(ContainerSpec.of(AdapterFixture.uniqueName("tag"), byTag, List.of("true"))),
            placed(ContainerSpec.of(AdapterFixture.uniqueName("base"), BUSYBOX, List.of("true"))),
            job("mount", "true").withMount(Mount.readWrite("/etc", "/host-etc")),
            job("helper", "true")
                .withMount(Mount.readOnly(volumes.resolve("..").toString(), "/up")),
            placed(ContainerSpec.of("other-job-" + System.nanoTime(), image, List.of("true"))),
            job("host", "true").withNetwork("host"));

    for (ContainerSpec spec : refused) {
      PolicyRefusedException e =
          assertThrows(PolicyRefusedException.class, () -> docker.run(spec), spec.toString());
      assertThat(e.getMessage()).startsWith("Refused by policy");
    }
    assertThat(swarm.docker("service", "ls", "-q", "--filter", "label=allgo.test=true")).isEmpty();

    String stranger = "other-job-" + System.nanoTime();
    swarm.docker(
        "service",
        "create",
        "-d",
        "--name",
        stranger,
        "--label",
        "allgo.env=other",
        "--label",
        "allgo.test=true",
        "--mode",
        "replicated-job",
        image.toString(),
        "true");
    assertThrows(PolicyRefusedException.class, () -> docker.find(stranger));
    assertThrows(PolicyRefusedException.class, () -> docker.remove(stranger));
    assertThrows(PolicyRefusedException.class, () -> docker.kill(stranger));
    assertThat(swarm.docker("service", "ls", "-q", "--filter", "name=" + stranger)).isNotEmpty();
  }

  private static ContainerSpec placed(ContainerSpec spec) {
    return spec.withLabel(AdapterFixture.TEST_LABEL, "true").withLabel(Swarm.PLACED, "yes");
  }

  private ContainerSpec job(String what, String... argv) {
    return spec(image, what, argv).withLabel(Swarm.PLACED, "yes");
  }

  private ExitStatus awaitEnd(String id) {
    await()
        .atMost(TIMEOUT)
        .until(() -> docker.inspect(id).state(), state -> state.equals(ServiceState.EXITED));
    return docker.inspect(id).exit().orElseThrow();
  }

  private Path jobDirectory(String name) throws IOException {
    Path dir = Files.createDirectory(volumes.resolve(name));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    return dir;
  }
}
