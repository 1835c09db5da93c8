package org.allgo.jobs.entity;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What a job list shows, narrowed by state, webapp, owner and creation date. Null fields do not
 * narrow.
 *
 * @param state null for any but DELETED
 * @param webapp a docker name
 * @param owner part of the owner's e-mail address (in lists of every user's jobs)
 * @param from created on this day or later (server's time zone)
 * @param to created on this day or earlier
 */
public record JobFilter(JobState state, String webapp, String owner, LocalDate from, LocalDate to)
    implements Serializable {

  /** The caller's own jobs, all of them. */
  public static JobFilter mine() {
    return new JobFilter(null, null, null, null, null);
  }
}
