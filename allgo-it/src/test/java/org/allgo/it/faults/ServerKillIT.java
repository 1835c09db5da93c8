package org.allgo.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.allgo.it.Api;
import org.allgo.it.faults.Probes.Probe;
import org.junit.jupiter.api.Test;

/**
 * The application server killed ({@code kill -9}: no shutdown of any kind) with 10 jobs running and
 * 20 waiting, then started again with {@code bin/allgo up}: every job ends once, with the result
 * its program gave, and no container is left behind. On MariaDB (the server under test) and on H2
 * (the {@link FaultServer}). Five queues run two jobs each at a time: the first ten jobs, two a
 * queue, are claimed as they come, the twenty after them wait, and the kill comes as soon as the
 * tenth is claimed, while the last containers may still be starting. The running jobs outlive the
 * server's absence: their containers end while it is away. On MariaDB, a version being committed at
 * the kill ({@link CommitInFlight}) ends with the reason after the restart, and its number commits
 * again.
 */
class ServerKillIT {

  private static final int QUEUES = 5;
  private static final int RUNNING = 2 * QUEUES;
  private static final int JOBS = 30;

  @Test
  void theServerUnderTestKilledWithJobsRunningAndWaiting() {
    AllgoServer server = AllgoServer.underTest();
    CommitInFlight commit = CommitInFlight.start(server);
    killWithJobs(server, ProbeWebapp.on(server), () -> {});
    commit.assertEndedAndCommittable();
  }

  /**
   * The same on H2, the kill coming while none of the ten claimed jobs has a container yet: their
   * image is to be pulled again, through a registry relay that holds every request.
   */
  @Test
  @OnFaultServer
  void theFaultServerKilledWhileItsJobsStart(FaultServer fault) {
    AllgoServer server = fault.server();
    String webapp = ProbeWebapp.on(server);
    fault.engine().removeImages(fault.repository(webapp));
    fault.relay().switchTo(RegistryRelay.Mode.HANGING);
    try {
      killWithJobs(server, webapp, () -> fault.relay().switchTo(RegistryRelay.Mode.OPEN));
    } finally {
      fault.relay().switchTo(RegistryRelay.Mode.OPEN);
    }
  }

  private static void killWithJobs(AllgoServer server, String webapp, Runnable beforeRestart) {
    Api devel = server.as("devel@localhost");
    List<String> queues = new ArrayList<>();
    for (int q = 0; q < QUEUES; q++) {
      queues.add(Probes.queue(server, 300, 2));
    }
    // Two jobs a queue run at once: the first ten, long enough to outlive the server's absence.
    List<Probe> probes = new ArrayList<>();
    for (int i = 0; i < JOBS; i++) {
      probes.add(new Probe(i < RUNNING ? 15 : 1, i % 3, queues.get(i % QUEUES)));
    }
    Map<Long, Probe> jobs = Probes.runAll(devel, webapp, probes);
    await("10 jobs claimed")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> Probes.inState(devel, jobs.keySet(), "RUNNING").size() == RUNNING);

    Instant killed = Instant.now();
    try {
      server.kill();
      assertThat(server.ready()).isFalse();
      int starting = RUNNING - server.jobContainers().size();
      beforeRestart.run();
      Instant restart = Instant.now();
      server.up();
      Duration back = Duration.between(restart, Instant.now());

      Api again = server.as("devel@localhost");
      Probes.awaitEnded(again, jobs.keySet(), Duration.ofMinutes(3));
      Duration allEnded = Duration.between(killed, Instant.now());
      jobs.forEach((id, probe) -> Probes.assertRanOnce(again, id, probe));
      Probes.awaitNoJobContainers(server, Duration.ofSeconds(30));
      Figures.record(
          "kill -9 of the server on " + (server.database().equals("mysql") ? "MariaDB" : "H2"),
          JOBS
              + " jobs ("
              + RUNNING
              + " claimed, "
              + starting
              + " of them without a container at the kill; "
              + (JOBS - RUNNING)
              + " waiting): "
              + JOBS
              + " ended once with their program's result, 0 lost, 0 run twice, 0 containers left;"
              + " bin/allgo up to ready "
              + Figures.seconds(back)
              + ", kill to the last job ended "
              + Figures.seconds(allEnded));
    } finally {
      if (!server.ready()) {
        server.up();
      }
    }
  }
}
