package org.allgo.admin.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import org.allgo.accounts.entity.Role;
import org.allgo.admin.control.DataDisk;
import org.allgo.admin.control.EngineContainers;
import org.allgo.admin.control.RegistryCatalog;
import org.allgo.admin.entity.ContainerRow;
import org.allgo.admin.entity.DiskUse;
import org.allgo.admin.entity.RepositoryView;
import org.allgo.connector.api.DockerException;
import org.allgo.platform.BusinessException;

/**
 * What superusers see of the machinery: the environment's containers on the Docker engine (with
 * what each wrote in its own file system), its repositories in the registry, and the use of the
 * data directory.
 */
@Stateless
@RolesAllowed(Role.SUPERUSER_ROLE)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlatformOverview {

  @Inject EngineContainers engine;

  @Inject RegistryCatalog registry;

  @Inject DataDisk disk;

  /** The disk use of the data directory: each area, and the file system's free and total bytes. */
  public record DiskReport(String root, List<DiskUse> areas, long free, long total) {}

  public List<ContainerRow> containers() {
    try {
      return engine.list();
    } catch (DockerException e) {
      throw BusinessException.conflict(
          "engine-unavailable", "The Docker engine could not be asked: " + e.getMessage());
    }
  }

  public String registryNamespace() {
    return registry.namespace();
  }

  public List<RepositoryView> repositories() {
    return registry.repositories();
  }

  public DiskReport disk() {
    return new DiskReport(disk.root().toString(), disk.use(), disk.free(), disk.total());
  }
}
