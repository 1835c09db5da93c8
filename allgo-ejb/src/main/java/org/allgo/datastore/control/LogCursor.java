package org.allgo.datastore.control;

import java.time.Instant;
import java.util.Optional;
import org.allgo.connector.api.LogEntry;

/**
 * How far a job's live log has followed its container's log: the time of the last message copied,
 * how many messages of that very time were copied, and where the next one goes in the file. The
 * engine reads its log from a time on, that time included, so a reading from {@link #time} is what
 * follows once those messages are passed over; a message written later is always new, even when the
 * engine dropped older ones meanwhile (its log is rotated at its size limit).
 *
 * @param time null before the first message
 */
public record LogCursor(Instant time, int atTime, long position) {

  /** Nothing copied yet. */
  public static final LogCursor START = new LogCursor(null, 0, 0);

  /** The time to read the engine's log from; empty: from its start. */
  public Optional<Instant> since() {
    return Optional.ofNullable(time);
  }

  /** Tells, message after message of a reading from {@link #since}, which ones are new. */
  public Reading reading() {
    return new Reading();
  }

  /** The cursor once {@code entry} is written after it, {@code bytes} of it. */
  public LogCursor advance(LogEntry entry, long bytes) {
    int same = entry.time().equals(time) ? atTime + 1 : 1;
    return new LogCursor(entry.time(), same, position + bytes);
  }

  /** The cursor as a line of text, to be kept beside the live log. */
  public String format() {
    return time == null
        ? "- 0 " + position
        : time.getEpochSecond() + "." + time.getNano() + " " + atTime + " " + position;
  }

  /** A cursor {@link #format}ted; empty when the text is not one. */
  public static Optional<LogCursor> parse(String text) {
    String[] parts = text.strip().split(" ");
    try {
      if (parts.length != 3) {
        return Optional.empty();
      }
      Instant at = null;
      if (!parts[0].equals("-")) {
        String[] secondsAndNanos = parts[0].split("\\.");
        at =
            Instant.ofEpochSecond(
                Long.parseLong(secondsAndNanos[0]), Long.parseLong(secondsAndNanos[1]));
      }
      int same = Integer.parseInt(parts[1]);
      long position = Long.parseLong(parts[2]);
      return same < 0 || position < 0
          ? Optional.empty()
          : Optional.of(new LogCursor(at, same, position));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** One reading of the engine's log from the cursor's time. */
  public final class Reading {

    private int seenAtTime;

    private Reading() {}

    /** True when the message was not copied yet. */
    public boolean isNew(LogEntry entry) {
      if (time == null) {
        return true;
      }
      int order = entry.time().compareTo(time);
      if (order == 0) {
        seenAtTime++;
        return seenAtTime > atTime;
      }
      return order > 0;
    }
  }
}
