package org.allgo.it.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allgo.connector.testing.DockerCli;
import org.allgo.it.AllgoScript;
import org.allgo.it.Api;
import org.allgo.it.Server;
import org.junit.jupiter.api.Test;

/**
 * Restart safety: the server is stopped ({@code bin/allgo down}) with jobs running and started
 * again ({@code bin/allgo up}), for the environment under test only. Jobs whose programs end one
 * after the other before, while and after it stops each end once with their own exit code and their
 * whole {@code allgo.log}, their containers gone; no container event reached the application while
 * it stopped; a job whose container vanished meanwhile fails with a reason, and a job container
 * without a job is removed. One restart for all (a restart is the costly part of the test).
 */
class JobShutdownIT {

  private static final int JOBS = 8;

  @Test
  void jobsAcrossARestartEndOnceWithTheirLogsAndAreReconciledWithTheEngine() throws IOException {
    String tool = ToolWebapp.name();
    Api devel = Api.asDevelopmentUser("devel@localhost");
    // A user runs two jobs at a time in a queue: four queues let the eight run together.
    List<String> queues = new ArrayList<>();
    for (int i = 0; i < JOBS / 2; i++) {
      queues.add(Jobs.queue(600, 4, 30));
    }
    Map<Long, Integer> exitCodes = new LinkedHashMap<>();
    for (int i = 0; i < JOBS; i++) {
      int code = 20 + i;
      long id = Jobs.run(devel, tool, "sleepexit " + (2 + 2 * i) + " " + code, queues.get(i / 2));
      exitCodes.put(id, code);
    }
    long vanishes = Jobs.run(devel, tool, "sleep 120", Jobs.queue(600, 4, 30));
    for (long id : exitCodes.keySet()) {
      Jobs.awaitState(devel, id, "RUNNING", Duration.ofSeconds(60));
    }
    Jobs.awaitState(devel, vanishes, "RUNNING", Duration.ofSeconds(60));
    Path serverLog =
        AllgoScript.root().toPath().resolve("var/" + Server.ENVIRONMENT + "/log/server.log");
    long logStart = Files.exists(serverLog) ? Files.size(serverLog) : 0;

    Instant stopping = Instant.now();
    AllgoScript.run("down", AllgoScript.serverSettings());
    Duration down = Duration.between(stopping, Instant.now());
    String stopLog = tail(serverLog, logStart);
    DockerCli.run("rm", "-f", Jobs.containerName(vanishes));
    String stray = strayContainer();
    AllgoScript.run("up", AllgoScript.serverSettings());

    devel = Api.asDevelopmentUser("devel@localhost");
    for (Map.Entry<Long, Integer> job : exitCodes.entrySet()) {
      long id = job.getKey();
      int code = job.getValue();
      JsonObject ended = Jobs.awaitEnd(devel, id, Duration.ofSeconds(60));
      assertThat(ended.getString("result"))
          .as("job %d (down took %s)", id, down)
          .isEqualTo("ERROR");
      assertThat(ended.getInt("exitCode")).as("job %d", id).isEqualTo(code);
      assertThat(Jobs.file(devel, id, "allgo.log"))
          .as("job %d", id)
          .contains("exiting with " + code)
          .contains("exit code: " + code)
          .contains("result:    ERROR");
      Jobs.awaitContainerRemoved(id);
    }
    assertThat(stopLog)
        .as("the server log while it stopped")
        .doesNotContain("ClassCastException")
        .doesNotContain("MessageBeanContainer");
    JsonObject vanished = Jobs.awaitEnd(devel, vanishes, Duration.ofSeconds(30));
    assertThat(vanished.getString("result")).isEqualTo("ERROR");
    assertThat(vanished.getString("reason")).contains("vanished");
    assertThat(DockerCli.run("inspect", stray).exit()).as("stray container removed").isNotZero();
  }

  // A job container of the environment under test whose job does not exist, started while the
  // server is down: the name and labels of a job's.
  private static String strayContainer() {
    String stray = Jobs.containerName(999_999_999L);
    DockerCli.run("rm", "-f", stray);
    assertThat(
            DockerCli.run(
                    "run",
                    "-d",
                    "--name",
                    stray,
                    "--label",
                    "allgo.env=" + Server.ENVIRONMENT,
                    "--label",
                    "allgo.role=job",
                    "--label",
                    "allgo.job=999999999",
                    "--network",
                    "none",
                    "allgo/busybox:latest",
                    "sleep",
                    "300")
                .exit())
        .isZero();
    return stray;
  }

  // What the server log got since offset (the whole log if it was rotated meanwhile).
  private static String tail(Path log, long offset) throws IOException {
    if (!Files.exists(log)) {
      return "";
    }
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long from = file.length() < offset ? 0 : offset;
      byte[] bytes = new byte[(int) (file.length() - from)];
      file.seek(from);
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
