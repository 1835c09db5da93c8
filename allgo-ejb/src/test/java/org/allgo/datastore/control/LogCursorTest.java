package org.allgo.datastore.control;

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

  private static List<LogEntry> news(LogCursor cursor, List<LogEntry> reading) {
    LogCursor.Reading read = cursor.reading();
    return reading.stream().filter(read::isNew).toList();
  }

  @Test
  void fromTheStartEverythingIsNew() {
    List<LogEntry> log = List.of(entry(1, "a\n"), entry(2, "b\n"));

    assertThat(LogCursor.START.since()).isEmpty();
    assertThat(news(LogCursor.START, log)).isEqualTo(log);
    assertThat(LogCursor.START.advance(log.get(0), 2).advance(log.get(1), 2))
        .isEqualTo(new LogCursor(T.plusNanos(2), 1, 4));
  }

  @Test
  void whatFollowsTheMessagesOfTheCursorsTimeIsNew() {
    LogCursor cursor = new LogCursor(T.plusNanos(2), 1, 4);

    assertThat(cursor.since()).contains(T.plusNanos(2));
    assertThat(news(cursor, List.of(entry(2, "b\n"), entry(3, "c\n"))))
        .containsExactly(entry(3, "c\n"));
    assertThat(news(cursor, List.of(entry(2, "b\n")))).isEmpty();
  }

  @Test
  void messagesOfTheSameTimeAreCountedOneByOne() {
    LogCursor one = LogCursor.START.advance(entry(5, "x\n"), 2);
    LogCursor two = one.advance(entry(5, "x\n"), 2);

    assertThat(two).isEqualTo(new LogCursor(T.plusNanos(5), 2, 4));
    assertThat(news(one, List.of(entry(5, "x\n"), entry(5, "x\n"), entry(6, "y\n"))))
        .containsExactly(entry(5, "x\n"), entry(6, "y\n"));
    assertThat(news(two, List.of(entry(5, "x\n"), entry(5, "x\n"), entry(6, "y\n"))))
        .containsExactly(entry(6, "y\n"));
  }

  @Test
  void laterMessagesAreNewEvenWhenTheEngineDroppedTheCursorsOnes() {
    LogCursor cursor = new LogCursor(T.plusNanos(2), 1, 4);

    assertThat(news(cursor, List.of(entry(7, "g\n"), entry(8, "h\n"))))
        .containsExactly(entry(7, "g\n"), entry(8, "h\n"));
  }

  @Test
  void aCursorIsKeptAsALineOfText() {
    LogCursor cursor = new LogCursor(T.plusNanos(123_456_789), 3, 1_000_000_000_000L);

    assertThat(LogCursor.parse(cursor.format())).contains(cursor);
    assertThat(LogCursor.parse(LogCursor.START.format())).contains(LogCursor.START);
    assertThat(LogCursor.parse("garbage")).isEmpty();
    assertThat(LogCursor.parse("1.2 -1 5")).isEmpty();
    assertThat(LogCursor.parse("")).isEmpty();
  }
}
