package org.allgo.datastore.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.Date;
import java.util.Properties;
import org.allgo.accounts.entity.Role;
import org.allgo.batch.control.JobRepository;
import org.allgo.jobs.entity.BatchExecutionView;
import org.allgo.platform.BusinessException;

/** Starts the {@code purge-jobs} batch job every night and when a superuser asks. */
@Stateless
public class PurgeService {

  public static final String PURGE_JOB = "purge-jobs";

  private static final System.Logger LOG = System.getLogger(PurgeService.class.getName());

  @Inject JobRepository repository;

  @Schedule(hour = "3", minute = "30", persistent = false)
  void nightly() {
    LOG.log(
        Level.INFO,
        "Nightly {0} started as execution {1}",
        PURGE_JOB,
        operator().start(PURGE_JOB, new Properties()));
  }

  @RolesAllowed(Role.SUPERUSER_ROLE)
  public BatchExecutionView start() {
    return execution(operator().start(PURGE_JOB, new Properties()));
  }

  /**
   * Any execution of the environment, such as a version's commit, read from the job repository:
   * Payara's JobOperator shows a component only the executions it started itself.
   */
  @RolesAllowed(Role.SUPERUSER_ROLE)
  public BatchExecutionView get(long id) {
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

  private static JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }

  private static java.time.Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
