package org.allgo.dispatch.control;

import java.time.Instant;
import org.allgo.jobs.entity.StopRequest;

/**
 * A RUNNING job as the dispatcher supervises it.
 *
 * @param containerId null until its container was started
 * @param stopRequest null unless the platform is to stop it
 */
public record RunningJob(
    long jobId,
    String containerId,
    String claimedBy,
    Instant startedAt,
    int timeoutSeconds,
    StopRequest stopRequest,
    String webapp,
    String version) {

  public boolean overdue(Instant now) {
    return startedAt != null && startedAt.plusSeconds(timeoutSeconds).isBefore(now);
  }
}
