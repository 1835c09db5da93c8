package org.allgo.jobs.boundary;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.Date;
import java.util.Properties;
import org.allgo.accounts.entity.Role;
import org.allgo.batch.control.JobRepository;
import org.allgo.jobs.control.JobAccess;
import org.allgo.jobs.entity.BatchExecutionView;
import org.allgo.platform.BusinessException;

/** Starts the {@code purge-jobs} batch job every night and when a superuser asks. */
@Stateless
// Bean-managed: no transaction a failed call could doom, which would end the timer (see
// Dispatcher).
@TransactionManagement(TransactionManagementType.BEAN)
public class PurgeService {

  public static final String PURGE_JOB = "purge-jobs";

  private static final System.Logger LOG = System.getLogger(PurgeService.class.getName());

  @Inject JobAccess access;

  @Inject JobRepository repository;

  // A failed start is logged and tomorrow's tries again: a timeout that fails twice is dropped.
  @Schedule(hour = "3", minute = "30", persistent = false)
  void nightly() {
    try {
      LOG.log(
          Level.INFO,
          "Nightly {0} started as execution {1}",
          PURGE_JOB,
          operator().start(PURGE_JOB, new Properties()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The nightly {0} could not start: {1}", PURGE_JOB, e.toString());
    }
  }

  public BatchExecutionView start(String email) {
    superuser(email);
    return execution(operator().start(PURGE_JOB, new Properties()));
  }

  /**
   * Any execution of the environment, such as a version's commit, read from the job repository:
   * Payara's JobOperator shows a component only the executions it started itself.
   */
  public BatchExecutionView get(String email, long id) {
    superuser(email);
    return repository
        .find(id)
        .map(
            e ->
                new BatchExecutionView(
                    e.id(), e.jobName(), e.status(), e.exitStatus(), e.start(), e.end()))
        .orElseThrow(
            () ->
                BusinessException.notFound(
                    "execution-not-found", "There is no batch execution " + id + "."));
  }

  private BatchExecutionView execution(long id) {
    try {
      JobExecution e = operator().getJobExecution(id);
      return new BatchExecutionView(
          id,
          e.getJobName(),
          e.getBatchStatus().name(),
          e.getExitStatus(),
          instant(e.getStartTime()),
          instant(e.getEndTime()));
    } catch (NoSuchJobExecutionException e) {
      throw BusinessException.notFound(
          "execution-not-found", "There is no batch execution " + id + ".");
    }
  }

  private void superuser(String email) {
    if (access.caller(email).role() != Role.SUPERUSER) {
      throw BusinessException.forbidden("superuser-only", "Only superusers run batch jobs.");
    }
  }

  private static JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }

  private static java.time.Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
