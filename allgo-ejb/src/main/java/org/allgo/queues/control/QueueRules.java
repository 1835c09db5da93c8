package org.allgo.queues.control;

import java.util.regex.Pattern;
import org.allgo.platform.BusinessException;

/** What a queue's fields may hold; each refusal says what is expected. */
public final class QueueRules {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  private QueueRules() {}

  public static String name(String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw BusinessException.invalid(
          "invalid-queue-name",
          "A queue name has 1 to 64 lower-case letters, digits, '-' or '_', as in 'long-jobs'.");
    }
    return value;
  }

  public static int timeout(int seconds) {
    return range(
        seconds,
        1,
        30 * 24 * 3600,
        "timeoutSeconds",
        "The timeout is between 1 second and 30 days.");
  }

  public static int cpu(int millis) {
    return range(
        millis,
        10,
        256_000,
        "cpuMillis",
        "The CPU share is between 10 and 256000 thousandths of a CPU.");
  }

  /** Zero pauses the queue: its jobs wait. */
  public static int maxJobs(int jobs) {
    return range(
        jobs,
        0,
        10_000,
        "maxJobs",
        "The number of concurrent jobs is between 0 (paused) and 10000.");
  }

  public static int retention(int days) {
    return range(days, 0, 3650, "retentionDays", "The retention is between 0 and 3650 days.");
  }

  public static String description(String value) {
    String text = value == null ? "" : value.strip();
    if (text.length() > 255 || text.chars().anyMatch(Character::isISOControl)) {
      throw BusinessException.invalid(
          "invalid-description", "A queue's description has at most 255 printable characters.");
    }
    return text;
  }

  private static int range(int value, int min, int max, String field, String message) {
    if (value < min || value > max) {
      throw BusinessException.invalid("invalid-" + field, message);
    }
    return value;
  }
}
