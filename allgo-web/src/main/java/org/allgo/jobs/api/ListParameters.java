package org.allgo.jobs.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.allgo.jobs.entity.JobState;
import org.allgo.platform.BusinessException;

/** The query parameters of a job list, read as the API documents them; bad ones are a 400. */
final class ListParameters {

  private ListParameters() {}

  /** An ISO-8601 time with its offset; null when not given. */
  static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw BusinessException.invalid(
          "invalid-time",
          name
              + " is an ISO-8601 time with its offset, such as"
              + " 2024-05-01T12:00:00Z; not "
              + value
              + ".");
    }
  }

  /** A job state by its name in any case; null when not given. */
  static JobState state(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return JobState.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw BusinessException.invalid(
          "invalid-state",
          "Unknown job state "
              + value
              + ": one of new, waiting, running, done, archived, deleted.");
    }
  }
}
