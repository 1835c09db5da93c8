package org.allgo.submission.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.allgo.accounts.entity.User;
import org.allgo.inputs.entity.Boutiques;
import org.allgo.jobs.control.JobAccess;
import org.allgo.jobs.control.JobStore;
import org.allgo.jobs.entity.Job;
import org.allgo.jobs.entity.JobQueued;
import org.allgo.jobs.entity.JobState;
import org.allgo.jobs.entity.JobView;
import org.allgo.jobs.entity.Parameters;
import org.allgo.platform.BusinessException;
import org.allgo.queues.control.QueueStore;
import org.allgo.queues.entity.JobQueue;
import org.allgo.submission.entity.JobDraft;
import org.allgo.webapps.control.Access;
import org.allgo.webapps.control.WebappStore;
import org.allgo.webapps.entity.Webapp;
import org.allgo.webapps.entity.WebappVersion;

/**
 * The state changes of a submission, each in a transaction of its own, so that the files are stored
 * between them: a NEW job is recorded, then queued once its files are stored, or discarded.
 */
@Stateless
public class Submissions {

  @Inject JobStore jobs;

  @Inject QueueStore queues;

  @Inject JobAccess access;

  @Inject Access webapps;

  @Inject WebappStore webappStore;

  @Inject Event<JobQueued> queued;

  /**
   * A new job, NEW until its files are stored: the caller may run the webapp, it has a READY
   * version, the queue exists and the parameters split, or the inputs by name suit the version's
   * description (its file inputs name some of {@code files}, the job's input files).
   */
  public long create(JobDraft draft, List<String> files) {
    User caller = access.caller();
    if (draft.webapp() == null || draft.webapp().isBlank()) {
      throw BusinessException.invalid("webapp-missing", "Name the webapp to run.");
    }
    Webapp webapp = webapps.visible(draft.webapp());
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
            ? queues
                .find(draft.queue())
                .orElseThrow(
                    () ->
                        BusinessException.invalid(
                            "unknown-queue", "There is no job queue named " + draft.queue() + "."))
            : Optional.ofNullable(webapp.defaultQueue())
                .or(queues::defaultQueue)
                .orElseThrow(
                    () -> BusinessException.conflict("no-queue", "There is no default job queue."));
    boolean notify =
        draft.notifyByMail() != null ? draft.notifyByMail() : caller.notifyJobFinished();
    if (draft.inputs() == null) {
      String param = Parameters.of(draft.param()).text();
      return jobs.add(new Job(caller, version, queue, param, notify, Instant.now())).id();
    }
    InputValues given = InputValues.check(version, draft, files);
    return jobs.add(
            new Job(caller, version, queue, given.param(), notify, Instant.now())
                .withInputValues(given.json()))
        .id();
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

  /** What it takes to submit a job again: its draft and the names of its input files. */
  public record Resubmission(JobDraft draft, List<String> inputs) {}

  /**
   * The caller's job, to run again: refused while it runs or is being submitted, once its files are
   * gone, and when which of its files were inputs is unknown (submitted before it was recorded).
   */
  public Resubmission resubmission(long jobId) {
    Job job = access.job(jobId);
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
        new JobDraft(
            job.webappName(),
            job.inputValues() == null ? job.param() : null,
            job.queue().name(),
            job.notifyWhenFinished(),
            job.inputValues() == null ? null : Boutiques.values(job.inputValues())),
        inputs);
  }

  /** A submission that failed before its job was queued leaves nothing behind. */
  public void discard(long jobId) {
    jobs.find(jobId).filter(j -> j.state() == JobState.NEW).ifPresent(jobs::remove);
  }
}
