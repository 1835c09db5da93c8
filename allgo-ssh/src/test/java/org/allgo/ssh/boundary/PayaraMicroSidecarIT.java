package org.allgo.ssh.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.allgo.connector.testing.Commands;
import org.allgo.connector.testing.Commands.Result;
import org.allgo.ssh.testing.OpenSsh;
import org.allgo.ssh.testing.Sandbox;
import org.allgo.ssh.testing.Settings;
import org.allgo.ssh.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/**
 * The sidecar as the run command starts it (bin/lib/ssh.sh): Payara Micro with the connector's RAR
 * and the allgo-ssh WAR, reading a MariaDB database through a SELECT-only account.
 */
@TestInstance(Lifecycle.PER_CLASS)
class PayaraMicroSidecarIT {

  private static final String APP = "microapp";
  private static final String IDLE_APP = "microidle";
  private static final String BASE_URL = "http://allgo.test:8080";

  private Path directory;
  private TestDatabase database;
  private Sandbox sandbox;
  private OpenSsh ssh;
  private Path owner;
  private final Map<String, String> env = new HashMap<>();

  @BeforeAll
  void start() throws IOException, SQLException {
    directory = Files.createTempDirectory("allgo-ssh-micro");
    database = new TestDatabase("allgo_sshmicro");
    int sshPort = freePort();
    ssh = new OpenSsh(directory, sshPort);
    owner = ssh.keyPair("owner", "ed25519");
    long ownerId = database.user("owner@test", "USER", "ACTIVE");
    database.sshKey(ownerId, Path.of(owner + ".pub"));
    database.webapp(APP, ownerId);
    database.webapp(IDLE_APP, ownerId);
    sandbox = new Sandbox(Settings.ENVIRONMENT, APP);
    env.putAll(
        Map.of(
            "ALLGO_ENV",
            Settings.ENVIRONMENT,
            "ALLGO_DATA",
            directory.resolve("data").toString(),
            "ALLGO_RUN",
            directory.resolve("run").toString(),
            "ALLGO_BASE_URL",
            BASE_URL,
            "ALLGO_DB",
            "mysql",
            "ALLGO_DB_URL",
            database.url(),
            "ALLGO_SSH_DB_USER",
            database.readOnlyUser(),
            "ALLGO_SSH_DB_PASSWORD",
            database.password(),
            "ALLGO_SSH_DIST",
            Settings.sidecar().toString()));
    env.put("ALLGO_SSH_PORT", Integer.toString(sshPort));
    env.put("ALLGO_SSH_HTTP_PORT", Integer.toString(freePort()));
    sidecar("ensure_ssh_sidecar").orFail();
  }

  @AfterAll
  void stop() {
    try {
      sidecar("stop_ssh_sidecar");
    } finally {
      sandbox.close();
      database.close();
      Commands.run("rm", "-rf", directory.toString());
    }
  }

  private Result sidecar(String function) {
    String script =
        "set -euo pipefail; . \"$1/bin/lib/common.sh\"; . \"$1/bin/lib/ssh.sh\"; " + function;
    return Commands.run(
        List.of("bash", "-c", script, "sidecar", Settings.root().toString()),
        "",
        env,
        Duration.ofMinutes(3));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void theOwnerRunsACommandInTheSandbox() throws IOException {
    Result result = ssh.ssh(owner, APP, "echo ok");

    assertThat(result.exit()).as(result.stderr()).isZero();
    assertThat(result.stdout()).isEqualTo("ok\n");
    assertThat(Files.readString(directory.resolve("data/log/ssh.log")))
        .contains("Login to webapp " + APP + " by owner@test with key SHA256:");
  }

  @Test
  void aSandboxNotRunningIsSaid() {
    Result result = ssh.ssh(owner, IDLE_APP, "echo ok");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.stderr())
        .contains("not running")
        .contains(BASE_URL + "/webapps/manage?name=" + IDLE_APP);
  }
}
