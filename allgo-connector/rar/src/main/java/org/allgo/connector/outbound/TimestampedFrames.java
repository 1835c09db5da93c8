package org.allgo.connector.outbound;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.allgo.connector.api.DockerException;
import org.allgo.connector.api.LogChunk;
import org.allgo.connector.api.LogEntry;

/**
 * Frames of a log read with {@code timestamps=1}: the engine writes each message as one frame, its
 * RFC 3339 time, a space, then the message.
 */
final class TimestampedFrames {

  // "2006-01-02T15:04:05.000000000+07:00" is the longest time the engine writes.
  private static final int MAX_TIME = 40;

  private TimestampedFrames() {}

  static LogEntry entry(LogChunk frame) {
    byte[] bytes = frame.bytes();
    int space = -1;
    for (int i = 0; i < Math.min(bytes.length, MAX_TIME + 1); i++) {
      if (bytes[i] == ' ') {
        space = i;
        break;
      }
    }
    if (space < 0) {
      throw new DockerException("A log message without its time: " + frame);
    }
    try {
      Instant time =
          OffsetDateTime.parse(new String(bytes, 0, space, StandardCharsets.US_ASCII)).toInstant();
      return new LogEntry(
          time, new LogChunk(frame.stream(), Arrays.copyOfRange(bytes, space + 1, bytes.length)));
    } catch (DateTimeParseException e) {
      throw new DockerException("A log message with an unreadable time: " + e.getMessage(), e);
    }
  }
}
