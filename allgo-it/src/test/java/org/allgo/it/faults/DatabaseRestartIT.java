package org.allgo.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.allgo.it.AllgoScript;
import org.allgo.it.Api;
import org.allgo.it.faults.Probes.Probe;
import org.allgo.it.jobs.Multipart;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * MariaDB stopped and started again while jobs run and are submitted, under the server under test
 * (its database is the MariaDB {@code bin/allgo} started, which the other tiers' servers share:
 * tagged {@code shared-services}, {@code bin/allgo test} runs it alone, before them). While it is
 * away the API answers 503, a problem with {@code Retry-After}, to a submission as to a read, and
 * writes nothing; jobs whose program ends meanwhile are finished once it is back; then everything
 * works again.
 */
@Tag("shared-services")
class DatabaseRestartIT {

  @Test
  void mariaDbRestartedWhileJobsRunAndAreSubmitted() {
    AllgoServer server = AllgoServer.underTest();
    assumeTrue(server.database().equals("mysql"), "the server under test runs on MariaDB");
    MariaDb database = new MariaDb(server.settings());
    String webapp = ProbeWebapp.on(server);
    Api devel = server.as("devel@localhost");
    String queue = Probes.queue(server, 300, 2);
    // Their programs end while the database is away.
    Map<Long, Probe> running =
        Probes.runAll(devel, webapp, List.of(new Probe(4, 0, queue), new Probe(4, 1, queue)));
    await("2 job containers running")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> server.jobContainers().size() == 2);
    Set<String> stored = datastore(server);

    Instant stopped = Instant.now();
    database.stop();
    Instant restart;
    try {
      assertUnavailable(Probes.submit(devel, webapp, new Probe(1, 0, queue)));
      Multipart withFile =
          new Multipart()
              .field("webapp", webapp)
              .field("param", "1 0")
              .field("notify", "false")
              .file("files", "input.txt", "some input\n".getBytes());
      assertUnavailable(devel.post("/api/v2/jobs", withFile.contentType(), withFile.body()));
      assertUnavailable(devel.get("/api/v2/jobs/" + running.keySet().iterator().next()));
      assertThat(server.anonymous().get("/health").status()).isEqualTo(503);
      await("the 2 programs ended")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> exitedContainers(server) == 2);
    } finally {
      restart = Instant.now();
      database.start();
    }
    Duration outage = Duration.between(stopped, restart);
    await("the server ready again")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(250))
        .until(server::ready);
    Duration ready = Duration.between(restart, Instant.now());

    Probes.awaitEnded(devel, running.keySet(), Duration.ofMinutes(1));
    Duration ended = Duration.between(restart, Instant.now());
    running.forEach((id, probe) -> Probes.assertRanOnce(devel, id, probe));
    Probe after = new Probe(1, 0, queue);
    long again = Probes.run(devel, webapp, after);
    Probes.awaitEnded(devel, List.of(again), Duration.ofMinutes(1));
    Probes.assertRanOnce(devel, again, after);
    // The refused submissions left nothing: no job, no directory.
    assertThat(datastore(server)).containsExactlyInAnyOrderElementsOf(with(stored, again));
    assertThat(devel.get("/api/v2/jobs?since=" + stopped).array())
        .extracting(job -> job.asJsonObject().getJsonNumber("id").longValue())
        .containsExactly(again);
    Probes.awaitNoJobContainers(server, Duration.ofSeconds(30));
    Figures.record(
        "MariaDB restarted",
        "away "
            + Figures.seconds(outage)
            + ": 3 requests refused with 503 and Retry-After, none written; the server ready again "
            + Figures.seconds(ready)
            + " after MariaDB's start; the 2 jobs whose programs ended meanwhile finished once, with"
            + " their result, "
            + Figures.seconds(ended)
            + " after it; 0 lost, 0 containers left");
  }

  private static void assertUnavailable(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(503);
    assertThat(response.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.json().getString("code")).isEqualTo("database-unavailable");
    assertThat(response.header("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
  }

  private static long exitedContainers(AllgoServer server) {
    String names =
        server
            .engine()
            .output(
                "ps",
                "-a",
                "--filter",
                "label=allgo.env=" + server.environment(),
                "--filter",
                "label=allgo.role=job",
                "--filter",
                "status=exited",
                "--format",
                "{{.Names}}");
    return names.isEmpty() ? 0 : names.split("\n").length;
  }

  /** The job directories in the server's datastore. */
  private static Set<String> datastore(AllgoServer server) {
    Path data =
        Path.of(
            server
                .settings()
                .getOrDefault(
                    "ALLGO_DATA",
                    AllgoScript.root().toPath().resolve("var/" + server.environment()).toString()));
    try (Stream<Path> dirs = Files.list(data.resolve("rw/datastore"))) {
      return dirs.map(dir -> dir.getFileName().toString()).collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> with(Set<String> names, long id) {
    return Stream.concat(names.stream(), Stream.of(Long.toString(id))).collect(Collectors.toSet());
  }
}
