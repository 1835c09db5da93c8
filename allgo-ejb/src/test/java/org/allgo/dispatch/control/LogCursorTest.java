package org.allgo.dispatch.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.allgo.connector.api.LogChunk;
import org.allgo.connector.api.LogEntry;
import org.junit.jupiter.api.Test;

class LogCursorTest {

  private static final Instant T = Instant.parse("2024-03-01T10:00:00Z");

  private static LogEntry entry(long nanos, String text) {
    return new LogEntry(
        T.plusNanos(nanos),
        new LogChunk(LogChunk.Stream.STDOUT, text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void fromTheStartEverythingIsNew() {
    List<LogEntry> tail = List.of(entry(1, "a\n"), entry(2, "b\n"));

    assertThat(LogCursor.START.after(tail)).contains(tail);
    assertThat(LogCursor.START.advance(tail)).isEqualTo(new LogCursor(entry(2, "b\n"), 4));
  }

  @Test
  void whatFollowsTheLastCopiedMessageIsNew() {
    LogCursor cursor = new LogCursor(entry(2, "b\n"), 4);

    assertThat(cursor.after(List.of(entry(1, "a\n"), entry(2, "b\n"), entry(3, "c\n"))))
        .contains(List.of(entry(3, "c\n")));
    assertThat(cursor.after(List.of(entry(2, "b\n")))).contains(List.of());
  }

  @Test
  void theSameTextAtAnotherTimeIsAnotherMessage() {
    LogCursor cursor = new LogCursor(entry(2, "same\n"), 5);

    assertThat(cursor.after(List.of(entry(2, "same\n"), entry(3, "same\n"))))
        .contains(List.of(entry(3, "same\n")));
    assertThat(cursor.after(List.of(entry(3, "same\n"), entry(4, "same\n")))).isEmpty();
  }

  @Test
  void copyingNothingKeepsTheCursor() {
    LogCursor cursor = new LogCursor(entry(2, "b\n"), 4);

    assertThat(cursor.advance(List.of())).isSameAs(cursor);
    assertThat(cursor.advance(List.of(entry(3, "ccc\n"))).position()).isEqualTo(8);
  }
}
