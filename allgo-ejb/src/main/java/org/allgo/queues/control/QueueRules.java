package org.allgo.queues.control;

import java.util.regex.Pattern;
import org.allgo.platform.BusinessException;

/**
 * What a queue's fields may hold, for the admin page and the API alike; each refusal says what is
 * expected. Texts are trimmed.
 */
public final class QueueRules {

  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  static final int MAX_DESCRIPTION = 255;
  static final int MAX_TIMEOUT = 7 * 24 * 3600;
  static final int MIN_CPU = 10;
  static final int MAX_CPU = 256_000;
  static final int MAX_JOBS = 10_000;
  static final int MAX_RETENTION = 3650;

  private QueueRules() {}

  public static String name(String value) {
    String name = value == null ? "" : value.strip();
    if (!NAME.matcher(name).matches()) {
      throw BusinessException.invalid(
          "invalid-queue-name",
          "A queue name has 1 to 64 lower-case letters, digits, '-' or '_', as in 'long-jobs'.");
    }
    return name;
  }

  public static String description(String value) {
    String text = value == null ? "" : value.strip();
    if (text.length() > MAX_DESCRIPTION || text.chars().anyMatch(Character::isISOControl)) {
      throw BusinessException.invalid(
          "invalid-description",
          "A queue's description has at most " + MAX_DESCRIPTION + " printable characters.");
    }
    return text;
  }

  public static int timeout(int seconds) {
    return range(
        seconds, 1, MAX_TIMEOUT, "timeoutSeconds", "The timeout is between 1 second and 7 days.");
  }

  public static int cpu(int millis) {
    return range(
        millis,
        MIN_CPU,
        MAX_CPU,
        "cpuMillis",
        "The CPU share is between " + MIN_CPU + " and " + MAX_CPU + " thousandths of a CPU.");
  }

  /** A queue runs at least one job at a time. */
  public static int maxJobs(int jobs) {
    return range(
        jobs,
        1,
        MAX_JOBS,
        "maxJobs",
        "The number of concurrent jobs is between 1 and " + MAX_JOBS + ".");
  }

  /** Zero archives the queue's jobs at the next purge after they ended. */
  public static int retention(int days) {
    return range(
        days,
        0,
        MAX_RETENTION,
        "retentionDays",
        "The retention is between 0 and " + MAX_RETENTION + " days.");
  }

  private static int range(int value, int min, int max, String field, String message) {
    if (value < min || value > max) {
      throw BusinessException.invalid("invalid-" + field, message);
    }
    return value;
  }
}
