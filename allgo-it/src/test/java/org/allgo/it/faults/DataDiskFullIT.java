package org.allgo.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.allgo.it.Api;
import org.allgo.it.faults.Probes.Probe;
import org.allgo.it.jobs.Multipart;
import org.junit.jupiter.api.Test;

/**
 * The data disk full (the {@link FaultServer}'s {@code rw/}, a small file system the test fills to
 * the last byte) while a job runs: submissions and uploads are refused with 507, a problem that
 * says why, and leave nothing behind; the running job, which can no longer write, ends ERROR with
 * the reason; once space is freed the server takes and runs jobs again.
 */
@OnFaultServer
class DataDiskFullIT {

  @Test
  void aFullDataDiskRefusesSubmissionsEndsRunningJobsWithTheReasonAndServesOnceFreed(
      FaultServer fault) {
    AllgoServer server = fault.server();
    String webapp = ProbeWebapp.on(server);
    Api devel = server.as("devel@localhost");
    String queue = Probes.queue(server, 300, 2);
    // It writes its result once the disk is full.
    long running = Probes.run(devel, webapp, new Probe(5, 0, queue));
    await("the job's container running")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> server.jobContainers().size() == 1);
    Set<String> stored = datastore(fault);

    fault.disk().fill();
    Instant freed;
    JsonObject failed;
    try {
      assertThat(fault.disk().free()).isZero();
      assertFull(Probes.submit(devel, webapp, new Probe(1, 0, queue)));
      Multipart withFile =
          new Multipart()
              .field("webapp", webapp)
              .field("param", "1 0")
              .field("queue", queue)
              .field("notify", "false")
              .file("files", "input.bin", new byte[256 * 1024]);
      assertFull(devel.post("/api/v2/jobs", withFile.contentType(), withFile.body()));
      Multipart upload = new Multipart().file("file", "input.bin", new byte[256 * 1024]);
      assertFull(devel.post("/api/v2/uploads", upload.contentType(), upload.body()));
      Probes.awaitEnded(devel, List.of(running), Duration.ofMinutes(1));
      failed = Probes.get(devel, running);
      assertThat(datastore(fault)).isEqualTo(stored);
    } finally {
      fault.disk().empty();
      freed = Instant.now();
    }
    assertThat(failed.getString("result")).as(failed.toString()).isEqualTo("ERROR");
    assertThat(failed.getString("reason", "")).as(failed.toString()).contains("disk was full");

    Probe after = new Probe(1, 0, queue);
    long again = Probes.run(devel, webapp, after);
    Duration accepted = Duration.between(freed, Instant.now());
    Probes.awaitEnded(devel, List.of(again), Duration.ofMinutes(1));
    Probes.assertRanOnce(devel, again, after);
    Probes.awaitNoJobContainers(server, Duration.ofSeconds(30));
    Figures.record(
        "data disk full",
        "3 requests (2 submissions, 1 upload) refused with 507, none written; the running job"
            + " ended once, ERROR: \""
            + failed.getString("reason")
            + "\"; the first submission after space was freed accepted "
            + Figures.seconds(accepted)
            + " later, and ran");
  }

  private static void assertFull(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(507);
    assertThat(response.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.json().getString("code")).isEqualTo("disk-full");
  }

  private static Set<String> datastore(FaultServer fault) {
    try (Stream<Path> dirs = Files.list(fault.disk().root().resolve("datastore"))) {
      return dirs.map(dir -> dir.getFileName().toString()).collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
