package org.allgo.ssh.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SshSettingsTest {

  private final SshSettings settings =
      SshSettings.of("qualif", Path.of("/vol"), "https://allgo.example/");

  @Test
  void namesTheSandboxAndItsPageAfterTheEnvironmentAndTheWebapp() {
    assertThat(settings.sandboxName("tool")).isEqualTo("qualif-user-tool");
    assertThat(settings.webappPage("tool"))
        .isEqualTo("https://allgo.example/webapps/manage?name=tool");
  }

  @Test
  void keepsTheHostKeyUnderTheReadWriteData() {
    assertThat(settings.hostKey().getParent()).isEqualTo(Path.of("/vol/rw/ssh"));
    assertThat(settings.port()).isEqualTo(SshSettings.DEFAULT_PORT);
  }

  @Test
  void refusesAnImpossiblePort() {
    assertThrows(IllegalArgumentException.class, () -> settings.withListener("0.0.0.0", 70000));
  }
}
