package org.allgo.it.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.allgo.connector.testing.Commands;
import org.allgo.connector.testing.DockerCli;
import org.allgo.it.Api;
import org.junit.jupiter.api.Test;

/**
 * A sandbox keeps the capabilities installing software takes as root, and no other: apt-get and
 * dpkg install a package (files of other owners, a set-group-id directory, a maintainer script that
 * changes owners, apt's own unprivileged user), and files go where pip puts them.
 */
class SandboxCapabilitiesIT extends NewWebappTest {

  // CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, SETGID, SETUID and SETFCAP: bits 0, 1, 3 to 7, 31.
  private static final String INSTALL_CAPABILITIES = "00000000800000fb";

  private static final String PACKAGE =
      """
      set -e
      mkdir -p /tmp/pkg/DEBIAN /tmp/pkg/usr/local/bin /tmp/pkg/usr/local/lib/allgo-test
      printf 'Package: allgo-test\\nVersion: 1.0\\nArchitecture: all\\nMaintainer: allgo <allgo@localhost>\\nDescription: a test\\n' > /tmp/pkg/DEBIAN/control
      printf '#!/bin/sh\\nchown daemon:daemon /usr/local/lib/allgo-test/data\\n' > /tmp/pkg/DEBIAN/postinst
      printf '#!/bin/sh\\necho allgo-test runs\\n' > /tmp/pkg/usr/local/bin/allgo-test
      echo data > /tmp/pkg/usr/local/lib/allgo-test/data
      chmod 755 /tmp/pkg/DEBIAN/postinst /tmp/pkg/usr/local/bin/allgo-test
      chown 2:2 /tmp/pkg/usr/local/lib/allgo-test
      chmod 2775 /tmp/pkg/usr/local/lib/allgo-test
      dpkg-deb --build /tmp/pkg /tmp/allgo-test.deb >/dev/null
      apt-get install -y -q /tmp/allgo-test.deb
      allgo-test
      stat -c '%U:%G %a %n' /usr/local/lib/allgo-test /usr/local/lib/allgo-test/data
      python3 -c "import pathlib, sysconfig; pathlib.Path(sysconfig.get_paths()['purelib'], 'allgo_test.py').write_text('ok = True')"
      cd / && python3 -c "import allgo_test; print('python module', allgo_test.ok)"
      """;

  @Test
  void aSandboxHasTheCapabilitiesOfInstallingSoftwareOnly() {
    start("busybox");

    Commands.Result status =
        DockerCli.run("exec", Webapps.sandboxName(name), "grep", "^Cap", "/proc/self/status");

    assertThat(status.output())
        .contains("CapBnd:\t" + INSTALL_CAPABILITIES)
        .contains("CapEff:\t" + INSTALL_CAPABILITIES);
  }

  @Test
  void aPackageInstallsInADebianSandbox() {
    assumeTrue(
        DockerCli.run("image", "inspect", "allgo/debian:12").exit() == 0,
        "allgo/debian:12 is made by bin/allgo up with ALLGO_DEBIAN_IMAGE=true");
    start("Debian 12");

    Commands.Result install = DockerCli.run("exec", Webapps.sandboxName(name), "sh", "-c", PACKAGE);

    assertThat(install.exit()).as(install.output()).isZero();
    assertThat(install.output())
        .contains("allgo-test runs")
        .contains("bin:bin 2775 /usr/local/lib/allgo-test")
        .contains("daemon:daemon 644 /usr/local/lib/allgo-test/data")
        .contains("python module True");
  }

  private void start(String baseImage) {
    Api.Response started =
        devel.post(
            "/api/v2/webapps/" + name + "/sandbox/start", "{\"baseImage\":\"" + baseImage + "\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
  }
}
