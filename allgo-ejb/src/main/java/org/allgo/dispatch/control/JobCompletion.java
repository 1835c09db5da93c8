package org.allgo.dispatch.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.allgo.connector.api.ConflictException;
import org.allgo.connector.api.ContainerInfo;
import org.allgo.connector.api.DockerException;
import org.allgo.connector.api.ExitStatus;
import org.allgo.connector.api.NotFoundException;
import org.allgo.datastore.control.FinalLog;
import org.allgo.datastore.control.JobFiles;
import org.allgo.datastore.control.JobLogs;
import org.allgo.datastore.control.Storage;
import org.allgo.jobs.control.JobSettings;
import org.allgo.jobs.control.JobWatch;
import org.allgo.jobs.entity.JobResult;
import org.allgo.jobs.entity.JobView;
import org.allgo.jobs.entity.StopRequest;

/**
 * Finishes a job whose container stopped, all or nothing: its output copied to the end into its
 * live log, then {@code allgo.log} (that output and a footer) put in place, and only then its
 * result recorded; its container is removed last. A completion cut short (the server stopped or
 * died) leaves the job RUNNING with its container, and the next one — the dispatcher's
 * reconciliation at start-up — does it all again. Safe to run twice for the same job (the container
 * event and the dispatcher's timer may both see the end): only one finish changes the job, and the
 * log in place tells how the job was recorded. Never inside a transaction.
 *
 * <p>The one exception: when the data disk is full, the log cannot be made, and the job would stay
 * RUNNING (its container kept) as long as the disk is full. It ends ERROR then, with a reason that
 * says so and no log at all (its live log removed, which frees some room): nothing half-written.
 */
@Dependent
public class JobCompletion {

  private static final System.Logger LOG = System.getLogger(JobCompletion.class.getName());

  // How long a reported end waits for the start's record and the engine's log: 50 × 5 ms.
  private static final int REPORT_TRIES = 50;
  private static final long REPORT_PAUSE_MS = 5;

  @Inject JobTransitions transitions;

  @Inject JobContainers containers;

  @Inject JobFiles files;

  @Inject JobLogs logs;

  @Inject JobSettings settings;

  @Inject JobWatch watch;

  @Inject LiveLogCopier copier;

  @Inject EndReasons reasons;

  @Inject WarmPool warm;

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
    finish(job.get(), container.get(), Optional.empty());
    return true;
  }

  /**
   * A warm job's waiter reported its program's exit: the job is finished now, if it is still
   * RUNNING with its start recorded, not asked to stop, and the engine's log of it holds every byte
   * the waiter relayed. Otherwise nothing is done here: the engine's event finishes it, as any job.
   * True when the job was finished here.
   */
  public boolean completeReported(long jobId, WarmExitReported report) {
    Optional<RunningJob> job = startRecorded(jobId);
    if (job.isEmpty() || job.get().stopRequest() != null) {
      return false;
    }
    String container = job.get().containerId();
    Optional<LiveLogCopier.Copied> whole = logWhole(jobId, container, report.relayed());
    if (whole.isEmpty()) {
      return false;
    }
    ExitStatus exit =
        new ExitStatus(report.exitCode(), false, false, job.get().startedAt(), Instant.now());
    boolean finished =
        finish(
            job.get(),
            new ContainerInfo(
                container,
                settings.containerName(jobId),
                "",
                "exited",
                Map.of(JobContainers.WARM_LABEL, report.slot()),
                Optional.of(exit)),
            whole);
    if (finished) {
      LOG.log(Level.INFO, "Job {0} ended on its waiter''s report", Long.toString(jobId));
    }
    return finished;
  }

  // The running job once its start is recorded (the program may end before the record is made).
  private Optional<RunningJob> startRecorded(long jobId) {
    for (int attempt = 0; attempt < REPORT_TRIES; attempt++) {
      Optional<RunningJob> job = transitions.findRunning(jobId);
      if (job.isEmpty() || job.get().containerId() != null && job.get().startedAt() != null) {
        return job;
      }
      pause();
    }
    return Optional.empty();
  }

  // The live log once it holds all the output relayed, copied from the engine as it comes.
  private Optional<LiveLogCopier.Copied> logWhole(long jobId, String container, long relayed) {
    for (int attempt = 0; attempt < REPORT_TRIES; attempt++) {
      Optional<LiveLogCopier.Copied> copied = copier.copy(jobId, container, Long.MAX_VALUE);
      if (copied.isEmpty() || copied.get().overLimit() || copied.get().bytes() > relayed) {
        return Optional.empty();
      }
      if (copied.get().bytes() == relayed) {
        return copied;
      }
      pause();
    }
    return Optional.empty();
  }

  private static void pause() {
    try {
      Thread.sleep(REPORT_PAUSE_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The platform could not run the job or lost it: no log will come. False when it was finished
   * already.
   */
  public boolean fail(long jobId, String reason) {
    boolean failed = transitions.fail(jobId, reason);
    if (failed) {
      released(jobId);
    }
    return failed;
  }

  /** Stops the job's container at once and finishes the job, for an abort, a timeout or a limit. */
  public void stop(long jobId) {
    containers.find(jobId).ifPresent(c -> containers.kill(c.id()));
    if (!complete(jobId)) {
      LOG.log(Level.WARNING, "The container of job {0} still runs after it was killed", jobId);
    }
  }

  // False when another completion finished the job meanwhile, or it is left RUNNING for the next.
  // The output copied to its end already (a reported end), or empty to copy it here.
  private boolean finish(
      RunningJob job, ContainerInfo container, Optional<LiveLogCopier.Copied> copiedWhole) {
    long jobId = job.jobId();
    Instant now = Instant.now();
    ExitStatus exit = container.exit().orElse(new ExitStatus(-1, false, false, now, now));
    Duration duration = job.ran(container, exit);
    try {
      if (!finishWithLog(job, container, exit, duration, copiedWhole)) {
        return false;
      }
    } catch (UncheckedIOException e) {
      if (transitions.findRunning(jobId).isEmpty()) {
        // Another completion (the container's event, an abort) finished the job meanwhile and took
        // its output with it: this one has nothing left to do.
        LOG.log(Level.DEBUG, "Job {0} was finished elsewhere: {1}", jobId, e.getMessage());
        return false;
      }
      if (files.hasSpace()) {
        // Left RUNNING with its container: the next completion does it all again.
        throw e;
      }
      LOG.log(Level.WARNING, "Job {0} ends without its log: {1}", jobId, e.getMessage());
      if (!finishWithoutLog(jobId, exit)) {
        return false;
      }
    }
    containers.remove(container.id());
    warm.released(container.labels());
    return true;
  }

  // False when another completion is finishing the job.
  private boolean finishWithLog(
      RunningJob job,
      ContainerInfo container,
      ExitStatus exit,
      Duration duration,
      Optional<LiveLogCopier.Copied> copiedWhole) {
    long jobId = job.jobId();
    Optional<LiveLogCopier.Copied> copied = copiedWhole;
    try {
      if (copied.isEmpty()) {
        copied = output(jobId, container.id());
      }
    } catch (ConflictException | NotFoundException e) {
      copied = Optional.empty();
    }
    if (copied.isEmpty()) {
      // Another completion finished the job and is removing its container: nothing left to do here.
      LOG.log(Level.DEBUG, "Job {0} is being finished elsewhere", jobId);
      return false;
    }
    LiveLogCopier.Copied output = copied.get();
    long written = files.outputSize(jobId);
    String cutAt = output.overLimit() ? Storage.mib(settings.maxLogBytes()) : null;
    try (FinalLog log = logs.finalLog(jobId, output.bytes(), cutAt)) {
      StopRequest stop = job.stopRequest();
      for (int attempt = 1; ; attempt++) {
        String failure = reasons.failure(stop, output, written, exit);
        JobResult result = JobResult.of(stop, exit.exitCode(), exit.oomKilled(), failure);
        log.publish(footer(job, exit, result, failure, duration));
        Optional<JobView> finished =
            transitions.finish(jobId, exit.exitCode(), exit.oomKilled(), written, failure, stop);
        if (finished.isPresent()) {
          ended(jobId, finished.get(), exit);
          break;
        }
        Optional<RunningJob> running = transitions.findRunning(jobId);
        if (running.isPresent() && attempt < 3) {
          // Asked to stop meanwhile: the log says so, then the job is recorded again.
          stop = running.get().stopRequest();
          continue;
        }
        // Recorded by another completion (another server's): the log says what it recorded.
        JobView recorded = transitions.view(jobId);
        if (recorded.result() != result || !Objects.equals(recorded.reason(), failure)) {
          log.publish(footer(job, exit, recorded.result(), recorded.reason(), duration));
        }
        break;
      }
    }
    return true;
  }

  // The disk full: the job recorded with the reason, as it was asked to stop if it was; false when
  // it still runs.
  private boolean finishWithoutLog(long jobId, ExitStatus exit) {
    long written = files.outputSize(jobId);
    for (int attempt = 1; attempt <= 3; attempt++) {
      Optional<RunningJob> running = transitions.findRunning(jobId);
      if (running.isEmpty()) {
        return true;
      }
      Optional<JobView> finished =
          transitions.finish(
              jobId,
              exit.exitCode(),
              exit.oomKilled(),
              written,
              EndReasons.DISK_FULL,
              running.get().stopRequest());
      if (finished.isPresent()) {
        ended(jobId, finished.get(), exit);
        return true;
      }
    }
    return transitions.findRunning(jobId).isEmpty();
  }

  // The whole output in the live log; empty when the live log went with a completion elsewhere.
  private Optional<LiveLogCopier.Copied> output(long jobId, String container) {
    Optional<LiveLogCopier.Copied> copied = copier.copy(jobId, container, Long.MAX_VALUE);
    if (copied.isEmpty() && transitions.findRunning(jobId).isPresent()) {
      // A job older than live logs: its output is copied from the start.
      logs.makeLiveLog(jobId);
      copied = copier.copy(jobId, container, Long.MAX_VALUE);
    }
    return copied;
  }

  private void ended(long jobId, JobView view, ExitStatus exit) {
    released(jobId);
    LOG.log(Level.INFO, "Job {0} ended: {1}, exit code {2}", jobId, view.result(), exit.exitCode());
  }

  // Its live log no longer needed, those who watch it told.
  private void released(long jobId) {
    logs.deleteLiveLog(jobId);
    copier.forget(jobId);
    watch.changed(jobId);
  }

  private static String footer(
      RunningJob job, ExitStatus exit, JobResult result, String reason, Duration duration) {
    return JobLog.footer(
        job.webapp(), job.version(), exit.exitCode(), exit.oomKilled(), result, reason, duration);
  }

  private void removeContainer(long jobId) {
    try {
      containers
          .find(jobId)
          .ifPresent(
              c -> {
                containers.remove(c.id());
                warm.released(c.labels());
              });
    } catch (DockerException e) {
      LOG.log(
          Level.WARNING, "Could not remove the container of job {0}: {1}", jobId, e.getMessage());
    }
  }
}
