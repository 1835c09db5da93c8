package org.allgo.it.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.allgo.it.Api;
import org.allgo.it.DockerCli;
import org.allgo.it.Server;
import org.junit.jupiter.api.Test;

/**
 * Restart safety: the server is stopped ({@code bin/allgo down}) with jobs running and started
 * again ({@code bin/allgo up}), for the environment under test only. A job that ended meanwhile
 * finishes with its real exit code, one whose container vanished fails with a reason, and a job
 * container without a job is removed.
 */
class JobRestartIT {

  private static final String ROOT = System.getProperty("allgo.root", "..");
  private static final String DB = System.getProperty("allgo.db", "mysql");

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
    assertThat(DockerCli.run("run", "-d", "--name", stray, "--label", "allgo.env=" + Server.ENVIRONMENT,
        "--label", "allgo.role=job", "--label", "allgo.job=999999999", "--network", "none",
        "allgo/busybox:latest", "sleep", "300").exitCode()).isZero();
    allgo("up");

    devel = Api.asDevelopmentUser("devel@localhost");
    JsonObject ended = Jobs.awaitEnd(devel, ends, Duration.ofSeconds(60));
    assertThat(ended.getString("result")).isEqualTo("ERROR");
    assertThat(ended.getInt("exitCode")).isEqualTo(7);
    assertThat(Jobs.file(devel, ends, "allgo.log")).contains("exiting with 7").contains("exit code: 7");
    JsonObject vanished = Jobs.awaitEnd(devel, vanishes, Duration.ofSeconds(30));
    assertThat(vanished.getString("result")).isEqualTo("ERROR");
    assertThat(vanished.getString("reason")).contains("vanished");
    assertThat(DockerCli.run("inspect", stray).exitCode()).as("stray container removed").isNotZero();
    assertThat(Jobs.containerExists(ends)).isFalse();
  }

  /** Runs {@code bin/allgo command} for the server under test, with its settings and no others. */
  private static void allgo(String command) throws IOException, InterruptedException {
    int port = URI.create(Server.BASE_URL).getPort();
    ProcessBuilder builder = new ProcessBuilder(new File(ROOT, "bin/allgo").getAbsolutePath(), command)
        .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("ALLGO_"));
    env.putAll(Map.of("ALLGO_ENV", Server.ENVIRONMENT, "ALLGO_DB", DB, "ALLGO_PORTBASE", Integer.toString(port - 80),
        "ALLGO_DEV_DATA", "true", "ALLGO_DEBIAN_IMAGE", "false"));
    // The settings the server was made with (bin/allgo test passes them): the same domain comes back.
    for (String setting : System.getProperty("allgo.test.server.settings", "").split("\\s+")) {
      int equals = setting.indexOf('=');
      if (equals > 0) {
        env.put(setting.substring(0, equals), setting.substring(equals + 1));
      }
    }
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as("bin/allgo " + command + ":\n" + output).isZero();
  }
}
