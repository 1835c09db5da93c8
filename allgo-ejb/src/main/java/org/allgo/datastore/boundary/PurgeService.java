package org.allgo.datastore.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.lang.System.Logger.Level;
import java.util.Properties;
import org.allgo.accounts.entity.Role;

/**
 * Starts the {@code purge-jobs} batch job every night and when a superuser asks; how it goes is
 * read like any execution ({@code BatchMonitor}).
 */
@Stateless
// Bean-managed: no transaction a failed call could doom, which would end the timer (see
// Dispatcher).
@TransactionManagement(TransactionManagementType.BEAN)
public class PurgeService {

  public static final String PURGE_JOB = "purge-jobs";

  private static final System.Logger LOG = System.getLogger(PurgeService.class.getName());

  // A failed start is logged and tomorrow's tries again: a timeout that fails twice is dropped.
  @Schedule(hour = "3", minute = "30", persistent = false)
  void nightly() {
    try {
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
