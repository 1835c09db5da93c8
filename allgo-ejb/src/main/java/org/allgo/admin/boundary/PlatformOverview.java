package org.allgo.admin.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.allgo.admin.control.DataDisk;
import org.allgo.admin.control.RegistryCatalog;
import org.allgo.admin.control.Superusers;
import org.allgo.admin.entity.ContainerRow;
import org.allgo.admin.entity.DiskUse;
import org.allgo.admin.entity.RepositoryView;
import org.allgo.connector.api.DockerConnection;
import org.allgo.connector.api.DockerConnectionFactory;
import org.allgo.connector.api.DockerException;
import org.allgo.platform.BusinessException;
import org.allgo.platform.control.Resources;

/**
 * What superusers see of the machinery: the environment's containers on the Docker engine (with
 * what each wrote in its own file system), its repositories in the registry, and the use of the
 * data directory.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlatformOverview {

  @Resource(lookup = Resources.DOCKER)
  DockerConnectionFactory docker;

  @Inject Superusers superusers;

  @Inject RegistryCatalog registry;

  @Inject DataDisk disk;

  /** The disk use of the data directory: each area, and the file system's free and total bytes. */
  public record DiskReport(String root, List<DiskUse> areas, long free, long total) {}

  public List<ContainerRow> containers(String email) {
    superusers.require(email);
    try (DockerConnection connection = docker.getConnection()) {
      return connection.list(Map.of()).stream()
          .map(c -> ContainerRow.of(c, diskUse(connection, c.id())))
          .sorted(Comparator.comparing(ContainerRow::name))
          .toList();
    } catch (DockerException e) {
      throw BusinessException.conflict(
          "engine-unavailable", "The Docker engine could not be asked: " + e.getMessage());
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

  public String registryNamespace() {
    return registry.namespace();
  }

  public List<RepositoryView> repositories(String email) {
    superusers.require(email);
    return registry.repositories();
  }

  public DiskReport disk(String email) {
    superusers.require(email);
    return new DiskReport(disk.root().toString(), disk.use(), disk.free(), disk.total());
  }
}
