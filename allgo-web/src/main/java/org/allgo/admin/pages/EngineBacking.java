package org.allgo.admin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.allgo.admin.boundary.PlatformOverview;
import org.allgo.admin.entity.ContainerRow;
import org.allgo.admin.entity.RepositoryView;
import org.allgo.dispatch.boundary.ServerService;
import org.allgo.dispatch.entity.AppServer;
import org.allgo.pages.Pages;
import org.allgo.platform.BusinessException;

/**
 * {@code /admin/engine}: the application servers sharing the database, the environment's
 * containers, its registry repositories and tags, and the disk use of the data directory. A part
 * that cannot be read says why; the others still show.
 */
@Named
@RequestScoped
public class EngineBacking {

  @Inject PlatformOverview overview;

  @Inject ServerService serverService;

  private List<ContainerRow> containers;
  private List<AppServer> servers;
  private List<RepositoryView> repositories;
  private PlatformOverview.DiskReport disk;

  /** View action: reads everything before the page renders, so that its messages show. */
  public void load() {
    containers = read(() -> overview.containers());
    repositories = read(() -> overview.repositories());
    disk = overview.disk();
    servers = serverService.list();
  }

  /** The application servers sharing the database, this one among them. */
  public List<AppServer> getServers() {
    return servers;
  }

  public List<ContainerRow> getContainers() {
    return containers;
  }

  public List<RepositoryView> getRepositories() {
    return repositories;
  }

  public String getNamespace() {
    return overview.registryNamespace();
  }

  public PlatformOverview.DiskReport getDisk() {
    return disk;
  }

  private static <T> List<T> read(java.util.function.Supplier<List<T>> call) {
    try {
      return call.get();
    } catch (BusinessException e) {
      Pages.error(e.getMessage());
      return List.of();
    }
  }
}
