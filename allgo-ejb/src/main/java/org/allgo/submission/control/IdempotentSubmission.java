package org.allgo.submission.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.allgo.jobs.entity.JobView;
import org.allgo.platform.BusinessException;

/**
 * A submission under an Idempotency-Key: the first request is remembered with its fingerprint and
 * the job it made; a retry with the same key and fingerprint gets that job, another request under
 * the key is refused with 422, a retry while the first still runs with 409.
 */
@Dependent
public class IdempotentSubmission {

  @Inject IdempotencyKeys keys;

  @Inject Submissions submissions;

  /** The job {@code submission} makes, or made under {@code key} (null: no key, no memory). */
  public JobView submit(String key, Supplier<String> fingerprint, Supplier<JobView> submission) {
    if (key == null) {
      return submission.get();
    }
    IdempotencyKeys.Reservation reservation = keys.reserve(key);
    if (!reservation.fresh()) {
      if (reservation.jobId() == null) {
        throw IdempotencyKeys.inUse();
      }
      if (!reservation.fingerprint().equals(fingerprint.get())) {
        throw BusinessException.unprocessable(
            "idempotency-key-reused",
            "This Idempotency-Key was used for another request: send a new key with a new request.");
      }
      return submissions.view(reservation.jobId());
    }
    try {
      JobView job = submission.get();
      keys.complete(reservation.id(), fingerprint.get(), job.id());
      return job;
    } catch (RuntimeException e) {
      keys.release(reservation.id());
      throw e;
    }
  }
}
