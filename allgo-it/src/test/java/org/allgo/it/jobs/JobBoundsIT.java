package org.allgo.it.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.allgo.connector.testing.Commands;
import org.allgo.connector.testing.DockerCli;
import org.allgo.it.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A running job is bounded: the platform watches what it writes and prints while it runs and stops
 * it past a limit, ERROR with the reason in its log; its root file system is read-only and its
 * {@code /tmp} small. The server stays up, and what the job leaves on disk stays near the limits.
 * The test server runs with small limits ({@code bin/allgo test} sets them).
 */
class JobBoundsIT {

  private static String tool;
  private static JsonObject limits;

  @BeforeAll
  static void fixtures() {
    tool = ToolWebapp.name();
    limits = Api.asDevelopmentUser("devel@localhost").get("/api/v2/jobs/limits").json();
  }

  @Test
  void aJobWritingThreeTimesItsOutputLimitIsStoppedOnTheWay() {
    long max = limits.getJsonNumber("maxOutputBytes").longValue();
    Api devel = Api.asDevelopmentUser("devel@localhost");
    long mib = 3 * (max >> 20);
    long id = Jobs.run(devel, tool, "write " + mib, null);

    JsonObject job = Jobs.awaitEnd(devel, id, Duration.ofSeconds(60));

    assertThat(job.getString("result")).as(job.toString()).isEqualTo("ERROR");
    assertThat(job.getString("reason")).contains("more than the").contains("stopped");
    assertThat(job.getJsonNumber("outputBytes").longValue()).isGreaterThan(max).isLessThan(3 * max);
    assertThat(Jobs.file(devel, id, "allgo.log"))
        .doesNotContain("wrote " + mib + " MiB")
        .contains("result:    ERROR")
        .contains("reason:    The job wrote");
    Jobs.awaitContainerRemoved(id);
    assertServerServes();
  }

  @Test
  void aJobPrintingAGibibyteIsStoppedAndItsLogCutAtTheLimit() {
    long max = limits.getJsonNumber("maxLogBytes").longValue();
    Api devel = Api.asDevelopmentUser("devel@localhost");
    long id = Jobs.run(devel, tool, "print 1024", null);

    JsonObject job = Jobs.awaitEnd(devel, id, Duration.ofSeconds(90));

    assertThat(job.getString("result")).as(job.toString()).isEqualTo("ERROR");
    assertThat(job.getString("reason")).contains("printed more than");
    String log = Jobs.file(devel, id, "allgo.log");
    assertThat(log.length()).isBetween((int) max / 2, (int) max + 4096);
    assertThat(log)
        .startsWith("yyyy")
        .doesNotContain("printed 1024 MiB")
        .contains("[allgo: the output is cut here")
        .contains("reason:    The job printed more than");
    Jobs.awaitContainerRemoved(id);
    assertServerServes();
  }

  @Test
  void aJobFillingItsTmpEndsInErrorSayingSo() {
    Api devel = Api.asDevelopmentUser("devel@localhost");
    long id = Jobs.run(devel, tool, "filltmp", null);

    JsonObject job = Jobs.awaitEnd(devel, id, Duration.ofSeconds(60));

    assertThat(job.getString("result")).as(job.toString()).isEqualTo("ERROR");
    assertThat(job.getBoolean("oomKilled")).isFalse();
    assertThat(job.getInt("exitCode")).isNotZero();
    assertThat(Jobs.file(devel, id, "allgo.log"))
        .contains("filling /tmp")
        .contains("No space left on device");
    assertThat(job.getJsonNumber("outputBytes").longValue()).isZero();
    assertServerServes();
  }

  @Test
  void aJobsRootIsReadOnlyItsTmpSmallAndItsEngineLogCapped() {
    Api devel = Api.asDevelopmentUser("devel@localhost");
    long id = Jobs.run(devel, tool, "sleep 30", null);
    Jobs.awaitState(devel, id, "RUNNING", Duration.ofSeconds(30));

    // RUNNING from its claim: the container comes a moment later.
    Commands.Result inspect =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    DockerCli.run(
                        "inspect",
                        "-f",
                        "{{.HostConfig.ReadonlyRootfs}} {{index .HostConfig.Tmpfs \"/tmp\"}}"
                            + " {{.HostConfig.LogConfig.Type}}"
                            + " {{index .HostConfig.LogConfig.Config \"max-file\"}}",
                        Jobs.containerName(id)),
                result -> result.exit() == 0);
    devel.post("/api/v2/jobs/" + id + "/abort", null);

    assertThat(inspect.output().strip())
        .isEqualTo("true rw,nosuid,nodev,exec,size=8388608,mode=1777 json-file 2");
  }

  private static void assertServerServes() {
    assertThat(Api.anonymous().get("/api/v2/queues").status()).isEqualTo(200);
  }
}
