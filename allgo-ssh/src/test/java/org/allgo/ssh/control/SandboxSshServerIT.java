package org.allgo.ssh.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.allgo.connector.testing.AdapterFixture;
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
 * The SSH server in process, with the real OpenSSH client, a real sandbox (busybox with the
 * toolbox), the real connector and a MariaDB database read through a SELECT-only account.
 */
@TestInstance(Lifecycle.PER_CLASS)
class SandboxSshServerIT {

  private static final String APP = "sshapp";
  private static final String IDLE_APP = "sshidle";
  private static final String BASE_URL = "http://allgo.test:8080";

  private final List<AutoCloseable> fixtures = new ArrayList<>();
  private Path directory;
  private TestDatabase database;
  private AdapterFixture connector;
  private Sandbox sandbox;
  private SandboxSshServer server;
  private OpenSsh ssh;
  private Path owner;
  private Path superuser;
  private Path other;
  private Path locked;

  @BeforeAll
  void start() throws IOException, SQLException {
    directory = Files.createTempDirectory("allgo-ssh-it");
    database = keep(new TestDatabase("allgo_sshtest"));
    ssh = new OpenSsh(directory, 0);
    owner = ssh.keyPair("owner", "ed25519");
    superuser = ssh.keyPair("superuser", "ecdsa");
    other = ssh.keyPair("other", "ed25519");
    locked = ssh.keyPair("locked", "rsa");
    long ownerId = account("owner@test", "USER", "ACTIVE", owner);
    account("superuser@test", "SUPERUSER", "ACTIVE", superuser);
    account("other@test", "USER", "ACTIVE", other);
    account("locked@test", "SUPERUSER", "LOCKED", locked);
    database.webapp(APP, ownerId);
    database.webapp(IDLE_APP, ownerId);
    sandbox = keep(new Sandbox(Settings.ENVIRONMENT, APP));
    connector =
        keep(new AdapterFixture(Settings.ENVIRONMENT, directory, AdapterFixture.DOCKER_HOST));
    server = keep(start(settings(directory.resolve("data"), 0)));
    ssh = ssh.withPort(server.port());
  }

  @AfterAll
  void stop() throws Exception {
    Exception failure = null;
    for (int i = fixtures.size() - 1; i >= 0; i--) {
      try {
        fixtures.get(i).close();
      } catch (Exception e) {
        failure = e;
      }
    }
    Commands.run("rm", "-rf", directory.toString());
    if (failure != null) {
      throw failure;
    }
  }

  private <T extends AutoCloseable> T keep(T fixture) {
    fixtures.add(fixture);
    return fixture;
  }

  private long account(String email, String role, String state, Path key) throws SQLException {
    long id = database.user(email, role, state);
    database.sshKey(id, Path.of(key + ".pub"));
    return id;
  }

  private SshSettings settings(Path data, int port) {
    return SshSettings.of(Settings.ENVIRONMENT, data, BASE_URL).withListener("127.0.0.1", port);
  }

  private SandboxSshServer start(SshSettings settings) throws IOException {
    return SandboxSshServer.start(
        settings, database.readOnly(), connector.factory(), Executors.defaultThreadFactory());
  }

  @Test
  void theOwnersKeyOpensAShellInTheSandbox() {
    Result result = ssh.ssh(owner, APP, "hostname\n", List.of(), "");

    assertThat(result.exit()).as(result.stderr()).isZero();
    assertThat(result.stdout()).contains(sandbox.hostname());
  }

  @Test
  void theOwnersKeyRunsACommandInTheSandbox() {
    Result result = ssh.ssh(owner, APP, "hostname");

    assertThat(result.exit()).as(result.stderr()).isZero();
    assertThat(result.stdout().strip()).isEqualTo(sandbox.hostname());
  }

  @Test
  void aSuperusersKeyIsAccepted() {
    Result result = ssh.ssh(superuser, APP, "echo ok");

    assertThat(result.exit()).as(result.stderr()).isZero();
    assertThat(result.stdout()).isEqualTo("ok\n");
  }

  @Test
  void anotherUsersKeyIsRefused() {
    assertRefused(ssh.ssh(other, APP, "echo ok"));
  }

  @Test
  void aLockedUsersKeyIsRefused() {
    assertRefused(ssh.ssh(locked, APP, "echo ok"));
  }

  @Test
  void anUnknownWebappIsRefused() {
    assertRefused(ssh.ssh(owner, "nosuchapp", "echo ok"));
  }

  @Test
  void passwordsAreNotOffered() {
    Result result =
        ssh.ssh(
            owner,
            APP,
            "",
            List.of(
                "-o",
                "PubkeyAuthentication=no",
                "-o",
                "PreferredAuthentications=password,keyboard-interactive"),
            "echo ok");

    assertThat(result.exit()).isEqualTo(255);
    assertThat(result.stderr()).contains("Permission denied (publickey)");
  }

  private static void assertRefused(Result result) {
    assertThat(result.exit()).isEqualTo(255);
    assertThat(result.stderr()).contains("Permission denied");
    assertThat(result.stdout()).isEmpty();
  }

  @Test
  void theExitStatusIsThePrograms() {
    assertThat(ssh.ssh(owner, APP, "echo; exit 3").exit()).isEqualTo(3);
    assertThat(ssh.ssh(owner, APP, "false").exit()).isEqualTo(1);
  }

  @Test
  void standardErrorStaysApart() {
    Result result = ssh.ssh(owner, APP, "echo out; echo err >&2");

    assertThat(result.stdout()).isEqualTo("out\n");
    assertThat(result.stderr()).isEqualTo("err\n");
  }

  @Test
  void theEndOfInputReachesTheProgram() {
    Result result = ssh.ssh(owner, APP, "x\ny\n", List.of(), "cat; echo end");

    assertThat(result.exit()).isZero();
    assertThat(result.stdout()).isEqualTo("x\ny\nend\n");
  }

  @Test
  void aTerminalGetsTheClientsTypeAndSize() {
    Result result =
        ssh.ssh(owner, APP, "", List.of("-tt"), "echo $TERM; sleep 1; " + Sandbox.STTY_SIZE);

    assertThat(result.exit()).as(result.stderr()).isZero();
    // Without a terminal of its own, the client asks for 0×0: the default size is given. Docker
    // 20.10 (API 1.41) sizes an exec's terminal only once it has started, hence the second's wait.
    assertThat(result.stdout().replace("\r", "")).isEqualTo("vt100\n24 80\n");
  }

  @Test
  void theTerminalFollowsTheClientsWindow() {
    String remote =
        "size() { "
            + Sandbox.STTY_SIZE
            + "; }; sleep 1; size; i=0; while [ \"$(size)\" != '40 120' ] && [ $i -lt 150 ];"
            + " do sleep 0.1; i=$((i+1)); done; size";
    String client = shellWords(ssh.sshCommand(owner, APP, List.of("-tt"), remote));
    // The client runs in a terminal of its own (script), resized once the session runs. stty sets
    // rows and columns one after the other: the sandbox may see 40 100 first, then 40 120.
    String local =
        "stty rows 30 cols 100; "
            + client
            + " < /dev/tty & pid=$!; sleep 4; stty rows 40 cols 120; "
            + "kill -WINCH $pid 2>/dev/null; wait $pid";

    Result result =
        Commands.run(
            List.of("script", "-qec", local, "/dev/null"),
            "",
            Map.of("TERM", "vt100"),
            OpenSsh.TIMEOUT);

    // script types a NUL into the terminal when its own input ends; the sandbox's terminal echoes
    // it.
    List<String> lines =
        result
            .stdout()
            .replace("\r", "")
            .replace("^@", "")
            .lines()
            .filter(line -> !line.isBlank())
            .toList();
    assertThat(lines).as(result.stdout() + result.stderr()).containsExactly("30 100", "40 120");
  }

  @Test
  void controlCInATerminalInterruptsTheProgram() {
    String client = shellWords(ssh.sshCommand(owner, APP, List.of("-tt"), "sleep 30; echo done"));
    long started = System.nanoTime();

    Result result =
        Commands.run(
            List.of("bash", "-c", "(sleep 2; printf '\\003'; sleep 5) | " + client),
            "",
            Map.of("TERM", "vt100"),
            OpenSsh.TIMEOUT);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    assertThat(result.exit()).isEqualTo(130);
    assertThat(result.stdout()).doesNotContain("done");
  }

  @Test
  void theProgramIsKilledWhenTheClientGoesAway() {
    Commands.Running client =
        Commands.start(ssh.sshCommand(owner, APP, List.of(), "sleep 271828"), Map.of());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> sandbox.exec("ps").stdout().contains("sleep 271828"));

    client.process().destroy();
    client.finish(OpenSsh.TIMEOUT);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> !sandbox.exec("ps").stdout().contains("sleep 271828"));
    await().atMost(Duration.ofSeconds(10)).until(() -> connector.manager().inUse() == 0);
  }

  @Test
  void scpUploadsAProgramThatThenRuns() throws IOException {
    Path program = directory.resolve("hello.sh");
    Files.writeString(program, "#!/bin/sh\necho \"hello $*\"\n");

    Result sftp = ssh.scp(owner, program, APP, "/tmp/hello.sh");
    Result legacy = ssh.scp(owner, program, APP, "/tmp/hello-legacy.sh", "-O");

    assertThat(sftp.exit()).as(sftp.stderr()).isZero();
    assertThat(legacy.exit()).as(legacy.stderr()).isZero();
    Result run =
        ssh.ssh(
            owner,
            APP,
            "chmod +x /tmp/hello.sh /tmp/hello-legacy.sh && /tmp/hello.sh a b"
                + " && /tmp/hello-legacy.sh c");
    assertThat(run.stdout()).isEqualTo("hello a b\nhello c\n");
  }

  @Test
  void aSandboxNotRunningIsSaidOnOneLine() {
    for (Result result :
        List.of(ssh.ssh(owner, IDLE_APP, "echo ok"), ssh.ssh(owner, IDLE_APP, "", List.of(), ""))) {
      assertThat(result.exit()).isEqualTo(1);
      assertThat(result.stdout()).isEmpty();
      assertThat(result.stderr().lines())
          .singleElement()
          .asString()
          .contains("not running")
          .contains(BASE_URL + "/webapps/manage?name=" + IDLE_APP);
    }
  }

  @Test
  void theHostKeyStaysAcrossARestart() throws IOException {
    Path data = directory.resolve("restart");
    int port;
    try (SandboxSshServer first = start(settings(data, 0))) {
      port = first.port();
      assertThat(ssh.withPort(port).ssh(owner, APP, "echo one").stdout()).isEqualTo("one\n");
    }
    assertThat(SshSettings.hostKeyUnder(data)).isRegularFile();

    try (SandboxSshServer second = start(settings(data, port))) {
      Result result =
          ssh.withPort(port)
              .ssh(owner, APP, "", List.of("-o", "StrictHostKeyChecking=yes"), "echo two");

      assertThat(result.exit()).as(result.stderr()).isZero();
      assertThat(result.stdout()).isEqualTo("two\n");
    }
  }

  @Test
  void sessionsPerWebappAreLimited() throws IOException {
    SshSettings settings =
        settings(directory.resolve("limited"), 0)
            .withLimits(1, SshSettings.DEFAULT_IDLE_TIMEOUT, SshSettings.DEFAULT_MAX_AUTH_ATTEMPTS);
    try (SandboxSshServer limited = start(settings)) {
      OpenSsh client = ssh.withPort(limited.port());
      Commands.Running first =
          Commands.start(client.sshCommand(owner, APP, List.of(), "sleep 314159"), Map.of());
      try {
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> sandbox.exec("ps").stdout().contains("sleep 314159"));

        Result second = client.ssh(owner, APP, "echo ok");

        assertThat(second.exit()).isEqualTo(255);
        assertThat(second.stdout()).isEmpty();
      } finally {
        first.process().destroy();
        first.finish(OpenSsh.TIMEOUT);
      }
    }
  }

  @Test
  void anAddressThatFailedToSignInTooOftenIsRefusedUntilItsFailuresAreOld() throws IOException {
    SshSettings settings =
        settings(directory.resolve("failures"), 0)
            .withLogins(new LoginLimits(Duration.ofMinutes(1), 30, 10, 3, Duration.ofSeconds(5)));
    try (SandboxSshServer guarded = start(settings)) {
      OpenSsh client = ssh.withPort(guarded.port());
      for (int i = 0; i < 3; i++) {
        assertRefused(client.ssh(other, APP, "echo ok"));
      }

      Result refused = client.ssh(owner, APP, "echo ok");

      assertThat(refused.exit()).isEqualTo(255);
      // Closed before the server's identification, without an authentication attempt.
      assertThat(refused.stderr())
          .contains("kex_exchange_identification")
          .doesNotContain("Permission");
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> client.ssh(owner, APP, "echo ok").stdout().equals("ok\n"));
    }
  }

  @Test
  void aConnectionThatDoesNotSignInIsClosedAtTheTimeLimit() throws IOException {
    SshSettings settings =
        settings(directory.resolve("silent"), 0)
            .withLogins(LoginLimits.DEFAULT.withAuthTimeout(Duration.ofSeconds(2)));
    try (SandboxSshServer guarded = start(settings);
        Socket silent = new Socket("127.0.0.1", guarded.port())) {
      // The test fails on this read's timeout if the server keeps the connection open.
      silent.setSoTimeout(30_000);

      assertThat(identification(silent)).startsWith("SSH-2.0-");
      // What the server sends until it closes the connection (its key exchange offer).
      silent.getInputStream().readAllBytes();
      assertThat(silent.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void connectionsSigningInFromOneAddressAreCapped() throws Exception {
    SshSettings settings =
        settings(directory.resolve("capped"), 0)
            .withLogins(new LoginLimits(Duration.ofMinutes(1), 30, 2, 100, Duration.ofMinutes(10)));
    try (SandboxSshServer guarded = start(settings);
        Socket first = new Socket("127.0.0.1", guarded.port());
        Socket second = new Socket("127.0.0.1", guarded.port())) {
      assertThat(identification(first)).startsWith("SSH-2.0-");
      assertThat(identification(second)).startsWith("SSH-2.0-");

      try (Socket third = new Socket("127.0.0.1", guarded.port())) {
        third.setSoTimeout(30_000);
        assertThat(third.getInputStream().read()).as("closed before a word").isEqualTo(-1);
      }
      Result refused = ssh.withPort(guarded.port()).ssh(owner, APP, "echo ok");
      assertThat(refused.exit()).isEqualTo(255);

      first.close();
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> ssh.withPort(guarded.port()).ssh(owner, APP, "echo ok").exit() == 0);
    }
  }

  // The server's identification line, read byte by byte.
  private static String identification(Socket socket) throws IOException {
    socket.setSoTimeout(30_000);
    InputStream in = socket.getInputStream();
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
      line.append((char) c);
    }
    return line.toString().strip();
  }

  private static String shellWords(List<String> argv) {
    return argv.stream()
        .map(word -> "'" + word.replace("'", "'\\''") + "'")
        .collect(Collectors.joining(" "));
  }
}
