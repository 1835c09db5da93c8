package org.allgo.webapps.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.allgo.connector.api.ContainerSpec;
import org.allgo.connector.api.DockerConnection;
import org.allgo.connector.api.DockerConnectionFactory;
import org.allgo.connector.api.ExitStatus;
import org.allgo.connector.api.ImageRef;
import org.allgo.connector.api.Limits;
import org.allgo.connector.api.Mount;
import org.allgo.connector.api.Storage;
import org.allgo.platform.Resources;
import org.allgo.platform.control.LoopbackHosts;
import org.allgo.webapps.entity.WebappVersion;

/**
 * Checks a committed version's image before it is published: run as a job runs (the job user, no
 * network, a read-only root), the toolbox's shell finds the webapp's entrypoint to be a file that
 * user may execute. A version that fails is never pushed nor READY.
 */
@Dependent
public class VersionChecks {

  /** The user jobs run as (uid:gid), the one the entrypoint must be executable for. */
  static final String JOB_USER = "65534:65534";

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** {@code sh -c CHECK check <path>}: exits 0 when the path is a file the user may run. */
  static final String CHECK =
      "[ -f \"$1\" ] || { echo \"$1 is not a file in the image\"; exit 3; };"
          + " [ -x \"$1\" ] || { echo \"$1 may not be run by the job user (uid 65534)\"; exit 4; }";

  @Resource(lookup = Resources.DOCKER)
  DockerConnectionFactory docker;

  @Inject WebappSettings settings;

  @Inject LoopbackHosts hosts;

  /** Why the version's image cannot run its webapp's program, if it cannot. */
  public Optional<String> problem(WebappVersion version, ImageRef image) {
    String entrypoint = version.webapp().entrypoint();
    String name = settings.checkContainer(version.id());
    ContainerSpec spec =
        ContainerSpec.of(
                name,
                image,
                List.of(Sandboxes.TOOLBOX + "/bin/sh", "-c", CHECK, "check", entrypoint))
            .withMount(Mount.readOnly(settings.toolbox().toString(), Sandboxes.TOOLBOX))
            .withUser(JOB_USER)
            .withLimits(Limits.of(64L << 20, 0.5, 64))
            .withNetwork(ContainerSpec.NO_NETWORK)
            .withStorage(Storage.DEFAULT.withReadOnlyRoot(true))
            .withLabel("allgo.role", "check")
            .withLabel("allgo.webapp", version.webapp().dockerName());
    try (DockerConnection connection = docker.getConnection()) {
      connection.find(name).ifPresent(old -> connection.remove(old.id()));
      String id = connection.run(hosts.mountedIn(spec));
      try {
        ExitStatus exit = connection.waitFor(id, TIMEOUT);
        if (exit.succeeded()) {
          return Optional.empty();
        }
        String said =
            connection.tail(id, 5).stream()
                .map(entry -> entry.chunk().text().strip())
                .filter(line -> !line.isEmpty())
                .reduce((first, second) -> second)
                .orElse("the check ended with exit code " + exit.exitCode());
        return Optional.of(
            said
                + ": jobs would fail. Install the program at "
                + entrypoint
                + " in the sandbox, make it executable for everyone (chmod 755), and commit again.");
      } finally {
        connection.remove(id);
      }
    }
  }
}
