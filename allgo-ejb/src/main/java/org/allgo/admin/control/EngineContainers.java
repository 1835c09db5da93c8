package org.allgo.admin.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.allgo.admin.entity.ContainerRow;
import org.allgo.connector.api.ContainerSummary;
import org.allgo.connector.api.DockerConnection;
import org.allgo.connector.api.DockerConnectionFactory;
import org.allgo.connector.api.DockerException;
import org.allgo.platform.Resources;

/**
 * The environment's containers on the Docker engine, through the connector, by name, with what each
 * wrote in its own file system.
 */
@Dependent
public class EngineContainers {

  @Resource(lookup = Resources.DOCKER)
  DockerConnectionFactory docker;

  public List<ContainerRow> list() {
    try (DockerConnection connection = docker.getConnection()) {
      return connection.list(Map.of()).stream()
          .map(c -> row(c, diskUse(connection, c.id())))
          .sorted(Comparator.comparing(ContainerRow::name))
          .toList();
    }
  }

  // A container may go while the list is read.
  private static long diskUse(DockerConnection connection, String container) {
    try {
      return connection.diskUse(container);
    } catch (DockerException e) {
      return -1;
    }
  }

  private static ContainerRow row(ContainerSummary container, long diskBytes) {
    Map<String, String> labels = container.labels();
    return new ContainerRow(
        container.id().substring(0, Math.min(12, container.id().length())),
        container.name(),
        container.image(),
        container.state(),
        labels.getOrDefault("allgo.role", ""),
        labels.getOrDefault("allgo.webapp", ""),
        diskBytes);
  }
}
