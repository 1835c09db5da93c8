package org.allgo.jobs.entity;

/** Why the platform stops a running job's container: the result it ends with. */
public enum StopRequest {
  ABORT(JobResult.ABORTED),
  TIMEOUT(JobResult.TIMEOUT),
  /** It printed more than a job may. */
  LOG_LIMIT(JobResult.ERROR),
  /** Its directory holds more than a job may leave. */
  OUTPUT_LIMIT(JobResult.ERROR);

  private final JobResult result;

  StopRequest(JobResult result) {
    this.result = result;
  }

  public JobResult result() {
    return result;
  }
}
