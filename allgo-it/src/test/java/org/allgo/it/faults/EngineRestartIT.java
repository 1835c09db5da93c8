package org.allgo.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allgo.it.Api;
import org.allgo.it.faults.Probes.Probe;
import org.junit.jupiter.api.Test;

/**
 * The Docker engine really stopped and started (SIGTERM to {@code dockerd}, then a new {@code
 * dockerd} on the same data) while jobs run, wait, and are submitted. Against the {@link
 * FaultServer}, whose engine is its own: the machine's engine is never touched. The engine stops
 * the running jobs' containers as it stops (as a service manager's restart does: no live restore),
 * so those jobs end with the program's exit on SIGTERM; the waiting ones, and those submitted while
 * the engine is away, wait for it and run once it is back; nothing is left on the engine.
 */
@OnFaultServer
class EngineRestartIT {

  // The engine's SIGTERM, through the container's init.
  private static final int TERMINATED = 143;

  @Test
  void theEngineRestartedWhileJobsRunWaitAndAreSubmitted(FaultServer fault) {
    AllgoServer server = fault.server();
    String webapp = ProbeWebapp.on(server);
    Api devel = server.as("devel@localhost");
    String first = Probes.queue(server, 300, 2);
    String second = Probes.queue(server, 300, 2);
    Map<Long, Probe> running =
        Probes.runAll(
            devel,
            webapp,
            List.of(
                new Probe(120, 0, first),
                new Probe(120, 0, first),
                new Probe(120, 0, second),
                new Probe(120, 0, second)));
    Map<Long, Probe> waiting =
        Probes.runAll(devel, webapp, List.of(new Probe(1, 0, first), new Probe(1, 1, second)));
    await("4 job containers running")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> runningContainers(server) == 4);

    Instant stopped = Instant.now();
    fault.engine().stop();
    Duration stopping = Duration.between(stopped, Instant.now());
    Map<Long, Probe> during;
    Instant restart;
    try {
      await("the server sees the engine gone")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> !dockerUp(server));
      // Submitted while the engine is away, into a queue with free slots: taken, they wait for it.
      String third = Probes.queue(server, 300, 2);
      during =
          Probes.runAll(devel, webapp, List.of(new Probe(1, 0, third), new Probe(1, 2, third)));
      for (long id : during.keySet()) {
        assertThat(Probes.get(devel, id).getString("state")).as("job %d", id).isNotEqualTo("DONE");
      }
    } finally {
      restart = Instant.now();
      if (!fault.engine().answers()) {
        fault.engine().start();
      }
    }
    Duration engineBack = Duration.between(restart, Instant.now());
    await("the server sees the engine again")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> dockerUp(server));
    Duration seen = Duration.between(restart, Instant.now());

    Map<Long, Probe> after = new LinkedHashMap<>(waiting);
    after.putAll(during);
    Map<Long, Probe> all = new LinkedHashMap<>(running);
    all.putAll(after);
    Probes.awaitEnded(devel, all.keySet(), Duration.ofMinutes(2));
    Duration allEnded = Duration.between(restart, Instant.now());
    for (long id : running.keySet()) {
      JsonObject job = Probes.get(devel, id);
      assertThat(job.getString("result")).as("job %d: %s", id, job).isEqualTo("ERROR");
      assertThat(job.getInt("exitCode", -1)).as("job %d: %s", id, job).isEqualTo(TERMINATED);
      assertThat(Probes.file(devel, id, "runs.txt")).as("runs of job %d", id).isEqualTo("run\n");
      assertThat(Probes.file(devel, id, "allgo.log").split("exit code: ", -1))
          .as("summaries in allgo.log of job %d", id)
          .hasSize(2);
    }
    after.forEach((id, probe) -> Probes.assertRanOnce(devel, id, probe));
    Probes.awaitNoJobContainers(server, Duration.ofSeconds(30));
    Figures.record(
        "Docker engine restarted",
        "dockerd stopped in "
            + Figures.seconds(stopping)
            + " (its 4 running jobs stopped with it), started again in "
            + Figures.seconds(engineBack)
            + "; the server saw it again "
            + Figures.seconds(seen)
            + " after its start; the 4 stopped jobs ended once, ERROR with exit code 143 (the"
            + " engine's SIGTERM), the 2 waiting and the 2 submitted while it was away ran once"
            + " after; 0 lost, 0 containers left; last job ended "
            + Figures.seconds(allEnded)
            + " after the engine's start");
  }

  private static long runningContainers(AllgoServer server) {
    String names =
        server
            .engine()
            .output(
                "ps",
                "--filter",
                "label=allgo.env=" + server.environment(),
                "--filter",
                "label=allgo.role=job",
                "--format",
                "{{.Names}}");
    return names.isEmpty() ? 0 : names.split("\n").length;
  }

  private static boolean dockerUp(AllgoServer server) {
    Api.Response health = server.anonymous().get("/health");
    JsonObject docker =
        health.json().getJsonArray("checks").stream()
            .map(check -> check.asJsonObject())
            .filter(check -> check.getString("name").equals("docker"))
            .findFirst()
            .orElseThrow();
    return docker.getString("status").equals("UP");
  }
}
