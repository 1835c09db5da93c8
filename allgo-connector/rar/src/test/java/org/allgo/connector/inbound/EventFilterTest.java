package org.allgo.connector.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.allgo.connector.api.ContainerEvent;
import org.allgo.connector.api.ContainerEvent.Action;
import org.junit.jupiter.api.Test;

class EventFilterTest {

  @Test
  void parsesLabelsAndActions() {
    EventFilter filter = EventFilter.parse(" allgo.env=dev , allgo.kind=job", "die,OOM");

    assertThat(filter.labels())
        .containsExactlyInAnyOrderEntriesOf(Map.of("allgo.env", "dev", "allgo.kind", "job"));
    assertThat(filter.actions()).containsExactlyInAnyOrder(Action.DIE, Action.OOM);
    assertThat(filter.engineFilters())
        .isEqualTo(
            "{\"type\":[\"container\"],\"event\":[\"die\",\"oom\"],\"label\":[\"allgo.env=dev\",\"allgo.kind=job\"]}");
  }

  @Test
  void refusesWhatItCannotPass() {
    assertThrows(IllegalArgumentException.class, () -> EventFilter.parse("allgo.env", "die"));
    assertThrows(IllegalArgumentException.class, () -> EventFilter.parse("a=b\"}", "die"));
    assertThrows(IllegalArgumentException.class, () -> EventFilter.parse("", "start"));
    assertThrows(IllegalArgumentException.class, () -> EventFilter.parse("", ""));
  }

  @Test
  void matchesOnAllLabelsAndTheAction() {
    EventFilter filter = new EventFilter(Map.of("allgo.env", "dev"), Set.of(Action.DIE));

    assertThat(filter.matches(event(Action.DIE, Map.of("allgo.env", "dev", "x", "y")))).isTrue();
    assertThat(filter.matches(event(Action.DIE, Map.of("allgo.env", "prod")))).isFalse();
    assertThat(filter.matches(event(Action.KILL, Map.of("allgo.env", "dev")))).isFalse();
  }

  @Test
  void decodesTheEnginesEvents() throws Exception {
    String json =
        "{\"Type\":\"container\",\"Action\":\"die\",\"Actor\":{\"ID\":\"abc\",\"Attributes\":"
            + "{\"allgo.env\":\"dev\",\"exitCode\":\"137\",\"image\":\"busybox\",\"name\":\"dev-job-1\"}},"
            + "\"time\":1700000000,\"timeNano\":1700000000123456789}";

    ContainerEvent event = EventDecoder.decode(new ObjectMapper().readTree(json)).orElseThrow();

    assertThat(event)
        .isEqualTo(
            new ContainerEvent(
                "abc",
                "dev-job-1",
                Action.DIE,
                Map.of("allgo.env", "dev"),
                Instant.ofEpochSecond(1700000000, 123456789),
                OptionalLong.of(137)));
    assertThat(EventDecoder.since(event.time())).isEqualTo("1700000000.123456789");
    assertThat(
            EventDecoder.decode(
                new ObjectMapper().readTree("{\"Type\":\"container\",\"Action\":\"start\"}")))
        .isEmpty();
    assertThat(
            EventDecoder.decode(
                new ObjectMapper().readTree("{\"Type\":\"network\",\"Action\":\"die\"}")))
        .isEmpty();
  }

  @Test
  void replayedEventsAreRecognised() {
    RecentEvents recent = new RecentEvents(2);
    ContainerEvent first = event(Action.DIE, Map.of());

    assertThat(recent.firstTime(first)).isTrue();
    assertThat(recent.firstTime(first)).isFalse();
  }

  private static ContainerEvent event(Action action, Map<String, String> labels) {
    return new ContainerEvent("id", "dev-x", action, labels, Instant.EPOCH, OptionalLong.empty());
  }
}
