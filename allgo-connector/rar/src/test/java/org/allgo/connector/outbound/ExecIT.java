package org.allgo.connector.outbound;

import static org.allgo.connector.testing.AdapterFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.allgo.connector.api.ConflictException;
import org.allgo.connector.api.DockerConnection;
import org.allgo.connector.api.DockerTimeoutException;
import org.allgo.connector.api.ExecSession;
import org.allgo.connector.api.ExecSpec;
import org.allgo.connector.testing.AdapterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AdapterExtension.class)
class ExecIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final DockerConnection docker;
  private final String sandbox;

  ExecIT(DockerConnection docker) {
    this.docker = docker;
    this.sandbox = docker.run(spec("sandbox", "sleep", "3600"));
  }

  @Test
  void stdinEndOfFileEndsCat() throws IOException {
    try (ExecSession cat = docker.exec(sandbox, ExecSpec.of("cat"))) {
      cat.stdin().write("hello\nworld\n".getBytes(StandardCharsets.UTF_8));
      cat.closeStdin();

      assertThat(readAll(cat.stdout())).isEqualTo("hello\nworld\n");
      assertThat(cat.waitFor(TIMEOUT)).isZero();
    }
  }

  @Test
  void stdoutAndStderrArriveApart() throws IOException {
    try (ExecSession session =
        docker.exec(
            sandbox, ExecSpec.of("sh", "-c", "echo out; echo err >&2; echo out2; exit 5"))) {
      assertThat(readAll(session.stdout())).isEqualTo("out\nout2\n");
      assertThat(readAll(session.stderr())).isEqualTo("err\n");
      assertThat(session.waitFor(TIMEOUT)).isEqualTo(5);
    }
  }

  @Test
  void terminalHasTheSizeItWasGiven() throws IOException {
    try (ExecSession shell = docker.exec(sandbox, ExecSpec.of("sh").withTty(80, 24))) {
      shell.resize(100, 40);
      shell.stdin().write("stty size; exit 7\n".getBytes(StandardCharsets.UTF_8));

      assertThat(readAll(shell.stdout())).contains("40 100");
      assertThat(shell.waitFor(TIMEOUT)).isEqualTo(7);
      assertThat(readAll(shell.stderr())).isEmpty();
    }
  }

  @Test
  void closingASessionKillsItsProcesses() {
    ExecSession session =
        docker.exec(sandbox, ExecSpec.of("sh", "-c", "sleep 1000 & sleep 1001").withTty(80, 24));
    await()
        .atMost(TIMEOUT)
        .untilAsserted(() -> assertThat(ps()).contains("sleep 1000").contains("sleep 1001"));

    session.close();

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> assertThat(ps()).doesNotContain("sleep 1000").doesNotContain("sleep 1001"));
  }

  @Test
  void waitingTooLongTimesOut() {
    try (ExecSession session = docker.exec(sandbox, ExecSpec.of("sleep", "30"))) {
      assertThrows(DockerTimeoutException.class, () -> session.waitFor(Duration.ofMillis(300)));
    }
  }

  @Test
  void stoppedContainerRefusesExec() {
    docker.kill(sandbox);

    assertThrows(ConflictException.class, () -> docker.exec(sandbox, ExecSpec.of("true")));
  }

  private String ps() throws IOException {
    try (ExecSession ps = docker.exec(sandbox, ExecSpec.of("ps", "-o", "args"))) {
      return readAll(ps.stdout());
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
