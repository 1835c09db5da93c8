package org.allgo.dispatch.control;

import java.time.Duration;
import java.time.Instant;
import org.allgo.connector.api.ContainerInfo;
import org.allgo.connector.api.ExitStatus;
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

  /**
   * How long its program ran: from its container's start, or for a warm container, from the job's
   * start (the hand-over), the container having waited before.
   */
  public Duration ran(ContainerInfo container, ExitStatus exit) {
    Instant began = exit.startedAt();
    if (container.labels().containsKey(JobContainers.WARM_LABEL)
        && startedAt != null
        && startedAt.isAfter(began)) {
      began = startedAt;
    }
    return exit.finishedAt().isBefore(began)
        ? Duration.ZERO
        : Duration.between(began, exit.finishedAt());
  }

  public boolean overdue(Instant now) {
    return startedAt != null && startedAt.plusSeconds(timeoutSeconds).isBefore(now);
  }
}
