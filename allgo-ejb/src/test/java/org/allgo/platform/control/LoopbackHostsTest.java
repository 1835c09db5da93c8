package org.allgo.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.allgo.connector.api.ContainerSpec;
import org.allgo.connector.api.ImageRef;
import org.allgo.connector.api.Mount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopbackHostsTest {

  @TempDir Path data;

  private final ContainerSpec job =
      ContainerSpec.of("dev-job-1", ImageRef.parse("localhost:5000/allgo/dev/t:1"), List.of("t"));

  private LoopbackHosts hosts() {
    LoopbackHosts hosts = new LoopbackHosts();
    hosts.data = data.toString();
    return hosts;
  }

  @Test
  void aContainerWithoutNetworkGetsTheHostsFileReadOnly() throws Exception {
    ContainerSpec spec = hosts().mountedIn(job);

    Path file = data.resolve("ro/etc/hosts").toAbsolutePath();
    assertThat(spec.mounts()).containsExactly(Mount.readOnly(file.toString(), "/etc/hosts"));
    assertThat(file).hasContent("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void aContainerOnANetworkKeepsTheEnginesOwn() {
    ContainerSpec spec = hosts().mountedIn(job.withNetwork("bridge"));

    assertThat(spec.mounts()).isEmpty();
    assertThat(data.resolve("ro")).doesNotExist();
  }

  @Test
  void aFileInPlaceIsLeftAsItIs() throws Exception {
    Path file = data.resolve("ro/etc/hosts");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "127.0.0.1 localhost here\n");

    hosts().mountedIn(job);

    assertThat(file).hasContent("127.0.0.1 localhost here");
  }
}
