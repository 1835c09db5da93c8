package org.allgo.dispatch.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.allgo.accounts.entity.Role;
import org.allgo.dispatch.control.ServerLeases;
import org.allgo.dispatch.control.WarmPool;
import org.allgo.dispatch.control.WarmSettings;
import org.allgo.dispatch.entity.AppServer;
import org.allgo.platform.BusinessException;

/**
 * The warm pool as superusers see and cap it: per kind (webapp version, memory, CPU, network) the
 * containers ready, being started and serving jobs, how many the kind wants, their memory; the cap
 * of all together and the pool itself on or off, which a superuser may change until the server
 * stops.
 */
@Stateless
@RolesAllowed(Role.SUPERUSER_ROLE)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WarmPoolService {

  /** The most a superuser may let the pool hold. */
  public static final int MOST_CONTAINERS = 256;

  /** A kind of warm containers. */
  public record KindRow(
      String webapp,
      String image,
      int memoryMb,
      int cpuMillis,
      boolean networkAllowed,
      int ready,
      int starting,
      int busy,
      int wanted,
      long poolMemoryMb,
      Instant lastUsed) {}

  /** The pool: on or off, its cap, its kinds. */
  public record Pool(boolean enabled, int maxContainers, long maxMemoryMb, List<KindRow> kinds) {}

  @Inject WarmPool pool;

  @Inject WarmSettings settings;

  @Inject ServerLeases leases;

  public Pool pool() {
    List<KindRow> kinds =
        pool.view().stream()
            .map(
                v ->
                    new KindRow(
                        v.kind().webapp(),
                        v.kind().image(),
                        v.kind().memoryMb(),
                        v.kind().cpuMillis(),
                        v.kind().networkAllowed(),
                        v.ready(),
                        v.starting(),
                        v.busy(),
                        v.wanted(),
                        v.memoryMb(),
                        v.lastUsed()))
            .toList();
    return new Pool(settings.enabled(), settings.maxContainers(), settings.maxMemoryMb(), kinds);
  }

  /**
   * Turns warm starts on or off until the server stops (on a single engine and a single server
   * only: a swarm's jobs always start cold, and the pool is one server's). Off, the ready
   * containers go and every job starts cold; on, the pool fills again as jobs come.
   */
  public Pool switchTo(boolean on) {
    if (on && !settings.singleEngine()) {
      throw BusinessException.conflict(
          "warm-single-engine",
          "Warm starts run on a single engine: this server places its jobs on a swarm, where they"
              + " always start cold.");
    }
    if (on && leases.servers().stream().filter(AppServer::alive).count() > 1) {
      throw BusinessException.conflict(
          "warm-single-server",
          "Warm starts stay with a single server per engine: other servers share this database.");
    }
    settings.switchTo(on);
    if (!on) {
      pool.drain();
    }
    return pool();
  }

  /**
   * Sets the cap of the whole pool (containers, MiB of memory) until the server stops; the ready
   * containers go and the pool fills again within it. 0 containers keeps none.
   */
  public Pool cap(int containers, long memoryMb) {
    if (containers < 0 || containers > MOST_CONTAINERS) {
      throw BusinessException.invalid(
          "warm-cap-invalid",
          "The pool may hold from 0 to "
              + MOST_CONTAINERS
              + " containers, not "
              + containers
              + ".");
    }
    if (memoryMb < 0 || memoryMb > 1L << 24) {
      throw BusinessException.invalid(
          "warm-cap-invalid", "The pool's memory is a number of MiB from 0, not " + memoryMb + ".");
    }
    settings.cap(containers, memoryMb);
    pool.drain();
    return pool();
  }
}
