package org.allgo.jobs.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Duration;
import java.time.Instant;

/**
 * How a job ran: the server that claimed it, its container, when it started and ended, how the
 * program ended and the job's result. Empty while the job waits; the dispatcher's claim sets {@code
 * claimed_by} and {@code started_at} by SQL.
 */
@Embeddable
public class JobRun {

  static final int MAX_REASON = 1000;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private JobResult result = JobResult.NONE;

  @Column(length = MAX_REASON)
  private String reason;

  @Enumerated(EnumType.STRING)
  @Column(name = "stop_request", length = 16)
  private StopRequest stopRequest;

  @Column(name = "claimed_by", length = 100)
  private String claimedBy;

  @Column(name = "container_id", length = 80)
  private String containerId;

  @Column(name = "docker_host", length = 255)
  private String dockerHost;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "exit_code")
  private Integer exitCode;

  @Column(name = "oom_killed", nullable = false)
  private boolean oomKilled;

  @Column(name = "output_bytes")
  private Long outputBytes;

  void started(String container, String host, Instant at) {
    this.containerId = container;
    this.dockerHost = host;
    this.startedAt = at;
  }

  // Claimed, never started: no server holds it, no container ran it.
  void released() {
    this.claimedBy = null;
    this.containerId = null;
    this.dockerHost = null;
    this.startedAt = null;
  }

  // The first reason wins.
  void requestStop(StopRequest request) {
    if (stopRequest == null) {
      this.stopRequest = request;
    }
  }

  void produced(long bytes) {
    this.outputBytes = bytes;
  }

  void ended(JobResult outcome, String why, Integer exit, boolean oom, Instant at) {
    this.result = outcome;
    this.reason =
        why == null
            ? null
            : why.length() <= MAX_REASON ? why : why.substring(0, MAX_REASON - 1) + "…";
    this.exitCode = exit;
    this.oomKilled = oom;
    this.finishedAt = at;
  }

  public JobResult result() {
    return result;
  }

  /** Why the platform failed the job, or null. */
  public String reason() {
    return reason;
  }

  /** Why the platform is to stop it, or null. */
  public StopRequest stopRequest() {
    return stopRequest;
  }

  /** How a run that the platform could not finish ends: as its stop asked, else in error. */
  JobResult failedResult() {
    return stopRequest != null ? stopRequest.result() : JobResult.ERROR;
  }

  public String claimedBy() {
    return claimedBy;
  }

  public String containerId() {
    return containerId;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public Integer exitCode() {
    return exitCode;
  }

  public boolean oomKilled() {
    return oomKilled;
  }

  public Long outputBytes() {
    return outputBytes;
  }

  /** From start to end; null until it has both. Clamped at zero. */
  public Duration duration() {
    if (startedAt == null || finishedAt == null) {
      return null;
    }
    Duration d = Duration.between(startedAt, finishedAt);
    return d.isNegative() ? Duration.ZERO : d;
  }
}
