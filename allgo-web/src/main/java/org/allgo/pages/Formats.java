package org.allgo.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.allgo.webapps.entity.Visibility;
import org.allgo.webapps.entity.WebappView;

/** {@code #{formats.…}}: sizes, dates and durations as pages show them. */
@Named
@ApplicationScoped
public class Formats {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
          .withZone(ZoneId.systemDefault());
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

  public String bytes(Long bytes) {
    if (bytes == null) {
      return "";
    }
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }

  /**
   * Who sees a webapp, in words: a public one without a version to run stays private to its
   * managers until its first version is READY.
   */
  public String visibility(WebappView webapp) {
    if (webapp.visibility() == Visibility.PRIVATE) {
      return "Private";
    }
    return webapp.defaultVersion() == null ? "Private until a version is ready" : "Public";
  }

  /**
   * A state or kind as a word on a badge: {@code RUNNING} reads "Running", {@code OUT_OF_MEMORY}
   * "Out of memory", a job's result {@code NONE} nothing. The page keeps the value itself in the
   * badge's class (its colour) and {@code data-state}.
   */
  public String word(Object value) {
    if (value == null) {
      return "";
    }
    String name = value.toString();
    if (name.equals("NONE")) {
      return "";
    }
    String words = name.replace('_', ' ').toLowerCase(Locale.ROOT);
    return words.isEmpty() ? "" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  public String when(Instant instant) {
    return instant == null ? "" : WHEN.format(instant);
  }

  /** The current time, for "read at" notes on refreshed pages. */
  public String getNow() {
    return when(Instant.now());
  }

  /** The time between two instants (until now when the end is null), as {@code 1m 05s}. */
  public String duration(Instant start, Instant end) {
    if (start == null) {
      return "";
    }
    return seconds(Duration.between(start, end == null ? Instant.now() : end).toSeconds());
  }

  /** Whole seconds as {@code 45s}, {@code 1m 05s} or {@code 2h 03m}. */
  public String seconds(double value) {
    long seconds = Math.max(0, Math.round(value));
    if (seconds < 60) {
      return seconds + "s";
    }
    return seconds < 3600
        ? String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60)
        : String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
  }
}
