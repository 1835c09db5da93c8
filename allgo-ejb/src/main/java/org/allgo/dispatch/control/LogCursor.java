package org.allgo.dispatch.control;

import java.util.List;
import java.util.Optional;
import org.allgo.connector.api.LogEntry;

/**
 * How far a job's live log has followed its container's log: the last message copied and where the
 * next one goes in the file. The engine's log only grows, so what follows that message in a tail of
 * it is what the live log lacks.
 *
 * @param last null before the first message
 */
public record LogCursor(LogEntry last, long position) {

  /** Nothing copied yet. */
  public static final LogCursor START = new LogCursor(null, 0);

  /**
   * The messages after this cursor in a tail of the log; empty when the tail does not reach back to
   * the last message copied.
   */
  public Optional<List<LogEntry>> after(List<LogEntry> tail) {
    if (last == null) {
      return Optional.of(tail);
    }
    for (int i = tail.size() - 1; i >= 0; i--) {
      if (tail.get(i).equals(last)) {
        return Optional.of(tail.subList(i + 1, tail.size()));
      }
    }
    return Optional.empty();
  }

  /** The cursor once {@code copied} are written after it. */
  public LogCursor advance(List<LogEntry> copied) {
    if (copied.isEmpty()) {
      return this;
    }
    long bytes = copied.stream().mapToLong(e -> e.chunk().bytes().length).sum();
    return new LogCursor(copied.get(copied.size() - 1), position + bytes);
  }
}
