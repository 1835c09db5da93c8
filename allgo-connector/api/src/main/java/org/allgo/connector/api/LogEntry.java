package org.allgo.connector.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of a container's log as the engine keeps it: a line, or a piece of a very long one,
 * with the time the engine received it. Two entries are equal when time, stream and bytes are.
 */
public record LogEntry(Instant time, LogChunk chunk) {

  public LogEntry {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(chunk, "chunk");
  }
}
