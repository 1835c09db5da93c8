package org.allgo.it.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.allgo.connector.testing.DockerCli;
import org.allgo.it.AllgoScript;
import org.allgo.it.Api;
import org.allgo.it.Server;
import org.junit.jupiter.api.Test;

/**
 * Restart safety: the server is stopped ({@code bin/allgo down}) with jobs running and started
 * again ({@code bin/allgo up}), for the environment under test only. A job that ended meanwhile
 * finishes with its real exit code, one whose container vanished fails with a reason, and a job
 * container without a job is removed.
 */
class JobRestartIT {

  @Test
  void jobsRunningAcrossARestartAreReconciledWithTheEngine() throws Exception {
    String tool = ToolWebapp.name();
    String queue = Jobs.queue(600, 4, 30);
    Api devel = Api.asDevelopmentUser("devel@localhost");
    long ends = Jobs.run(devel, tool, "sleepexit 8 7", queue);
    long vanishes = Jobs.run(devel, tool, "sleep 120", queue);
    Jobs.awaitState(devel, ends, "RUNNING", Duration.ofSeconds(30));
    Jobs.awaitState(devel, vanishes, "RUNNING", Duration.ofSeconds(30));

    allgo("down");
    DockerCli.run("rm", "-f", Jobs.containerName(vanishes));
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
    allgo("up");

    devel = Api.asDevelopmentUser("devel@localhost");
    JsonObject ended = Jobs.awaitEnd(devel, ends, Duration.ofSeconds(60));
    assertThat(ended.getString("result")).isEqualTo("ERROR");
    assertThat(ended.getInt("exitCode")).isEqualTo(7);
    assertThat(Jobs.file(devel, ends, "allgo.log"))
        .contains("exiting with 7")
        .contains("exit code: 7");
    JsonObject vanished = Jobs.awaitEnd(devel, vanishes, Duration.ofSeconds(30));
    assertThat(vanished.getString("result")).isEqualTo("ERROR");
    assertThat(vanished.getString("reason")).contains("vanished");
    assertThat(DockerCli.run("inspect", stray).exit()).as("stray container removed").isNotZero();
    Jobs.awaitContainerRemoved(ends);
  }

  private static void allgo(String command) {
    AllgoScript.run(command, AllgoScript.serverSettings());
  }
}
