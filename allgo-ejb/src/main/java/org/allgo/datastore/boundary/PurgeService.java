package org.allgo.datastore.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Properties;
import org.allgo.accounts.entity.Role;
import org.allgo.platform.control.ClusterTasks;

/**
 * Starts the {@code purge-jobs} batch job every night (once in the cluster, whichever server's
 * timer fires first) and when a superuser asks; how it goes is read like any execution ({@code
 * BatchMonitor}).
 */
@Stateless
// Bean-managed: no transaction a failed call could doom, which would end the timer (see
// Dispatcher).
@TransactionManagement(TransactionManagementType.BEAN)
public class PurgeService {

  public static final String PURGE_JOB = "purge-jobs";

  // Another server's purge of tonight, not yesterday's.
  private static final Duration NIGHT = Duration.ofHours(12);

  private static final System.Logger LOG = System.getLogger(PurgeService.class.getName());

  @Inject ClusterTasks cluster;

  // A failed start is logged and tomorrow's tries again: a timeout that fails twice is dropped.
  // Every server's timer fires; one of them starts the purge.
  @Schedule(hour = "3", minute = "30", persistent = false)
  void nightly() {
    try {
      if (!cluster.once(PURGE_JOB, NIGHT)) {
        return;
      }
      LOG.log(Level.INFO, "Nightly {0} started as execution {1}", PURGE_JOB, start());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The nightly {0} could not start: {1}", PURGE_JOB, e.toString());
    }
  }

  /** Starts the purge now; returns its execution's id. */
  @RolesAllowed(Role.SUPERUSER_ROLE)
  public long startNow() {
    return start();
  }

  private static long start() {
    return BatchRuntime.getJobOperator().start(PURGE_JOB, new Properties());
  }
}
