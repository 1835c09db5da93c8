package org.allgo.jobs.entity;

/** Why the platform stops a running job's container: the result it ends with. */
public enum StopRequest {
  ABORT(JobResult.ABORTED),
  TIMEOUT(JobResult.TIMEOUT);

  private final JobResult result;

  StopRequest(JobResult result) {
    this.result = result;
  }

  public JobResult result() {
    return result;
  }
}
