package org.allgo.connector.outbound;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.allgo.connector.adapter.EngineClient;
import org.allgo.connector.adapter.Failures;
import org.allgo.connector.api.LogChunk;
import org.allgo.connector.api.LogEntry;
import org.allgo.connector.api.LogSink;

/**
 * A container's log read from the engine frame by frame, as it sends it: whole, its tail, or from a
 * time on. The container is the environment's, checked by the caller ({@code id}).
 */
final class LogFrames {

  private final EngineClient client;

  LogFrames(EngineClient client) {
    this.client = client;
  }

  List<LogChunk> all(String id, String container) {
    List<LogChunk> chunks = new ArrayList<>();
    frames(id, container, "", chunks::add);
    return chunks;
  }

  List<LogEntry> tail(String id, String container, int count) {
    List<LogEntry> entries = new ArrayList<>();
    frames(
        id,
        container,
        "&timestamps=1&tail=" + (count < 0 ? "all" : Integer.toString(count)),
        frame -> entries.add(TimestampedFrames.entry(frame)));
    return entries;
  }

  void read(String id, String container, Instant since, LogSink sink) {
    String options = since == null ? "&timestamps=1" : "&timestamps=1&since=" + since(since);
    frames(id, container, options, frame -> sink.accept(TimestampedFrames.entry(frame)));
  }

  /** An instant as the engine's {@code since}: seconds and nanoseconds. */
  static String since(Instant time) {
    return String.format(Locale.ROOT, "%d.%09d", time.getEpochSecond(), time.getNano());
  }

  // Frame by frame from the engine's response, until its end or until the reader returns false.
  // The response is closed, not its body: closing the body would read the rest of it first.
  private void frames(String id, String container, String options, Predicate<LogChunk> reader) {
    String what = "Cannot read the logs of container " + container;
    var response =
        client.send(
            "GET", "/containers/" + id + "/logs?stdout=1&stderr=1" + options, Map.of(), null, what);
    try (response) {
      FrameReader frames = new FrameReader(response.getBody());
      for (Optional<LogChunk> chunk = frames.next(); chunk.isPresent(); chunk = frames.next()) {
        if (!reader.test(chunk.get())) {
          return;
        }
      }
    } catch (IOException e) {
      throw Failures.unavailable(what, e);
    }
  }
}
