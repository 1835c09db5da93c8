package org.allgo.submission.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.allgo.accounts.control.Tokens;
import org.allgo.accounts.entity.User;
import org.allgo.jobs.control.JobAccess;
import org.allgo.jobs.control.JobStore;
import org.allgo.platform.BusinessException;
import org.allgo.submission.entity.IdempotencyKey;

/**
 * The Idempotency-Keys of job submissions (IETF draft httpapi-idempotency-key-header): per caller,
 * kept a day. Each change in a transaction of its own, so that a reservation is seen by a
 * concurrent retry at once.
 */
@Stateless
public class IdempotencyKeys {

  /** How long a key is remembered. */
  public static final Duration LIFETIME = Duration.ofHours(24);

  static final int MAX_LENGTH = 255;

  /**
   * A key as the caller's request found it.
   *
   * @param fresh this request reserved it: it is the first
   * @param jobId the job the first request made; null while it is being processed
   */
  public record Reservation(long id, boolean fresh, Long jobId, String fingerprint) {}

  @PersistenceContext(unitName = "allgo")
  EntityManager em;

  @Inject JobAccess access;

  /** Reserves the key for this request, or tells what the first request with it did. */
  public Reservation reserve(String key) {
    User caller = access.caller();
    String hash = hash(key);
    Instant now = Instant.now();
    Optional<IdempotencyKey> found =
        em.createNamedQuery(IdempotencyKey.OF_USER, IdempotencyKey.class)
            .setParameter("user", caller)
            .setParameter("hash", hash)
            .getResultStream()
            .findFirst();
    if (found.isPresent() && found.get().createdAt().plus(LIFETIME).isAfter(now)) {
      IdempotencyKey first = found.get();
      return new Reservation(first.id(), false, first.jobId(), first.fingerprint());
    }
    // Forgotten after a day: the key starts again. Removed first, for the unique constraint.
    found.ifPresent(em::remove);
    em.flush();
    IdempotencyKey reserved = new IdempotencyKey(caller, hash, now);
    try {
      em.persist(reserved);
      em.flush();
    } catch (PersistenceException e) {
      throw inUse();
    }
    return new Reservation(reserved.id(), true, null, null);
  }

  /** The first request made this job. */
  public void complete(long reservation, String fingerprint, long jobId) {
    Optional.ofNullable(em.find(IdempotencyKey.class, reservation))
        .ifPresent(k -> k.complete(fingerprint, jobId));
  }

  /** The first request failed: a retry runs again. */
  public void release(long reservation) {
    Optional.ofNullable(em.find(IdempotencyKey.class, reservation)).ifPresent(em::remove);
  }

  /** Forgets the keys older than a day; returns how many. */
  // Compared here rather than in JPQL: the instant converter does not apply to query parameters.
  public int forget(Instant now) {
    Instant before = now.minus(LIFETIME);
    List<Long> old =
        em.createNamedQuery(IdempotencyKey.CREATED, Object[].class)
            .getResultStream()
            .filter(row -> JobStore.instant(row[1]).isBefore(before))
            .map(row -> (Long) row[0])
            .toList();
    old.forEach(this::release);
    return old.size();
  }

  /** A key as clients send it — a string, quoted or not — checked, then hashed for storage. */
  static String hash(String key) {
    String clean = key.strip();
    if (clean.length() >= 2 && clean.startsWith("\"") && clean.endsWith("\"")) {
      clean = clean.substring(1, clean.length() - 1);
    }
    if (clean.isEmpty()
        || clean.length() > MAX_LENGTH
        || !clean.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw BusinessException.invalid(
          "idempotency-key-invalid",
          "An Idempotency-Key is 1 to "
              + MAX_LENGTH
              + " printable ASCII characters, such as a UUID.");
    }
    return Tokens.hash(clean);
  }

  /** The first request with the key has not finished. */
  public static BusinessException inUse() {
    return BusinessException.conflict(
        "idempotency-key-in-use",
        "A request with this Idempotency-Key is still being processed: retry in a moment.");
  }
}
