package org.allgo.connector.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.allgo.connector.api.DockerException;
import org.allgo.connector.api.LogChunk;
import org.allgo.connector.api.LogEntry;
import org.junit.jupiter.api.Test;

class TimestampedFramesTest {

  private static LogChunk frame(LogChunk.Stream stream, String text) {
    return new LogChunk(stream, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theTimeIsTakenOffTheMessage() {
    LogEntry entry =
        TimestampedFrames.entry(
            frame(LogChunk.Stream.STDERR, "2024-03-01T10:00:00.123456789Z two words\n"));

    assertThat(entry.time()).isEqualTo(Instant.parse("2024-03-01T10:00:00.123456789Z"));
    assertThat(entry.chunk()).isEqualTo(frame(LogChunk.Stream.STDERR, "two words\n"));
  }

  @Test
  void timesWithAnOffsetAndEmptyMessagesAreRead() {
    LogEntry entry =
        TimestampedFrames.entry(
            frame(LogChunk.Stream.STDOUT, "2024-03-01T12:00:00.000000001+02:00 "));

    assertThat(entry.time()).isEqualTo(Instant.parse("2024-03-01T10:00:00.000000001Z"));
    assertThat(entry.chunk().bytes()).isEmpty();
  }

  @Test
  void aFrameWithoutTimeIsRefused() {
    assertThrows(
        DockerException.class,
        () -> TimestampedFrames.entry(frame(LogChunk.Stream.STDOUT, "plain output")));
    assertThrows(
        DockerException.class,
        () -> TimestampedFrames.entry(frame(LogChunk.Stream.STDOUT, "yesterday: x")));
  }
}
