package org.allgo.it.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.allgo.connector.testing.Commands;
import org.allgo.connector.testing.DockerCli;
import org.allgo.it.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The limits every job container runs under: the queue's timeout, the webapp's memory, confinement.
 */
class JobLimitsIT {

  private static String tool;
  private static String shortQueue;

  @BeforeAll
  static void fixtures() {
    tool = ToolWebapp.name();
    shortQueue = Jobs.queue(2, 5, 30);
  }

  @Test
  void aJobPastItsQueuesTimeoutIsKilled() {
    Api devel = Api.asDevelopmentUser("devel@localhost");
    long id = Jobs.run(devel, tool, "sleep 60", shortQueue);

    JsonObject job = Jobs.awaitEnd(devel, id, Duration.ofSeconds(15));

    assertThat(job.getString("result")).isEqualTo("TIMEOUT");
    assertThat(job.getString("queue")).isEqualTo(shortQueue);
    assertThat(Duration.between(Jobs.instant(job, "startedAt"), Jobs.instant(job, "finishedAt")))
        .isLessThan(Duration.ofSeconds(10));
    assertThat(Jobs.file(devel, id, "allgo.log"))
        .contains("sleeping 60")
        .contains("result:    TIMEOUT")
        .doesNotContain("done");
    Jobs.awaitContainerRemoved(id);
  }

  @Test
  void aJobBeyondItsMemoryIsKilledAndSaysSo() {
    Api devel = Api.asDevelopmentUser("devel@localhost");
    long id = Jobs.run(devel, tool, "eat", null);

    JsonObject job = Jobs.awaitEnd(devel, id, Duration.ofSeconds(60));

    assertThat(job.getString("result")).isEqualTo("ERROR");
    assertThat(job.getBoolean("oomKilled")).as(job.toString()).isTrue();
    assertThat(job.getString("reason")).contains("memory");
    assertThat(Jobs.file(devel, id, "allgo.log")).contains("eating").contains("out of memory");
  }

  @Test
  void jobContainersAreConfined() {
    Api devel = Api.asDevelopmentUser("devel@localhost");
    long id = Jobs.run(devel, tool, "sleep 30", null);
    Jobs.awaitState(devel, id, "RUNNING", Duration.ofSeconds(30));
    Instant deadline = Instant.now().plusSeconds(10);
    Commands.Result inspect;
    do {
      inspect =
          DockerCli.run(
              "inspect",
              "-f",
              "{{.HostConfig.NetworkMode}} {{.HostConfig.Memory}} {{.Config.User}}"
                  + " {{.HostConfig.CapDrop}} {{.HostConfig.PidsLimit}} {{.Config.WorkingDir}} {{index .Config.Labels \"allgo.job\"}}"
                  + "{{if index .Config.Labels \"allgo.warm\"}}warm{{end}}",
              Jobs.containerName(id));
    } while (inspect.exit() != 0 && Instant.now().isBefore(deadline));

    // A warm container, made before its job was known, has no job label: its slot says its job.
    assertThat(inspect.output().strip())
        .isIn(
            Stream.of(id, Jobs.WARM ? "warm" : id)
                .map(job -> "none 16777216 65534:65534 [ALL] 256 /tmp/job " + job)
                .toList());
    devel.post("/api/v2/jobs/" + id + "/abort", null);
  }
}
