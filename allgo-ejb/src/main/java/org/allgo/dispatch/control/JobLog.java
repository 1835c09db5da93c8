package org.allgo.dispatch.control;

import java.time.Duration;
import java.util.Locale;
import org.allgo.jobs.entity.JobResult;

/** The footer the platform appends to a job's {@code allgo.log}. */
public final class JobLog {

  private JobLog() {}

  public static String footer(
      String webapp,
      String version,
      Long exitCode,
      boolean oom,
      JobResult result,
      String reason,
      Duration duration) {
    StringBuilder footer =
        new StringBuilder("\n---- allgo ----\n")
            .append("webapp:    ")
            .append(webapp)
            .append(' ')
            .append(version)
            .append('\n')
            .append("exit code: ")
            .append(exitCode == null ? "none" : exitCode.toString())
            .append(oom ? " (killed: out of memory)" : "")
            .append('\n')
            .append("result:    ")
            .append(result.name())
            .append('\n');
    if (reason != null) {
      footer.append("reason:    ").append(reason).append('\n');
    }
    return footer.append("duration:  ").append(duration(duration)).append('\n').toString();
  }

  /** Seconds with one decimal, as in {@code 3.2 s}. */
  public static String duration(Duration duration) {
    Duration d = duration.isNegative() ? Duration.ZERO : duration;
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
