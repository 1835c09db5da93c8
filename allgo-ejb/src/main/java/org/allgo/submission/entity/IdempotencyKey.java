package org.allgo.submission.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.allgo.accounts.entity.User;

/**
 * A caller's Idempotency-Key of a job submission: reserved by the first request, then completed
 * with the request's fingerprint and the job it made. Only the key's SHA-256 is kept.
 */
@Entity
@Table(name = "idempotency_key")
@NamedQuery(
    name = IdempotencyKey.OF_USER,
    query = "SELECT k FROM IdempotencyKey k WHERE k.user = :user AND k.keyHash = :hash")
@NamedQuery(name = IdempotencyKey.CREATED, query = "SELECT k.id, k.createdAt FROM IdempotencyKey k")
public class IdempotencyKey {

  public static final String OF_USER = "IdempotencyKey.ofUser";
  public static final String CREATED = "IdempotencyKey.created";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "user_id")
  private User user;

  @Column(name = "key_hash", nullable = false, length = 64)
  private String keyHash;

  @Column(length = 64)
  private String fingerprint;

  @Column(name = "job_id")
  private Long jobId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected IdempotencyKey() {}

  public IdempotencyKey(User user, String keyHash, Instant createdAt) {
    this.user = Objects.requireNonNull(user, "user");
    this.keyHash = Objects.requireNonNull(keyHash, "keyHash");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  /** The first request made this job. */
  public void complete(String requestFingerprint, long job) {
    this.fingerprint = Objects.requireNonNull(requestFingerprint, "requestFingerprint");
    this.jobId = job;
  }

  public Long id() {
    return id;
  }

  /** The SHA-256 of the first request; null while it is being processed. */
  public String fingerprint() {
    return fingerprint;
  }

  /** The job the first request made; null while it is being processed. */
  public Long jobId() {
    return jobId;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
