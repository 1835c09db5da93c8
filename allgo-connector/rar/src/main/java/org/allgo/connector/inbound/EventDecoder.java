package org.allgo.connector.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.allgo.connector.api.ContainerEvent;

/** The engine's JSON events as {@link ContainerEvent}s; other events are skipped. */
final class EventDecoder {

  // Attributes the engine adds to a container's labels in an event.
  private static final Set<String> NOT_LABELS =
      Set.of("image", "name", "exitCode", "signal", "execDuration");

  private EventDecoder() {}

  static Optional<ContainerEvent> decode(JsonNode event) {
    if (!"container".equals(event.path("Type").asText())) {
      return Optional.empty();
    }
    ContainerEvent.Action action;
    try {
      action =
          ContainerEvent.Action.valueOf(event.path("Action").asText().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    JsonNode actor = event.path("Actor");
    JsonNode attributes = actor.path("Attributes");
    Map<String, String> labels = new LinkedHashMap<>();
    attributes
        .fields()
        .forEachRemaining(
            field -> {
              if (!NOT_LABELS.contains(field.getKey())) {
                labels.put(field.getKey(), field.getValue().asText());
              }
            });
    OptionalLong exitCode =
        attributes.has("exitCode")
            ? OptionalLong.of(attributes.get("exitCode").asLong())
            : OptionalLong.empty();
    return Optional.of(
        new ContainerEvent(
            actor.path("ID").asText(),
            attributes.path("name").asText(),
            action,
            labels,
            time(event.path("timeNano").asLong()),
            exitCode));
  }

  /** The engine's nanosecond timestamp as an instant. */
  static Instant time(long nanos) {
    return Instant.ofEpochSecond(0, nanos);
  }

  /** An instant as the engine's {@code since}: seconds and nanoseconds. */
  static String since(Instant time) {
    return String.format(Locale.ROOT, "%d.%09d", time.getEpochSecond(), time.getNano());
  }
}
