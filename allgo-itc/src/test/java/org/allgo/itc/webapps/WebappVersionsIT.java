package org.allgo.itc.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.allgo.connector.api.ContainerInfo;
import org.allgo.connector.api.DockerConnection;
import org.allgo.connector.api.DockerConnectionFactory;
import org.allgo.connector.api.ImageRef;
import org.allgo.itc.Callers;
import org.allgo.itc.TestDeployment;
import org.allgo.itc.TestUser;
import org.allgo.itc.TestUsers;
import org.allgo.itc.TestWebapps;
import org.allgo.platform.BusinessException;
import org.allgo.webapps.boundary.SandboxService;
import org.allgo.webapps.boundary.VersionService;
import org.allgo.webapps.boundary.WebappService;
import org.allgo.webapps.entity.SandboxState;
import org.allgo.webapps.entity.VersionState;
import org.allgo.webapps.entity.VersionView;
import org.allgo.webapps.entity.WebappView;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sandboxes and versions inside the server: containers started and stopped through the real
 * connector, a version committed and pushed by the {@code commit-version} batch job.
 */
@ExtendWith(ArquillianExtension.class)
class WebappVersionsIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return TestDeployment.create();
  }

  @Inject WebappService webapps;

  @Inject SandboxService sandboxes;

  @Inject VersionService versions;

  @Inject TestUsers users;

  @Inject TestWebapps testWebapps;

  @Inject Callers callers;

  // The application's own connection factory: what the boundaries use.
  @Resource(lookup = "java:app/allgo/docker")
  DockerConnectionFactory docker;

  @AfterEach
  void deleteWebapps() {
    testWebapps.deleteCreated();
  }

  @Test
  void aSandboxCommittedBecomesTheReadyVersionThatJobsUse() {
    TestUser owner = users.active("committer");
    String name = testWebapps.create(owner, "/bin/echo").dockerName();

    WebappView started = callers.asCaller(owner, () -> sandboxes.start(name, null, null));

    assertThat(started.sandbox().state()).isEqualTo(SandboxState.RUNNING);
    ContainerInfo sandbox = inspect(started.sandbox().container());
    assertThat(sandbox.running()).isTrue();
    assertThat(sandbox.image()).contains("busybox");
    VersionView commit = callers.asCaller(owner, () -> versions.commit(name, null, "first"));
    assertThat(commit.number()).isEqualTo("1");
    VersionView version = testWebapps.awaitCommit(owner, name, commit.id());
    assertThat(version.state()).as(version.errorReason()).isEqualTo(VersionState.READY);
    assertThat(version.digest()).startsWith("sha256:");
    assertThat(version.image()).endsWith("/" + name + ":1");
    try (DockerConnection connection = docker.getConnection()) {
      assertThat(connection.findImage(ImageRef.parse(version.image()))).isPresent();
    }
    assertThat(callers.asCaller(owner, () -> webapps.get(name)).defaultVersion()).isEqualTo("1");

    WebappView stopped = callers.asCaller(owner, () -> sandboxes.stop(name));

    assertThat(stopped.sandbox().state()).isEqualTo(SandboxState.IDLE);
    try (DockerConnection connection = docker.getConnection()) {
      assertThat(connection.find(started.sandbox().container())).isEmpty();
    }
  }

  @Test
  void aCommitNeedsARunningSandbox() {
    TestUser owner = users.active("hasty");
    String name = testWebapps.create(owner, "/bin/echo").dockerName();

    BusinessException refused =
        assertThrows(
            BusinessException.class,
            () -> callers.asCaller(owner, () -> versions.commit(name, "1", null)));

    assertThat(refused.code()).isEqualTo("sandbox-not-running");
    assertThat(callers.asCaller(owner, () -> versions.list(name))).isEmpty();
  }

  @Test
  void aSandboxStartedFromAnUnknownVersionIsRefusedAndStaysIdle() {
    TestUser owner = users.active("unknown");
    String name = testWebapps.create(owner, "/bin/echo").dockerName();

    BusinessException refused =
        assertThrows(
            BusinessException.class,
            () -> callers.asCaller(owner, () -> sandboxes.start(name, null, "9")));

    assertThat(refused.code()).isEqualTo("unknown-version");
    WebappView webapp = callers.asCaller(owner, () -> webapps.get(name));
    assertThat(webapp.sandbox().state()).isEqualTo(SandboxState.IDLE);
    try (DockerConnection connection = docker.getConnection()) {
      assertThat(connection.find(webapp.sandbox().container())).isEmpty();
    }
  }

  @Test
  void anotherUserCannotStartTheSandbox() {
    TestUser owner = users.active("sandboxowner");
    TestUser other = users.active("sandboxthief");
    String name = testWebapps.create(owner, "/bin/echo").dockerName();

    BusinessException refused =
        assertThrows(
            BusinessException.class,
            () -> callers.asCaller(other, () -> sandboxes.start(name, null, null)));

    // Without a READY version the webapp is not there for anyone but its managers.
    assertThat(refused.code()).isEqualTo("webapp-not-found");
    assertThat(callers.asCaller(owner, () -> webapps.get(name)).sandbox().state())
        .isEqualTo(SandboxState.IDLE);
  }

  private ContainerInfo inspect(String container) {
    try (DockerConnection connection = docker.getConnection()) {
      return connection.inspect(container);
    }
  }
}
