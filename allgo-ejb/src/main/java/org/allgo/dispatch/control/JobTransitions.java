package org.allgo.dispatch.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.allgo.jobs.control.JobAccess;
import org.allgo.jobs.control.JobSettings;
import org.allgo.jobs.control.JobStore;
import org.allgo.jobs.entity.Job;
import org.allgo.jobs.entity.JobState;
import org.allgo.jobs.entity.JobView;
import org.allgo.jobs.entity.StopRequest;
import org.allgo.mail.entity.Mail;
import org.allgo.mail.entity.MailTemplate;
import org.allgo.platform.BusinessException;
import org.allgo.platform.Resources;
import org.allgo.webapps.entity.Webapp;

/**
 * The state changes of jobs, each in a transaction of its own, so that the Docker work between them
 * never runs inside one. A change to a job locks its row first: a completion seen twice (container
 * event and timer) or racing an abort changes the job once.
 */
@Stateless
public class JobTransitions {

  private static final System.Logger LOG = System.getLogger(JobTransitions.class.getName());

  @Inject JobStore jobs;

  @Inject JobSettings settings;

  @Inject JobAccess access;

  @Inject Event<Mail> mails;

  @Resource(lookup = Resources.DATA_SOURCE)
  DataSource dataSource;

  /** Queues that have waiting jobs. */
  public List<Long> waitingQueues() {
    try (Connection c = dataSource.getConnection()) {
      return ClaimSql.queuesWithWaitingJobs(c);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the waiting jobs: " + e.getMessage(), e);
    }
  }

  /** Claims the next job of the queue for this server (see {@link ClaimSql}). */
  public Optional<ClaimSql.Claim> claim(long queueId) {
    try (Connection c = dataSource.getConnection()) {
      return ClaimSql.claimNext(
          c,
          ClaimSql.Dialect.of(c),
          queueId,
          settings.maxRunningPerUser(),
          settings.node(),
          Instant.now());
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot claim a job of queue " + queueId + ": " + e.getMessage(), e);
    }
  }

  public JobView view(long jobId) {
    return jobs.get(jobId).view();
  }

  /**
   * Aborts the caller's job: a waiting one ends now; a running one is marked, and true says its
   * container is to be stopped.
   */
  public boolean abort(long jobId) {
    access.job(jobId);
    Job job = jobs.lock(jobId).orElseThrow();
    switch (job.state()) {
      case WAITING -> {
        job.abortWaiting(Instant.now());
        notifyOwner(job);
        return false;
      }
      case RUNNING -> {
        job.requestStop(StopRequest.ABORT);
        return true;
      }
      default ->
          throw BusinessException.conflict(
              "job-not-active",
              "Job "
                  + jobId
                  + " is "
                  + job.state().name().toLowerCase()
                  + ": only waiting or running jobs can be aborted.");
    }
  }

  /**
   * What it takes to start the claimed job. Empty when it is not to start: asked to stop meanwhile
   * (it ends with the result asked for) or its webapp was deleted (it fails, saying so).
   */
  public Optional<JobLaunch> launch(long jobId) {
    // A locking read: the row as the claim committed it, whatever snapshot the connection holds.
    Job job = jobs.lock(jobId).orElseThrow();
    if (job.state() != JobState.RUNNING) {
      LOG.log(Level.WARNING, "Job {0} was claimed but is {1}: not started", jobId, job.state());
      return Optional.empty();
    }
    if (!settings.node().equals(job.run().claimedBy())) {
      // This server went unseen longer than its lease (a pause): another one took the job over.
      LOG.log(
          Level.WARNING,
          "Job {0} was taken over by {1} before it started here: not started",
          jobId,
          job.run().claimedBy());
      return Optional.empty();
    }
    Webapp webapp = job.webapp();
    if (job.run().stopRequest() != null || webapp == null) {
      end(
          job,
          job.run().stopRequest() != null
              ? null
              : "Its webapp was deleted before the job could start.");
      return Optional.empty();
    }
    return Optional.of(
        new JobLaunch(
            jobId,
            job.image(),
            webapp.entrypoint(),
            job.param(),
            webapp.memoryMb(),
            job.queue().cpuMillis(),
            webapp.networkAllowed(),
            job.webappName()));
  }

  /** Its container runs; returns why to stop it at once, if someone asked meanwhile. */
  public Optional<StopRequest> started(long jobId, String containerId) {
    Job job = jobs.lock(jobId).orElseThrow();
    job.started(containerId, settings.node(), Instant.now());
    return Optional.ofNullable(job.run().stopRequest());
  }

  public List<RunningJob> running() {
    return jobs.inState(JobState.RUNNING).stream().map(JobTransitions::running).toList();
  }

  /** The containers of the running jobs this server started, by job id. */
  public Map<Long, String> runningContainers(String node) {
    return jobs.runningContainers(node);
  }

  public Optional<RunningJob> findRunning(long jobId) {
    return jobs.find(jobId).filter(j -> j.state() == JobState.RUNNING).map(JobTransitions::running);
  }

  /** A claimed job whose program never started waits again (see {@link Job#unclaim}). */
  public void unclaim(long jobId) {
    jobs.lock(jobId)
        .filter(j -> j.state() == JobState.RUNNING)
        .ifPresent(
            j -> {
              boolean stopping = j.run().stopRequest() != null;
              j.unclaim(Instant.now());
              if (stopping) {
                notifyOwner(j);
              }
            });
  }

  /** Asks the platform to stop a running job; false when it is not running. */
  public boolean requestStop(long jobId, StopRequest request) {
    Optional<Job> job = jobs.lock(jobId).filter(j -> j.state() == JobState.RUNNING);
    job.ifPresent(j -> j.requestStop(request));
    return job.isPresent();
  }

  /**
   * The program ended: the job as finished, or empty when it was finished already or was asked to
   * stop otherwise than {@code seen} says (its log would not tell why it ended).
   */
  public Optional<JobView> finish(
      long jobId, long exitCode, boolean oom, long outputBytes, String failure, StopRequest seen) {
    Optional<Job> job =
        jobs.lock(jobId)
            .filter(j -> j.state() == JobState.RUNNING && j.run().stopRequest() == seen);
    job.ifPresent(
        j -> {
          j.finished(exitCode, oom, outputBytes, failure, Instant.now());
          notifyOwner(j);
        });
    return job.map(Job::view);
  }

  /** The platform could not run the job or lost it; false when it was finished already. */
  public boolean fail(long jobId, String reason) {
    Optional<Job> job = jobs.lock(jobId).filter(j -> j.state() == JobState.RUNNING);
    job.ifPresent(j -> end(j, reason));
    return job.isPresent();
  }

  private void end(Job job, String reason) {
    job.failed(reason, Instant.now());
    notifyOwner(job);
  }

  private void notifyOwner(Job job) {
    Duration duration = job.run().duration();
    if (!job.notifyWhenFinished() || !job.user().wantsMailAfter(duration)) {
      return;
    }
    mails.fire(
        new Mail(
            job.user().email(),
            MailTemplate.JOB_FINISHED,
            Map.of(
                "name", job.user().name(),
                "job", job.id().toString(),
                "webapp", job.webappName(),
                "state", job.run().result().name(),
                "duration", duration == null ? "0 s" : JobLog.duration(duration),
                "link", settings.link("/jobs/" + job.id()),
                "after", span(job.user().notifyAfterSeconds()))));
  }

  /** A mail threshold in words: {@code 45 seconds}, {@code 3 minutes}, {@code 2 hours}. */
  static String span(int seconds) {
    if (seconds >= 3600 && seconds % 3600 == 0) {
      return seconds / 3600 + (seconds == 3600 ? " hour" : " hours");
    }
    if (seconds >= 60 && seconds % 60 == 0) {
      return seconds / 60 + (seconds == 60 ? " minute" : " minutes");
    }
    return seconds + (seconds == 1 ? " second" : " seconds");
  }

  private static RunningJob running(Job job) {
    return new RunningJob(
        job.id(),
        job.run().containerId(),
        job.run().claimedBy(),
        job.run().startedAt(),
        job.queue().timeoutSeconds(),
        job.run().stopRequest(),
        job.webappName(),
        job.versionNumber());
  }
}
