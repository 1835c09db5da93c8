package org.allgo.jobs.entity;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What a job list shows: one user's jobs, or everyone's for superusers, narrowed by state, webapp,
 * owner and creation date. Null fields do not narrow.
 *
 * @param everyone every user's jobs rather than the caller's (superusers only)
 * @param state null for any but DELETED
 * @param webapp a docker name
 * @param owner part of the owner's e-mail address (with {@code everyone})
 * @param from created on this day or later (server's time zone)
 * @param to created on this day or earlier
 */
public record JobFilter(
    boolean everyone, JobState state, String webapp, String owner, LocalDate from, LocalDate to)
    implements Serializable {

  /** The caller's own jobs, all of them. */
  public static JobFilter mine() {
    return new JobFilter(false, null, null, null, null, null);
  }
}
