package org.allgo.submission.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.allgo.accounts.entity.User;
import org.allgo.jobs.control.JobAccess;
import org.allgo.jobs.control.JobStore;
import org.allgo.platform.BusinessException;
import org.allgo.submission.entity.JobUpload;
import org.allgo.submission.entity.UploadView;

/**
 * The records of files uploaded ahead of jobs, each change in a transaction of its own. An upload
 * is its owner's only: anyone else is told there is no such upload.
 */
@Stateless
public class JobUploads {

  /** How long an upload waits for a job. */
  public static final Duration LIFETIME = Duration.ofHours(6);

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "allgo")
  EntityManager em;

  @Inject JobAccess access;

  /** A new upload id: 128 random bits in lower-case hex. */
  public static String newId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The caller's uploads that wait for a job, oldest first. */
  public List<UploadView> waiting() {
    return waitingOf(access.caller()).stream().map(JobUpload::view).toList();
  }

  /** Records a stored upload of the caller. */
  public UploadView add(String id, String name, long size) {
    Instant now = Instant.now();
    JobUpload upload = new JobUpload(id, access.caller(), name, size, now, now.plus(LIFETIME));
    em.persist(upload);
    return upload.view();
  }

  public UploadView get(String id) {
    return owned(id).view();
  }

  /** Forgets the caller's upload; its file is the caller's to delete. */
  public void remove(String id) {
    em.remove(owned(id));
  }

  /** The caller's uploads a submission names, in its order: each waiting for a job, not expired. */
  public List<UploadView> usable(List<String> ids) {
    Instant now = Instant.now();
    return ids.stream().map(id -> usable(owned(id), now).view()).toList();
  }

  /** The job takes the uploads: their records are locked, checked again, and marked. */
  public void take(List<String> ids, long jobId) {
    Instant now = Instant.now();
    for (String id : ids) {
      owned(id);
      JobUpload upload = em.find(JobUpload.class, id, LockModeType.PESSIMISTIC_WRITE);
      usable(upload, now).takenBy(jobId);
    }
  }

  /** The uploads past their expiry, taken or not. */
  // Compared here rather than in JPQL: the instant converter does not apply to query parameters.
  public List<String> expired(Instant now) {
    return em.createNamedQuery(JobUpload.EXPIRY, Object[].class)
        .getResultStream()
        .filter(row -> !JobStore.instant(row[1]).isAfter(now))
        .map(row -> (String) row[0])
        .toList();
  }

  public void forget(String id) {
    Optional.ofNullable(em.find(JobUpload.class, id)).ifPresent(em::remove);
  }

  /** How many uploads of a user wait for a job, and their bytes. */
  public record Waiting(int count, long bytes) {}

  public Waiting waitingTotal() {
    List<JobUpload> waiting = waitingOf(access.caller());
    return new Waiting(waiting.size(), waiting.stream().mapToLong(JobUpload::size).sum());
  }

  private List<JobUpload> waitingOf(User user) {
    Instant now = Instant.now();
    return em.createNamedQuery(JobUpload.WAITING_OF_USER, JobUpload.class)
        .setParameter("user", user)
        .getResultStream()
        .filter(u -> !u.isExpired(now))
        .toList();
  }

  private JobUpload owned(String id) {
    User caller = access.caller();
    JobUpload upload =
        id == null || !id.matches("[0-9a-f]{32}") ? null : em.find(JobUpload.class, id);
    if (upload == null || !upload.isOwnedBy(caller)) {
      throw BusinessException.notFound(
          "upload-not-found", "There is no upload " + printable(id) + ".");
    }
    return upload;
  }

  private static JobUpload usable(JobUpload upload, Instant now) {
    if (upload.isTaken()) {
      throw BusinessException.conflict(
          "upload-used",
          "The upload "
              + upload.id()
              + " ("
              + upload.name()
              + ") was taken by job "
              + upload.jobId()
              + " already: upload the file again.");
    }
    if (upload.isExpired(now)) {
      throw BusinessException.gone(
          "upload-expired",
          "The upload " + upload.id() + " (" + upload.name() + ") expired: upload the file again.");
    }
    return upload;
  }

  private static String printable(String id) {
    return id == null
        ? ""
        : id.length() > 40 || !id.matches("[0-9A-Za-z_-]*") ? "with that id" : id;
  }
}
