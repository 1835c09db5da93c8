package org.allgo.batch.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.BatchRuntimeException;
import jakarta.batch.operations.JobSecurityException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.allgo.accounts.entity.Role;
import org.allgo.batch.control.JobRepository;
import org.allgo.batch.entity.ExecutionView;
import org.allgo.platform.BusinessException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The batch runtime's job executions for superusers (the monitoring page and the API): list, read
 * one, stop, restart, start by hand. Executions are read from the job repository, the one reader of
 * them ({@link JobRepository}); stopping and restarting go through the {@code JobOperator}, which
 * Payara allows only on the executions this component started in the current deployment (the others
 * are refused with a message).
 */
@Stateless
@RolesAllowed(Role.SUPERUSER_ROLE)
// The batch runtime keeps its own transactions.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BatchMonitor {

  static final String JOB_XML = "META-INF/batch-jobs/";

  @Inject JobRepository repository;

  /** The jobs superusers may start by hand, those whose job XML this application holds. */
  @Inject
  @ConfigProperty(name = "allgo.batch.startable", defaultValue = "purge-jobs")
  String startable;

  /** The newest executions of every job, newest first. */
  public List<ExecutionView> recent(int max) {
    return repository.recent(max);
  }

  /**
   * Any execution of the environment, such as a version's commit: Payara's {@code JobOperator}
   * shows a component only the executions it started itself.
   */
  public ExecutionView get(long executionId) {
    return repository
        .find(executionId)
        .orElseThrow(
            () ->
                BusinessException.notFound(
                    "execution-not-found", "There is no batch execution " + executionId + "."));
  }

  public void stop(long executionId) {
    refusedAs(() -> BatchRuntime.getJobOperator().stop(executionId), "stop", executionId);
  }

  /** Restarts a failed or stopped execution; returns the new execution's id. */
  public long restart(long executionId) {
    long[] restarted = new long[1];
    refusedAs(
        () -> restarted[0] = BatchRuntime.getJobOperator().restart(executionId, new Properties()),
        "restart",
        executionId);
    return restarted[0];
  }

  /** Starts one of the {@link #startableJobs()}; returns the execution's id. */
  public long start(String jobName) {
    if (!startableJobs().contains(jobName)) {
      throw BusinessException.invalid(
          "job-not-startable", "The job " + jobName + " cannot be started by hand.");
    }
    return BatchRuntime.getJobOperator().start(jobName, new Properties());
  }

  /** The configured jobs that exist in this application. */
  public List<String> startableJobs() {
    return Arrays.stream(startable.split(","))
        .map(String::strip)
        .filter(name -> name.matches("[a-z0-9][a-z0-9-]{0,63}"))
        .filter(
            name ->
                BatchMonitor.class.getClassLoader().getResource(JOB_XML + name + ".xml") != null)
        .toList();
  }

  private static void refusedAs(Runnable call, String what, long executionId) {
    try {
      call.run();
    } catch (NoSuchJobExecutionException e) {
      throw BusinessException.notFound(
          "execution-not-found", "There is no job execution " + executionId + ".");
    } catch (JobSecurityException e) {
      throw BusinessException.conflict(
          "batch-refused",
          "Execution "
              + executionId
              + " was started"
              + " elsewhere (by another part of allgo, or before the last deployment): the batch runtime"
              + " lets only its starter "
              + what
              + " it.");
    } catch (BatchRuntimeException e) {
      throw BusinessException.conflict(
          "batch-refused", "Execution " + executionId + " cannot " + what + ": " + reason(e));
    }
  }

  private static String reason(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
