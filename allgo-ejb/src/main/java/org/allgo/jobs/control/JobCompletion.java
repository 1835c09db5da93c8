package org.allgo.jobs.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.allgo.connector.api.ConflictException;
import org.allgo.connector.api.ContainerInfo;
import org.allgo.connector.api.ContainerLogs;
import org.allgo.connector.api.DockerException;
import org.allgo.connector.api.ExitStatus;
import org.allgo.connector.api.NotFoundException;
import org.allgo.jobs.entity.JobView;

/**
 * Finishes a job whose container stopped: {@code allgo.log} from the container's output and a
 * footer (its live log deleted then), the output size against its quota, the result, then the
 * container removed. Safe to run twice for the same job (the container event and the dispatcher's
 * timer may both see the end): only one finish changes the job. Never inside a transaction.
 */
@Dependent
public class JobCompletion {

  private static final System.Logger LOG = System.getLogger(JobCompletion.class.getName());

  @Inject JobTransitions transitions;

  @Inject JobContainers containers;

  @Inject JobFiles files;

  @Inject JobSettings settings;

  @Inject JobWatch watch;

  /** Finishes the job if its container has stopped; true when the job is no longer running. */
  public boolean complete(long jobId) {
    Optional<RunningJob> job = transitions.findRunning(jobId);
    if (job.isEmpty()) {
      removeContainer(jobId);
      return true;
    }
    Optional<ContainerInfo> container = containers.find(jobId);
    if (container.isEmpty()) {
      return fail(jobId, "The job's container vanished from the Docker engine.");
    }
    if (container.get().running()) {
      return false;
    }
    finish(job.get(), container.get());
    return true;
  }

  /**
   * The platform could not run the job or lost it: no log will come. False when it was finished
   * already.
   */
  public boolean fail(long jobId, String reason) {
    boolean failed = transitions.fail(jobId, reason);
    if (failed) {
      files.deleteLiveLog(jobId);
      watch.changed(jobId);
    }
    return failed;
  }

  /** Stops the job's container at once and finishes the job, for an abort or a timeout. */
  public void stop(long jobId) {
    containers.find(jobId).ifPresent(c -> containers.kill(c.id()));
    if (!complete(jobId)) {
      LOG.log(Level.WARNING, "The container of job {0} still runs after it was killed", jobId);
    }
  }

  // Only the completion that finishes the job writes its log, with the result the job got.
  private void finish(RunningJob job, ContainerInfo container) {
    Instant now = Instant.now();
    ExitStatus exit = container.exit().orElse(new ExitStatus(-1, false, false, now, now));
    ContainerLogs logs;
    try {
      logs = containers.logs(container.id());
    } catch (ConflictException | NotFoundException e) {
      // Another completion finished the job and is removing its container: nothing left to do here.
      LOG.log(Level.DEBUG, "Job {0} is being finished elsewhere: {1}", job.jobId(), e.getMessage());
      return;
    }
    long written = files.size(job.jobId());
    String failure =
        written > settings.maxOutputBytes()
            ? "The job wrote "
                + JobFiles.mib(written)
                + ", more than the "
                + JobFiles.mib(settings.maxOutputBytes())
                + " allowed."
            : !files.hasSpace()
                ? "The server's data disk was full when the job ended: its files may be incomplete,"
                    + " and its log could not be kept."
                : exit.oomKilled() ? "The program ran out of memory." : null;
    Optional<JobView> finished =
        transitions.finish(job.jobId(), exit.exitCode(), exit.oomKilled(), written, failure);
    if (finished.isPresent()) {
      JobView view = finished.get();
      Duration duration =
          exit.finishedAt().isBefore(exit.startedAt()) ? Duration.ZERO : exit.duration();
      try {
        files.writeLog(
            job.jobId(),
            logs,
            JobLog.footer(
                job.webapp(),
                job.version(),
                exit.exitCode(),
                exit.oomKilled(),
                view.result(),
                view.reason(),
                duration));
      } catch (UncheckedIOException e) {
        LOG.log(Level.WARNING, "The log of job {0} could not be written: {1}", job.jobId(), e);
      }
      files.deleteLiveLog(job.jobId());
      watch.changed(job.jobId());
      LOG.log(
          Level.INFO,
          "Job {0} ended: {1}, exit code {2}",
          job.jobId(),
          view.result(),
          exit.exitCode());
    }
    containers.remove(container.id());
  }

  private void removeContainer(long jobId) {
    try {
      containers.find(jobId).ifPresent(c -> containers.remove(c.id()));
    } catch (DockerException e) {
      LOG.log(
          Level.WARNING, "Could not remove the container of job {0}: {1}", jobId, e.getMessage());
    }
  }
}
