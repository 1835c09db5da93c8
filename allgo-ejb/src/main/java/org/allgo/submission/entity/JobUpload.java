package org.allgo.submission.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.allgo.accounts.entity.User;

/**
 * A file a user uploaded ahead of a job, named by a random id: it waits in the uploads directory
 * until a job takes it, or until it expires. A job takes it once.
 */
@Entity
@Table(name = "job_upload")
@NamedQuery(
    name = JobUpload.WAITING_OF_USER,
    query =
        "SELECT u FROM JobUpload u WHERE u.user = :user AND u.jobId IS NULL ORDER BY u.createdAt, u.id")
@NamedQuery(name = JobUpload.EXPIRY, query = "SELECT u.id, u.expiresAt FROM JobUpload u")
public class JobUpload {

  public static final String WAITING_OF_USER = "JobUpload.waitingOfUser";
  public static final String EXPIRY = "JobUpload.expiry";

  @Id
  @Column(length = 32)
  private String id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "user_id")
  private User user;

  @Column(nullable = false, length = 255)
  private String name;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(name = "job_id")
  private Long jobId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected JobUpload() {}

  public JobUpload(
      String id, User user, String name, long size, Instant createdAt, Instant expiresAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.user = Objects.requireNonNull(user, "user");
    this.name = Objects.requireNonNull(name, "name");
    this.size = size;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public boolean isOwnedBy(User caller) {
    return caller != null && user.id().equals(caller.id());
  }

  public boolean isExpired(Instant now) {
    return !expiresAt.isAfter(now);
  }

  public boolean isTaken() {
    return jobId != null;
  }

  /** A job takes the file. */
  public void takenBy(long job) {
    if (jobId != null) {
      throw new IllegalStateException("Upload " + id + " was taken by job " + jobId);
    }
    this.jobId = job;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public long size() {
    return size;
  }

  public Long jobId() {
    return jobId;
  }

  public UploadView view() {
    return new UploadView(id, name, size, createdAt, expiresAt);
  }
}
