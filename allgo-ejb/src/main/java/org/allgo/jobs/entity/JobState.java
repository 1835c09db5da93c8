package org.allgo.jobs.entity;

/**
 * Where a job is: NEW while its files are stored, WAITING in its queue, RUNNING once a dispatcher
 * claimed it, DONE when it ended (the result says how); then ARCHIVED (files removed after the
 * queue's retention, record kept) or DELETED by its owner (files removed by the purge job).
 */
public enum JobState {
  NEW,
  WAITING,
  RUNNING,
  DONE,
  ARCHIVED,
  DELETED;

  /** Waiting or running: the job still needs the platform. */
  public boolean active() {
    return this == WAITING || this == RUNNING;
  }

  /** Throws unless the job {@code id} is in the state {@code expected}. */
  void require(JobState expected, Long id) {
    if (this != expected) {
      throw new IllegalStateException("Job " + id + " is " + this + ", not " + expected);
    }
  }

  /** Throws while the job {@code id} still needs the platform. */
  void requireInactive(Long id) {
    if (active()) {
      throw new IllegalStateException("Job " + id + " is " + this);
    }
  }
}
