package org.allgo.admin.control;

import java.util.regex.Pattern;
import org.allgo.admin.entity.QueueDraft;
import org.allgo.platform.BusinessException;

/** What a job queue's settings may be. */
public final class QueueRules {

  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  static final int MAX_DESCRIPTION = 255;

  private QueueRules() {}

  /** The draft with its texts trimmed; refuses a bad name or a number out of its range. */
  public static QueueDraft check(QueueDraft draft) {
    String name = draft.name() == null ? "" : draft.name().strip();
    if (!NAME.matcher(name).matches()) {
      throw BusinessException.invalid(
          "queue-name-invalid",
          "A queue name is 1 to 64 lower-case"
              + " letters, digits, '-' or '_', starting with a letter or digit.");
    }
    String description = draft.description() == null ? "" : draft.description().strip();
    if (description.length() > MAX_DESCRIPTION) {
      throw BusinessException.invalid(
          "queue-description-too-long",
          "The description is at most " + MAX_DESCRIPTION + " characters.");
    }
    range(draft.timeoutSeconds(), 1, 7 * 24 * 3600, "The timeout", "seconds");
    range(draft.cpuMillis(), 1, 256_000, "The CPU share", "thousandths of a CPU");
    range(draft.maxJobs(), 1, 10_000, "The number of concurrent jobs", "");
    range(draft.retentionDays(), 1, 3650, "The retention", "days");
    return new QueueDraft(
        name,
        description,
        draft.timeoutSeconds(),
        draft.cpuMillis(),
        draft.maxJobs(),
        draft.retentionDays(),
        draft.isDefault());
  }

  private static void range(int value, int min, int max, String what, String unit) {
    if (value < min || value > max) {
      throw BusinessException.invalid(
          "queue-setting-invalid",
          what + " is from " + min + " to " + max + (unit.isEmpty() ? "" : " " + unit) + ".");
    }
  }
}
