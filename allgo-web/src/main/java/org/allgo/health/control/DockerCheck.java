package org.allgo.health.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.allgo.connector.api.DockerConnection;
import org.allgo.connector.api.DockerConnectionFactory;
import org.allgo.connector.api.EngineInfo;
import org.allgo.platform.Resources;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The Docker engine answers through the connector. */
@Readiness
@ApplicationScoped
public class DockerCheck implements HealthCheck {

  @Resource(lookup = Resources.DOCKER)
  DockerConnectionFactory docker;

  @Override
  public HealthCheckResponse call() {
    return Checks.check(
        "docker",
        up -> {
          try (DockerConnection connection = docker.getConnection()) {
            EngineInfo info = connection.info();
            up.withData("version", info.version())
                .withData("environment", info.environment())
                .withData("containers", info.containers());
          }
        });
  }
}
