package org.allgo.jobs.entity;

/**
 * How a job ended: SUCCESS (exit code 0), ERROR (non-zero exit code, or a platform failure whose
 * reason the job carries), ABORTED by its owner or a superuser, TIMEOUT (killed at the queue's
 * timeout); NONE until it ends.
 */
public enum JobResult {
  NONE,
  SUCCESS,
  ERROR,
  ABORTED,
  TIMEOUT;

  /** The result of a program that ended, given why the platform stopped it, if it did. */
  public static JobResult of(StopRequest stop, long exit, boolean oom, String failure) {
    if (stop != null) {
      return stop.result();
    }
    return failure != null || oom || exit != 0 ? ERROR : SUCCESS;
  }
}
