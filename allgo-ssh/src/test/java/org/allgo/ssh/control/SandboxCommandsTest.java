package org.allgo.ssh.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SandboxCommandsTest {

  private final SandboxCommands commands =
      new SandboxCommands(
          SshSettings.of("dev", Path.of("/vol"), "https://allgo.example/"), null, null);

  @Test
  void aCommandRunsThroughTheSandboxsShell() {
    assertThat(commands.argv("ls -l 'a b'")).containsExactly("/bin/sh", "-c", "ls -l 'a b'");
  }

  @Test
  void scpRunsTheToolboxsProgramWithItsArgumentsQuotedAsSent() {
    assertThat(commands.argv("scp -t -- '/tmp/a b'"))
        .containsExactly("/.toolbox/bin/sh", "-c", "/.toolbox/bin/scp -t -- '/tmp/a b'");
  }

  @Test
  void onlyTheScpCommandIsRedirected() {
    assertThat(commands.argv("scpx -t /tmp")).containsExactly("/bin/sh", "-c", "scpx -t /tmp");
  }
}
