package org.allgo.it.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.allgo.it.Api;
import org.junit.jupiter.api.Test;

/** Following a job as Server-Sent Events: its states, its log lines while it runs, the end. */
class JobEventsIT extends ToolJobTest {

  private static final Duration WITHIN = Duration.ofSeconds(30);

  @Test
  void logLinesArriveWhileTheJobRunsThenItsEndedStateLast() {
    long id = Jobs.run(devel, tool, "count 10", null);
    List<EventStream.Event> events = new ArrayList<>();

    try (EventStream stream = EventStream.open(devel.token(), "/api/v2/jobs/" + id + "/events")) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.header("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
      EventStream.Event event;
      do {
        event = stream.next(WITHIN);
        events.add(event);
      } while (!(event.name().equals("log")
          && event.json().getString("text").contains("line 1\n")));
      // The program prints a line a second for ten seconds: it is still running.
      assertThat(Jobs.get(devel, id).getString("state")).isEqualTo("RUNNING");
      events.addAll(stream.rest(WITHIN));
    }

    assertThat(events)
        .filteredOn(e -> e.name().equals("state"))
        .extracting(e -> e.json().getString("state"))
        .endsWith("RUNNING", "DONE")
        .doesNotHaveDuplicates();
    EventStream.Event last = events.get(events.size() - 1);
    assertThat(last.name()).isEqualTo("state");
    assertThat(last.json().getString("result")).isEqualTo("SUCCESS");
    String log =
        String.join(
            "",
            events.stream()
                .filter(e -> e.name().equals("log"))
                .map(e -> e.json().getString("text"))
                .toList());
    assertThat(log)
        .isEqualTo(Jobs.file(devel, id, "allgo.log"))
        .startsWith("line 1\nline 2\n")
        .contains("line 10\n")
        .contains("result:    SUCCESS");
  }

  @Test
  void logEventsAreNumberedByOffsetAndAReconnectionResumesAtTheLastOne() {
    long id = Jobs.run(devel, tool, "args one two three", null);
    Jobs.awaitEnd(devel, id, WITHIN);
    String log = Jobs.file(devel, id, "allgo.log");
    int afterOne = "[one]\n".length();

    List<EventStream.Event> resumed;
    try (EventStream stream =
        EventStream.open(
            devel.token(),
            "/api/v2/jobs/" + id + "/events",
            "Last-Event-ID",
            Integer.toString(afterOne))) {
      resumed = stream.rest(WITHIN);
    }

    List<EventStream.Event> lines = resumed.stream().filter(e -> e.name().equals("log")).toList();
    assertThat(lines).isNotEmpty();
    JsonObject first = lines.get(0).json();
    assertThat(first.getJsonNumber("offset").longValue()).isEqualTo(afterOne);
    assertThat(first.getString("text")).startsWith("[two]\n[three]\n");
    EventStream.Event lastLine = lines.get(lines.size() - 1);
    assertThat(lastLine.id()).isEqualTo(Integer.toString(log.length()));
    assertThat(resumed.get(resumed.size() - 1).json().getString("state")).isEqualTo("DONE");
  }

  @Test
  void onlyTheOwnerFollowsAJob() {
    long id = Jobs.run(devel, tool, "exit 0", null);

    try (EventStream guest =
            EventStream.open(
                Api.asDevelopmentUser("guest@localhost").token(),
                "/api/v2/jobs/" + id + "/events");
        EventStream anonymous = EventStream.open(null, "/api/v2/jobs/" + id + "/events");
        EventStream unknown = EventStream.open(devel.token(), "/api/v2/jobs/999999999/events")) {
      assertThat(guest.status()).isEqualTo(404);
      assertThat(guest.header("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(guest.json().getString("code")).isEqualTo("job-not-found");
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(unknown.status()).isEqualTo(404);
    }
  }
}
