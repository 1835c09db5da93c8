package org.allgo.admin.entity;

import java.io.Serializable;
import java.util.Map;
import org.allgo.connector.api.ContainerSummary;

/**
 * A container of the environment as the admin console lists it.
 *
 * @param diskBytes what it wrote in its own file system; negative when unknown
 */
public record ContainerRow(
    String id, String name, String image, String state, String role, String webapp, long diskBytes)
    implements Serializable {

  public static ContainerRow of(ContainerSummary container, long diskBytes) {
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
