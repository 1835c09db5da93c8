package org.allgo.connector.outbound;

import static org.allgo.connector.testing.AdapterFixture.TEST_LABEL;
import static org.allgo.connector.testing.AdapterFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.allgo.connector.api.ContainerInfo;
import org.allgo.connector.api.ContainerLogs;
import org.allgo.connector.api.DockerConnection;
import org.allgo.connector.api.EngineInfo;
import org.allgo.connector.api.ExitStatus;
import org.allgo.connector.api.Limits;
import org.allgo.connector.api.LogChunk;
import org.allgo.connector.api.LogEntry;
import org.allgo.connector.api.Mount;
import org.allgo.connector.api.NotFoundException;
import org.allgo.connector.api.Storage;
import org.allgo.connector.testing.AdapterExtension;
import org.allgo.connector.testing.AdapterFixture;
import org.allgo.connector.testing.DockerCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AdapterExtension.class)
class ContainersIT {

  private final AdapterFixture fixture;
  private final DockerConnection docker;

  ContainersIT(AdapterFixture fixture, DockerConnection docker) {
    this.fixture = fixture;
    this.docker = docker;
  }

  @Test
  void engineAnswers() {
    docker.ping();
    EngineInfo info = docker.info();
    assertThat(info.version()).isNotBlank();
    assertThat(info.apiVersion()).matches("1\\.\\d+");
    assertThat(info.environment()).isEqualTo(AdapterFixture.ENVIRONMENT);
  }

  @Test
  void jobRunsConfinedAndReportsItsExit() {
    Path work = fixture.volumeRoot().resolve("job");
    String id =
        docker.run(
            spec("job", "sh", "-c", "echo out; echo err >&2; pwd > result; id -u; exit 3")
                .withMount(Mount.readWrite(work.toString(), "/work"))
                .withWorkingDir("/work")
                .withUser("0:0")
                .withLimits(Limits.of(64L << 20, 0.5, 32))
                .withLabel("allgo.job", "42"));

    ExitStatus status = docker.waitFor(id, Duration.ofSeconds(30));

    assertThat(status.exitCode()).isEqualTo(3);
    assertThat(status.oomKilled()).isFalse();
    assertThat(status.timedOut()).isFalse();
    // The engine stamps StartedAt once the process runs: a process this short can finish first.
    assertThat(status.finishedAt()).isCloseTo(status.startedAt(), within(5, ChronoUnit.SECONDS));
    ContainerLogs logs = docker.logs(id);
    assertThat(logs.stdout()).isEqualTo("out\n0\n");
    assertThat(logs.stderr()).isEqualTo("err\n");
    assertThat(work.resolve("result")).content().isEqualTo("/work\n");
    String host =
        DockerCli.output(
            "inspect",
            "-f",
            "{{.HostConfig.NetworkMode}} {{.HostConfig.CapDrop}} {{.HostConfig.SecurityOpt}} {{.HostConfig.Init}} "
                + "{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.NanoCpus}} {{.HostConfig.PidsLimit}}",
            id);
    assertThat(host)
        .isEqualTo("none [ALL] [no-new-privileges] true 67108864 67108864 500000000 32");
  }

  @Test
  void theTailOfALogComesWithTheTimesOfItsMessagesInTheirOrder() {
    String id =
        docker.run(
            spec("tail", "sh", "-c", "echo one; sleep 0.2; echo two >&2; sleep 0.2; echo three"));
    docker.waitFor(id, Duration.ofSeconds(30));

    List<LogEntry> all = docker.tail(id, -1);
    List<LogEntry> last = docker.tail(id, 1);

    assertThat(all).extracting(e -> e.chunk().text()).containsExactly("one\n", "two\n", "three\n");
    assertThat(all)
        .extracting(e -> e.chunk().stream())
        .containsExactly(LogChunk.Stream.STDOUT, LogChunk.Stream.STDERR, LogChunk.Stream.STDOUT);
    assertThat(all.get(0).time()).isBeforeOrEqualTo(all.get(2).time());
    assertThat(last).containsExactly(all.get(2));
  }

  @Test
  void aLogIsReadMessageByMessageFromATimeUntilTheReaderStops() {
    String id =
        docker.run(
            spec("read", "sh", "-c", "echo one; sleep 0.2; echo two; sleep 0.2; echo three"));
    docker.waitFor(id, Duration.ofSeconds(30));
    List<LogEntry> all = docker.tail(id, -1);

    List<LogEntry> read = new ArrayList<>();
    docker.readLogs(id, null, read::add);
    List<LogEntry> since = new ArrayList<>();
    docker.readLogs(id, all.get(1).time(), since::add);
    List<LogEntry> first = new ArrayList<>();
    docker.readLogs(id, null, entry -> first.add(entry) && false);

    assertThat(read).isEqualTo(all);
    assertThat(since).containsExactly(all.get(1), all.get(2));
    assertThat(first).containsExactly(all.get(0));
  }

  @Test
  void aLongLogIsReadWithoutHoldingIt() {
    // 64 MiB of output, read through a counter: the reader holds one message at a time.
    String id =
        docker.run(
            spec("long", "sh", "-c", "head -c 67108864 /dev/zero | tr '\\0' x | fold -w 4095")
                .withStorage(Storage.DEFAULT.withLogBytes(512L << 20)));
    docker.waitFor(id, Duration.ofSeconds(120));

    long[] bytes = {0};
    docker.readLogs(id, null, entry -> (bytes[0] += entry.chunk().bytes().length) > 0);

    assertThat(bytes[0]).isEqualTo(67108864L + 67108864L / 4095);
  }

  @Test
  void aJobCanWriteOnlyItsMountsAndASizedTmpfsAndItsLogIsCapped() {
    Path work = fixture.volumeRoot().resolve("storage");
    String id =
        docker.run(
            spec(
                    "storage",
                    "sh",
                    "-c",
                    "touch /etc/x 2>/dev/null && echo root-writable;"
                        + " dd if=/dev/zero of=/tmp/fill bs=1M count=8 2>/dev/null || echo tmp-full;"
                        + " echo ok > /work/out")
                .withMount(Mount.readWrite(work.toString(), "/work"))
                .withStorage(
                    Storage.DEFAULT
                        .withReadOnlyRoot(true)
                        .withTmpfs("/tmp", 4L << 20)
                        .withLogBytes(1L << 20)));

    docker.waitFor(id, Duration.ofSeconds(30));

    assertThat(docker.logs(id).stdout()).isEqualTo("tmp-full\n");
    assertThat(work.resolve("out")).content().isEqualTo("ok\n");
    assertThat(
            DockerCli.output(
                "inspect",
                "-f",
                "{{.HostConfig.ReadonlyRootfs}} {{.HostConfig.LogConfig.Type}} {{index .HostConfig.LogConfig.Config \"max-size\"}} {{index .HostConfig.LogConfig.Config \"max-file\"}}",
                id))
        .isEqualTo("true json-file 524288 2");
  }

  @Test
  void theDiskAContainerUsesIsWhatItWroteInItsOwnFileSystem() {
    String id = docker.run(spec("disk", "sh", "-c", "head -c 5242880 /dev/zero > /big; sleep 60"));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(docker.diskUse(id)).isGreaterThanOrEqualTo(5242880L));
    assertThat(docker.diskUse(id)).isLessThan(6L << 20);
    assertThrows(
        NotFoundException.class,
        () -> docker.diskUse(AdapterFixture.ENVIRONMENT + "-no-such-container"));
  }

  @Test
  void inspectFindAndListSeeTheEnvironmentsContainers() {
    var spec = spec("listed", "sleep", "60").withLabel("allgo.kind", "probe");
    String id = docker.run(spec);

    ContainerInfo info = docker.inspect(spec.name());

    assertThat(info.id()).isEqualTo(id);
    assertThat(info.name()).isEqualTo(spec.name());
    assertThat(info.running()).isTrue();
    assertThat(info.exit()).isEmpty();
    assertThat(info.labels())
        .containsEntry("allgo.env", AdapterFixture.ENVIRONMENT)
        .containsEntry(TEST_LABEL, "true");
    assertThat(docker.find(id)).contains(info);
    assertThat(docker.find(AdapterFixture.ENVIRONMENT + "-missing-container")).isEmpty();
    assertThat(docker.list(Map.of("allgo.kind", "probe")))
        .singleElement()
        .satisfies(
            summary -> {
              assertThat(summary.id()).isEqualTo(id);
              assertThat(summary.running()).isTrue();
            });
  }

  @Test
  void killStopsAndRemoveDeletes() {
    String id = docker.run(spec("killed", "sleep", "600"));

    docker.kill(id);
    docker.kill(id);

    ContainerInfo info = docker.inspect(id);
    assertThat(info.running()).isFalse();
    assertThat(info.exit()).hasValueSatisfying(exit -> assertThat(exit.exitCode()).isEqualTo(137));
    docker.remove(id);
    assertThrows(NotFoundException.class, () -> docker.inspect(id));
  }

  @Test
  void waitKillsWhatOutlivesItsTimeout() {
    String id = docker.run(spec("slow", "sleep", "600"));

    ExitStatus status = docker.waitFor(id, Duration.ofMillis(500));

    assertThat(status.timedOut()).isTrue();
    assertThat(status.exitCode()).isEqualTo(137);
    assertThat(docker.inspect(id).running()).isFalse();
  }

  @Test
  void memoryExhaustionIsReportedAsOom() {
    String id =
        docker.run(
            spec("oom", "sh", "-c", "head -c 100m /dev/zero | tail")
                .withLimits(Limits.of(16L << 20, 1, 32)));

    ExitStatus status = docker.waitFor(id, Duration.ofSeconds(60));

    assertThat(status.oomKilled()).isTrue();
    assertThat(status.succeeded()).isFalse();
  }

  @Test
  void unknownContainerIsNotFound() {
    assertThrows(
        NotFoundException.class,
        () -> docker.inspect(AdapterFixture.ENVIRONMENT + "-no-such-container"));
    assertThrows(
        NotFoundException.class,
        () -> docker.logs(AdapterFixture.ENVIRONMENT + "-no-such-container"));
  }

  @Test
  void noNetworkByDefault() throws Exception {
    String id =
        docker.run(
            spec(
                "net",
                "sh",
                "-c",
                "ls /sys/class/net; cat /sys/class/net/lo/flags; readlink /proc/self/ns/net"));

    docker.waitFor(id, Duration.ofSeconds(30));

    // A namespace of its own with its loopback up, and no sandbox of the engine's network stack.
    String host = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
    assertThat(docker.logs(id).stdout().split("\\s+")).hasSize(3).startsWith("lo", "0x9");
    assertThat(docker.logs(id).stdout()).doesNotContain(host);
    assertThat(DockerCli.output("inspect", "-f", "{{.Config.NetworkDisabled}}", id).strip())
        .isEqualTo("true");
  }
}
