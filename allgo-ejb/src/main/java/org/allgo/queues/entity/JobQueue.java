package org.allgo.queues.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;

/** A queue sets the timeout, CPU share and concurrency of the jobs sent to it. */
@Entity
@Table(name = "job_queue")
@NamedQuery(name = JobQueue.BY_NAME, query = "SELECT q FROM JobQueue q WHERE q.name = :name")
@NamedQuery(name = JobQueue.DEFAULT, query = "SELECT q FROM JobQueue q WHERE q.isDefault = TRUE")
@NamedQuery(name = JobQueue.ALL, query = "SELECT q FROM JobQueue q ORDER BY q.name")
public class JobQueue {

  public static final String BY_NAME = "JobQueue.byName";
  public static final String DEFAULT = "JobQueue.default";
  public static final String ALL = "JobQueue.all";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 64)
  private String name;

  @Column(nullable = false)
  private String description;

  @Column(name = "timeout_seconds", nullable = false)
  private int timeoutSeconds;

  @Column(name = "cpu_millis", nullable = false)
  private int cpuMillis;

  @Column(name = "max_jobs", nullable = false)
  private int maxJobs;

  @Column(name = "retention_days", nullable = false)
  private int retentionDays;

  @Column(name = "is_default", nullable = false)
  private boolean isDefault;

  protected JobQueue() {}

  public JobQueue(
      String name,
      String description,
      int timeoutSeconds,
      int cpuMillis,
      int maxJobs,
      int retentionDays) {
    this.name = Objects.requireNonNull(name, "name");
    this.description = Objects.requireNonNull(description, "description");
    this.timeoutSeconds = timeoutSeconds;
    this.cpuMillis = cpuMillis;
    this.maxJobs = maxJobs;
    this.retentionDays = retentionDays;
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public int timeoutSeconds() {
    return timeoutSeconds;
  }

  public int cpuMillis() {
    return cpuMillis;
  }

  public int maxJobs() {
    return maxJobs;
  }

  public int retentionDays() {
    return retentionDays;
  }

  public boolean isDefault() {
    return isDefault;
  }

  public void describe(String value) {
    this.description = Objects.requireNonNull(value, "description");
  }

  /** New limits: timeout in seconds, CPU in thousandths, concurrent jobs, days files are kept. */
  public void limit(int timeout, int cpu, int jobs, int retention) {
    this.timeoutSeconds = timeout;
    this.cpuMillis = cpu;
    this.maxJobs = jobs;
    this.retentionDays = retention;
  }

  public void makeDefault(boolean value) {
    this.isDefault = value;
  }

  public QueueView view() {
    return new QueueView(
        name, description, timeoutSeconds, cpuMillis, maxJobs, retentionDays, isDefault);
  }
}
