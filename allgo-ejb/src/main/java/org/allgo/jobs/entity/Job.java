package org.allgo.jobs.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.allgo.accounts.entity.Role;
import org.allgo.accounts.entity.User;
import org.allgo.webapps.entity.Webapp;
import org.allgo.webapps.entity.WebappVersion;

/**
 * A run of a webapp's version with the caller's files and parameter string, in a queue. Its files
 * live in the datastore directory named after its id. The dispatcher moves it from WAITING to
 * RUNNING with a conditional update (see {@code ClaimSql}); every other change goes through a row
 * lock, so that concurrent completions, aborts and claims never overwrite one another.
 */
@Entity
@Table(name = "job")
@NamedQuery(
    name = Job.RECENT_SUCCESSES_OF_WEBAPP,
    query =
        "SELECT j FROM Job j WHERE j.webapp = :webapp AND j.result = org.allgo.jobs.entity.JobResult.SUCCESS"
            + " AND j.finishedAt IS NOT NULL AND j.startedAt IS NOT NULL ORDER BY j.id DESC")
@NamedQuery(name = Job.BY_STATE, query = "SELECT j FROM Job j WHERE j.state = :state ORDER BY j.id")
@NamedQuery(
    name = Job.ACTIVE_OF_WEBAPP,
    query =
        "SELECT COUNT(j) FROM Job j WHERE j.webapp = :webapp"
            + " AND j.state IN (org.allgo.jobs.entity.JobState.NEW, org.allgo.jobs.entity.JobState.WAITING,"
            + " org.allgo.jobs.entity.JobState.RUNNING)")
@NamedQuery(
    name = Job.ENDED_IN_QUEUE,
    query =
        "SELECT j.id, j.finishedAt FROM Job j WHERE j.state = org.allgo.jobs.entity.JobState.DONE"
            + " AND j.queue = :queue ORDER BY j.id")
public class Job {

  public static final String BY_STATE = "Job.byState";
  public static final String RECENT_SUCCESSES_OF_WEBAPP = "Job.recentSuccessesOfWebapp";
  public static final String ACTIVE_OF_WEBAPP = "Job.activeOfWebapp";
  public static final String ENDED_IN_QUEUE = "Job.endedInQueue";

  private static final int MAX_REASON = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "user_id")
  private User user;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "webapp_id")
  private Webapp webapp;

  @Column(name = "webapp_name", nullable = false, length = 63)
  private String webappName;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "version_id")
  private WebappVersion version;

  @Column(name = "version_number", nullable = false, length = 32)
  private String versionNumber;

  @Column(nullable = false, length = 255)
  private String image;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "queue_id")
  private JobQueue queue;

  @Column(nullable = false, length = 4096)
  private String param;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private JobState state;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private JobResult result;

  @Column(length = MAX_REASON)
  private String reason;

  @Enumerated(EnumType.STRING)
  @Column(name = "stop_request", length = 16)
  private StopRequest stopRequest;

  @Column(name = "exit_code")
  private Integer exitCode;

  @Column(name = "oom_killed", nullable = false)
  private boolean oomKilled;

  @Column(nullable = false)
  private boolean notify;

  @Column(name = "input_bytes", nullable = false)
  private long inputBytes;

  @Column(name = "output_bytes")
  private Long outputBytes;

  // The files it was submitted with; its directory mixes them with the outputs.
  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "job_input", joinColumns = @JoinColumn(name = "job_id"))
  @OrderColumn(name = "file_index")
  @Column(name = "name", nullable = false, length = 255)
  private List<String> inputs = new ArrayList<>();

  @Column(name = "container_id", length = 80)
  private String containerId;

  @Column(name = "docker_host", length = 255)
  private String dockerHost;

  @Column(name = "claimed_by", length = 100)
  private String claimedBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "queued_at")
  private Instant queuedAt;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  protected Job() {}

  public Job(
      User user,
      WebappVersion version,
      JobQueue queue,
      String param,
      boolean notify,
      Instant createdAt) {
    this.user = Objects.requireNonNull(user, "user");
    this.version = Objects.requireNonNull(version, "version");
    this.webapp = version.webapp();
    this.webappName = webapp.dockerName();
    this.versionNumber = version.number();
    // By digest: the version's tag moves when its number is committed again.
    this.image = Objects.requireNonNull(version.runnableImage(), "image");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.param = Objects.requireNonNull(param, "param");
    this.notify = notify;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.state = JobState.NEW;
    this.result = JobResult.NONE;
  }

  /** The owner and superusers may see, abort, delete it and read its files. */
  public boolean isAccessibleTo(User caller) {
    return caller != null && (caller.role() == Role.SUPERUSER || user.id().equals(caller.id()));
  }

  /** Its files are stored: it waits in its queue. */
  public void queue(long bytes, List<String> inputNames, Instant at) {
    requireState(JobState.NEW);
    this.inputBytes = bytes;
    this.inputs = new ArrayList<>(inputNames);
    this.state = JobState.WAITING;
    this.queuedAt = at;
  }

  /**
   * Its container runs: the job's time counts from now (claimed, it may have waited for a pull).
   */
  public void started(String container, String host, Instant at) {
    this.containerId = container;
    this.dockerHost = host;
    this.startedAt = at;
  }

  /**
   * Claimed, but its program never started (the engine did not answer, or the server stopped before
   * the container ran): it waits again in its place, or ends as asked if it was to stop.
   */
  public void unclaim(Instant at) {
    requireState(JobState.RUNNING);
    if (stopRequest != null) {
      failed(null, at);
      return;
    }
    this.state = JobState.WAITING;
    this.claimedBy = null;
    this.startedAt = null;
    this.containerId = null;
    this.dockerHost = null;
  }

  /** The platform is to stop it; the first reason wins. */
  public void requestStop(StopRequest request) {
    if (stopRequest == null) {
      this.stopRequest = request;
    }
  }

  /** Aborted before it started. */
  public void abortWaiting(Instant at) {
    requireState(JobState.WAITING);
    end(JobResult.ABORTED, null, null, false, at);
  }

  /** The program ended: exit code and OOM flag as the engine saw them. */
  public void finished(long exit, boolean oom, long output, String failure, Instant at) {
    requireState(JobState.RUNNING);
    this.outputBytes = output;
    end(outcome(stopRequest, exit, oom, failure), failure, (int) exit, oom, at);
  }

  /** The result of a program that ended, given why the platform stopped it, if it did. */
  public static JobResult outcome(StopRequest stop, long exit, boolean oom, String failure) {
    if (stop != null) {
      return stop.result();
    }
    return failure != null || oom || exit != 0 ? JobResult.ERROR : JobResult.SUCCESS;
  }

  /** The platform could not run it, or lost it. */
  public void failed(String why, Instant at) {
    end(stopRequest != null ? stopRequest.result() : JobResult.ERROR, why, null, false, at);
  }

  public void archive() {
    requireState(JobState.DONE);
    this.state = JobState.ARCHIVED;
  }

  public void delete() {
    if (state.active()) {
      throw new IllegalStateException("Job " + id + " is " + state);
    }
    this.state = JobState.DELETED;
  }

  private void end(JobResult outcome, String why, Integer exit, boolean oom, Instant at) {
    this.state = JobState.DONE;
    this.result = outcome;
    this.reason =
        why == null
            ? null
            : why.length() <= MAX_REASON ? why : why.substring(0, MAX_REASON - 1) + "…";
    this.exitCode = exit;
    this.oomKilled = oom;
    this.finishedAt = at;
  }

  private void requireState(JobState expected) {
    if (state != expected) {
      throw new IllegalStateException("Job " + id + " is " + state + ", not " + expected);
    }
  }

  public Long id() {
    return id;
  }

  public User user() {
    return user;
  }

  public Webapp webapp() {
    return webapp;
  }

  public String webappName() {
    return webappName;
  }

  public String versionNumber() {
    return versionNumber;
  }

  public String image() {
    return image;
  }

  public JobQueue queue() {
    return queue;
  }

  public String param() {
    return param;
  }

  public JobState state() {
    return state;
  }

  public JobResult result() {
    return result;
  }

  public String reason() {
    return reason;
  }

  public StopRequest stopRequest() {
    return stopRequest;
  }

  public Integer exitCode() {
    return exitCode;
  }

  public boolean oomKilled() {
    return oomKilled;
  }

  public boolean notifyWhenFinished() {
    return notify;
  }

  public long inputBytes() {
    return inputBytes;
  }

  /** The names of the files it was submitted with, in the order they came. */
  public List<String> inputs() {
    return List.copyOf(inputs);
  }

  public String containerId() {
    return containerId;
  }

  public String claimedBy() {
    return claimedBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  /** From start to end; null until it has both. Clamped at zero. */
  public Duration duration() {
    if (startedAt == null || finishedAt == null) {
      return null;
    }
    Duration d = Duration.between(startedAt, finishedAt);
    return d.isNegative() ? Duration.ZERO : d;
  }

  public JobView view() {
    Duration d = duration();
    return new JobView(
        id,
        user.email(),
        webappName,
        versionNumber,
        queue.name(),
        param,
        state,
        result,
        reason,
        exitCode,
        oomKilled,
        notify,
        inputBytes,
        outputBytes,
        createdAt,
        queuedAt,
        startedAt,
        finishedAt,
        d == null ? null : d.toMillis() / 1000.0);
  }
}
