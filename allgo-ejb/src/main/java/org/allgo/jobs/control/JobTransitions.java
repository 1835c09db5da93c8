package org.allgo.jobs.control;

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
import org.allgo.accounts.entity.User;
import org.allgo.jobs.entity.Job;
import org.allgo.jobs.entity.JobDraft;
import org.allgo.jobs.entity.JobQueue;
import org.allgo.jobs.entity.JobState;
import org.allgo.jobs.entity.JobView;
import org.allgo.jobs.entity.StopRequest;
import org.allgo.mail.entity.Mail;
import org.allgo.mail.entity.MailTemplate;
import org.allgo.platform.BusinessException;
import org.allgo.platform.control.Resources;
import org.allgo.webapps.control.Access;
import org.allgo.webapps.control.WebappStore;
import org.allgo.webapps.entity.Webapp;
import org.allgo.webapps.entity.WebappVersion;

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

  @Inject Access webapps;

  @Inject WebappStore webappStore;

  @Inject Event<Mail> mails;

  @Inject Event<JobQueued> queued;

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

  /**
   * A new job, NEW until its files are stored: the caller may run the webapp, it has a READY
   * version, the queue exists and the parameters split.
   */
  public long create(String email, JobDraft draft) {
    User caller = access.caller(email);
    if (draft.webapp() == null || draft.webapp().isBlank()) {
      throw BusinessException.invalid("webapp-missing", "Name the webapp to run.");
    }
    Webapp webapp = webapps.visible(email, draft.webapp());
    WebappVersion version =
        webappStore
            .defaultVersion(webapp)
            .orElseThrow(
                () ->
                    BusinessException.conflict(
                        "no-ready-version",
                        webapp.dockerName() + " has no ready version to run yet."));
    JobQueue queue =
        draft.queue() != null && !draft.queue().isBlank()
            ? jobs.findQueue(draft.queue())
                .orElseThrow(
                    () ->
                        BusinessException.invalid(
                            "unknown-queue", "There is no job queue named " + draft.queue() + "."))
            : Optional.ofNullable(webapp.defaultQueue())
                .or(jobs::defaultQueue)
                .orElseThrow(
                    () -> BusinessException.conflict("no-queue", "There is no default job queue."));
    String param = ParameterSplitter.check(draft.param());
    ParameterSplitter.split(param);
    boolean notify =
        draft.notifyByMail() != null ? draft.notifyByMail() : caller.notifyJobFinished();
    return jobs.add(new Job(caller, version, queue, param, notify, Instant.now())).id();
  }

  /** The job's files are stored: it waits in its queue, and the dispatcher hears of it. */
  public JobView queue(long jobId, long inputBytes, List<String> inputs) {
    Job job = jobs.lock(jobId).orElseThrow();
    job.queue(inputBytes, inputs, Instant.now());
    queued.fire(new JobQueued(jobId));
    return job.view();
  }

  public JobView view(long jobId) {
    return jobs.get(jobId).view();
  }

  /**
   * Aborts the caller's job: a waiting one ends now; a running one is marked, and true says its
   * container is to be stopped.
   */
  public boolean abort(String email, long jobId) {
    access.job(email, jobId);
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

  /** What it takes to submit a job again: its draft and the names of its input files. */
  public record Resubmission(JobDraft draft, List<String> inputs) {}

  /**
   * The caller's job, to run again: refused while it runs or is being submitted, once its files are
   * gone, and when which of its files were inputs is unknown (submitted before it was recorded).
   */
  public Resubmission resubmission(String email, long jobId) {
    Job job = access.job(email, jobId);
    switch (job.state()) {
      case ARCHIVED ->
          throw BusinessException.gone(
              "job-archived",
              "The files of job "
                  + jobId
                  + " were removed after its retention period: submit it again with its files.");
      case DELETED ->
          throw BusinessException.notFound("job-not-found", "There is no job " + jobId + ".");
      case NEW, RUNNING ->
          throw BusinessException.conflict(
              "job-running",
              "Job "
                  + jobId
                  + " is "
                  + job.state().name().toLowerCase()
                  + ": its files may still change. Run it again once it ended.");
      default -> {
        // WAITING (its files are as they came) or DONE.
      }
    }
    List<String> inputs = job.inputs();
    if (inputs.isEmpty() && job.inputBytes() > 0) {
      throw BusinessException.conflict(
          "inputs-unknown",
          "Job "
              + jobId
              + " was submitted before allgo recorded which of its files were inputs: submit it again with its files.");
    }
    return new Resubmission(
        new JobDraft(job.webappName(), job.param(), job.queue().name(), job.notifyWhenFinished()),
        inputs);
  }

  /** A submission that failed before its job was queued leaves nothing behind. */
  public void discard(long jobId) {
    jobs.find(jobId).filter(j -> j.state() == JobState.NEW).ifPresent(jobs::remove);
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
    Webapp webapp = job.webapp();
    if (job.stopRequest() != null || webapp == null) {
      end(
          job,
          job.stopRequest() != null ? null : "Its webapp was deleted before the job could start.");
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
    return Optional.ofNullable(job.stopRequest());
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
              boolean stopping = j.stopRequest() != null;
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
        jobs.lock(jobId).filter(j -> j.state() == JobState.RUNNING && j.stopRequest() == seen);
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
    if (!job.notifyWhenFinished()) {
      return;
    }
    Duration duration = job.duration();
    mails.fire(
        new Mail(
            job.user().email(),
            MailTemplate.JOB_FINISHED,
            Map.of(
                "name", job.user().name(),
                "job", job.id().toString(),
                "webapp", job.webappName(),
                "state", job.result().name(),
                "duration", duration == null ? "0 s" : JobLog.duration(duration),
                "link", settings.link("/jobs/" + job.id()))));
  }

  private static RunningJob running(Job job) {
    return new RunningJob(
        job.id(),
        job.containerId(),
        job.claimedBy(),
        job.startedAt(),
        job.queue().timeoutSeconds(),
        job.stopRequest(),
        job.webappName(),
        job.versionNumber());
  }
}
