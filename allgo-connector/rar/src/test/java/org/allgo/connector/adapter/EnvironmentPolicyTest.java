package org.allgo.connector.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.allgo.connector.api.ContainerSpec;
import org.allgo.connector.api.ImageRef;
import org.allgo.connector.api.Mount;
import org.allgo.connector.api.PolicyRefusedException;
import org.allgo.connector.api.Privileges;
import org.junit.jupiter.api.Test;

class EnvironmentPolicyTest {

  private final AdapterConfig config =
      AdapterConfig.parse(
          "unix:///var/run/docker.sock",
          "dev",
          "127.0.0.1:5000",
          "allgo/busybox:latest, debian:12",
          "/data/dev/rw, /data/dev/ro");
  private final EnvironmentPolicy policy = new EnvironmentPolicy(config);
  private final ContainerSpec job =
      ContainerSpec.of(
              "dev-job-1", ImageRef.parse("127.0.0.1:5000/allgo/dev/app:2"), List.of("app", "-v"))
          .withMount(Mount.readWrite("/data/dev/rw/datastore/1", "/tmp/job"));

  @Test
  void aWellBehavedJobPasses() {
    assertThatCode(() -> policy.checkRun(job)).doesNotThrowAnyException();
    assertThatCode(
            () -> policy.checkRun(job.withNetwork("bridge").withPrivileges(Privileges.INSTALLING)))
        .doesNotThrowAnyException();
  }

  @Test
  void namesMustCarryTheEnvironmentPrefix() {
    assertRefused(() -> policy.checkContainerName("prod-job-1"), "must start with 'dev-'");
    assertRefused(() -> policy.checkContainerName("dev-"), "must start with 'dev-'");
    assertRefused(() -> policy.checkContainerName("devious"), "must start with 'dev-'");
  }

  @Test
  void imagesComeFromTheNamespaceOrTheBaseList() {
    assertThatCode(() -> policy.checkRunnable(ImageRef.parse("allgo/busybox")))
        .doesNotThrowAnyException();
    assertThatCode(() -> policy.checkRunnable(ImageRef.parse("debian:12")))
        .doesNotThrowAnyException();
    assertRefused(
        () -> policy.checkRunnable(ImageRef.parse("debian:13")), "nor an allowed base image");
    assertRefused(
        () -> policy.checkRunnable(ImageRef.parse("127.0.0.1:5000/allgo/prod/app:2")),
        "neither under");
    assertRefused(
        () -> policy.checkRunnable(ImageRef.parse("127.0.0.1:5001/allgo/dev/app:2")),
        "neither under");
    assertRefused(
        () -> policy.checkWritable(ImageRef.parse("allgo/busybox")),
        "outside this environment's namespace");
    assertRefused(
        () -> policy.checkWritable(ImageRef.parse("127.0.0.1:5000/allgo/devx/app:1")), "outside");
  }

  @Test
  void bindMountsStayUnderTheRoots() {
    assertThatCode(() -> policy.checkMount(Mount.readOnly("/data/dev/ro", "/toolbox")))
        .doesNotThrowAnyException();
    assertRefused(
        () -> policy.checkMount(Mount.readOnly("/data/dev/rwx", "/x")),
        "outside the allowed volume roots");
    assertRefused(
        () -> policy.checkMount(Mount.readOnly("/data/dev/rw/../../prod", "/x")), "outside");
    assertRefused(() -> policy.checkMount(Mount.readOnly("/", "/x")), "outside");
  }

  @Test
  void noBindMountWithoutRoots() {
    var closed = new EnvironmentPolicy(AdapterConfig.parse("unix:///s", "dev", "r:1", "", ""));
    assertRefused(
        () -> closed.checkMount(Mount.readOnly("/data", "/x")),
        "outside the allowed volume roots []");
  }

  @Test
  void hostNamespacesAndPrivilegesAreRefused() {
    assertRefused(() -> policy.checkRun(job.withNetwork("host")), "network mode 'host'");
    assertRefused(() -> policy.checkRun(job.withNetwork("container:x")), "network mode");
    assertRefused(
        () -> policy.checkRun(job.withPrivileges(Privileges.NONE.withPrivileged(true))),
        "privileged");
    assertRefused(
        () -> policy.checkRun(job.withPrivileges(Privileges.NONE.withPidMode("host"))),
        "PID namespace 'host'");
    assertRefused(
        () -> policy.checkRun(job.withPrivileges(Privileges.NONE.withIpcMode("host"))),
        "IPC namespace 'host'");
    assertRefused(
        () ->
            policy.checkRun(
                job.withPrivileges(Privileges.NONE.withAddedCapabilities(List.of("NET_ADMIN")))),
        "added capabilities [NET_ADMIN]");
    assertRefused(
        () -> policy.checkRun(job.withPrivileges(Privileges.NONE.withDevices(List.of("/dev/kvm")))),
        "device mappings [/dev/kvm]");
    assertRefused(
        () -> policy.checkRun(job.withLabel("allgo.env", "prod")), "contradicts environment dev");
  }

  @Test
  void sandboxesGetOnlyTheCapabilitiesInstallingSoftwareTakes() {
    policy.checkRun(job.withPrivileges(Privileges.INSTALLING));
    policy.checkRun(
        job.withPrivileges(Privileges.NONE.withAddedCapabilities(List.of("CHOWN", "SETUID"))));
    assertRefused(
        () ->
            policy.checkRun(
                job.withPrivileges(new Privileges(false, false, List.of(), List.of(), "", ""))),
        "default capabilities are not allowed");
    assertRefused(
        () ->
            policy.checkRun(
                job.withPrivileges(
                    Privileges.INSTALLING.withAddedCapabilities(List.of("CHOWN", "NET_RAW")))),
        "added capabilities [NET_RAW]");
  }

  @Test
  void configurationIsChecked() {
    assertThat(config.namespace()).isEqualTo("127.0.0.1:5000/allgo/dev/");
    assertThrows(
        IllegalArgumentException.class, () -> AdapterConfig.parse("http://x", "dev", "r", "", ""));
    assertThrows(
        IllegalArgumentException.class,
        () -> AdapterConfig.parse("unix:///s", "Dev env", "r", "", ""));
    assertThrows(
        IllegalArgumentException.class,
        () -> AdapterConfig.parse("unix:///s", "dev", "r/x", "", ""));
    assertThrows(
        IllegalArgumentException.class,
        () -> AdapterConfig.parse("unix:///s", "dev", "r", "", "relative/path"));
  }

  private static void assertRefused(Runnable check, String reason) {
    PolicyRefusedException refusal = assertThrows(PolicyRefusedException.class, check::run);
    assertThat(refusal.getMessage()).startsWith("Refused by policy: ").contains(reason);
  }
}
