package org.allgo.admin.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.allgo.dispatch.boundary.WarmPoolService;
import org.allgo.pages.Pages;

/**
 * {@code /admin/engine}, its warm pool part: the pool per kind, its cap set, and the pool switched
 * on or off.
 */
@Named
@RequestScoped
public class WarmPoolBacking {

  @Inject WarmPoolService service;

  private WarmPoolService.Pool pool;
  private Integer maxContainers;
  private Long maxMemoryMb;

  public WarmPoolService.Pool getPool() {
    if (pool == null) {
      pool = service.pool();
    }
    return pool;
  }

  public void save() {
    if (maxContainers == null || maxMemoryMb == null) {
      Pages.error("Give the number of containers and the memory of the pool.");
      return;
    }
    if (Pages.attempt(() -> pool = service.cap(maxContainers, maxMemoryMb))) {
      Pages.info(
          "The warm pool may now hold "
              + pool.maxContainers()
              + " containers and "
              + pool.maxMemoryMb()
              + " MiB, until the server stops.");
    }
  }

  /** Turns warm starts on or off, until the server stops. */
  public void toggle() {
    boolean on = !getPool().enabled();
    if (Pages.attempt(() -> pool = service.switchTo(on))) {
      Pages.info(
          on
              ? "Warm starts are on until the server stops: the pool fills as jobs come."
              : "Warm starts are off until the server stops: every job starts cold.");
    }
  }

  public Integer getMaxContainers() {
    return maxContainers != null ? maxContainers : getPool().maxContainers();
  }

  public void setMaxContainers(Integer value) {
    maxContainers = value;
  }

  public Long getMaxMemoryMb() {
    return maxMemoryMb != null ? maxMemoryMb : getPool().maxMemoryMb();
  }

  public void setMaxMemoryMb(Long value) {
    maxMemoryMb = value;
  }
}
