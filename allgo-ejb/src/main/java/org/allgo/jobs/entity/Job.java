package org.allgo.jobs.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.allgo.accounts.entity.User;
import org.allgo.queues.entity.JobQueue;
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
public class Job {

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

  /** The values of a described version's inputs by name (JSON), or null: a free string. */
  @Column(name = "input_values", updatable = false)
  private String inputValues;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private JobState state;

  @Column(nullable = false)
  private boolean notify;

  @Column(name = "input_bytes", nullable = false)
  private long inputBytes;

  // The files it was submitted with; its directory mixes them with the outputs.
  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "job_input", joinColumns = @JoinColumn(name = "job_id"))
  @OrderColumn(name = "file_index")
  @Column(name = "name", nullable = false, length = 255)
  private List<String> inputs = new ArrayList<>();

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "queued_at")
  private Instant queuedAt;

  @Embedded private JobRun run = new JobRun();

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
  }

  /** Its files are stored: it waits in its queue. */
  public void queue(long bytes, List<String> inputNames, Instant at) {
    state.require(JobState.NEW, id);
    this.inputBytes = bytes;
    this.inputs = new ArrayList<>(inputNames);
    this.state = JobState.WAITING;
    this.queuedAt = at;
  }

  /** Its container runs: its time counts from now (claimed, it may have waited for a pull). */
  public void started(String container, String host, Instant at) {
    run().started(container, host, at);
  }

  /** Claimed, its program never started: it waits again, or ends as asked if it was to stop. */
  public void unclaim(Instant at) {
    state.require(JobState.RUNNING, id);
    if (run().stopRequest() != null) {
      failed(null, at);
    } else {
      state = JobState.WAITING;
      run().released();
    }
  }

  /** The platform is to stop it; the first reason wins. */
  public void requestStop(StopRequest request) {
    run().requestStop(request);
  }

  /** Aborted before it started. */
  public void abortWaiting(Instant at) {
    state.require(JobState.WAITING, id);
    end(JobResult.ABORTED, null, null, false, at);
  }

  /** The program ended: exit code and OOM flag as the engine saw them. */
  public void finished(long exit, boolean oom, long output, String failure, Instant at) {
    state.require(JobState.RUNNING, id);
    run().produced(output);
    end(JobResult.of(run().stopRequest(), exit, oom, failure), failure, (int) exit, oom, at);
  }

  /** The platform could not run it, or lost it. */
  public void failed(String why, Instant at) {
    end(run().failedResult(), why, null, false, at);
  }

  public void archive() {
    state.require(JobState.DONE, id);
    this.state = JobState.ARCHIVED;
  }

  public void delete() {
    state.requireInactive(id);
    this.state = JobState.DELETED;
  }

  private void end(JobResult outcome, String why, Integer exit, boolean oom, Instant at) {
    this.state = JobState.DONE;
    run().ended(outcome, why, exit, oom, at);
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

  /** The values its inputs were given by name (JSON), or null when it took a free string. */
  public String inputValues() {
    return inputValues;
  }

  /** Records the values by name its parameters were rendered from (before it is stored). */
  public Job withInputValues(String json) {
    this.inputValues = json;
    return this;
  }

  public JobState state() {
    return state;
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

  public Instant createdAt() {
    return createdAt;
  }

  public Instant queuedAt() {
    return queuedAt;
  }

  /** How it ran; empty while it waits. */
  public JobRun run() {
    // A row whose run columns are all empty may load without one.
    if (run == null) {
      run = new JobRun();
    }
    return run;
  }

  public JobView view() {
    return JobView.of(this);
  }
}
