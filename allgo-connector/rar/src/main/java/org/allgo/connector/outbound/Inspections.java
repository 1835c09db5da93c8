package org.allgo.connector.outbound;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.allgo.connector.api.ContainerInfo;
import org.allgo.connector.api.ContainerSummary;
import org.allgo.connector.api.ExitStatus;

/** docker-java's answers as the api's records. */
final class Inspections {

  private static final Instant NEVER = Instant.parse("0001-01-01T00:00:00Z");

  private Inspections() {}

  static ContainerInfo info(InspectContainerResponse response) {
    var state = response.getState();
    boolean ended =
        !Boolean.TRUE.equals(state.getRunning()) && instant(state.getFinishedAt()).isAfter(NEVER);
    Optional<ExitStatus> exit = ended ? Optional.of(exitStatus(response)) : Optional.empty();
    return new ContainerInfo(
        response.getId(),
        name(response.getName()),
        response.getConfig().getImage(),
        state.getStatus(),
        labels(response.getConfig().getLabels()),
        exit);
  }

  static ExitStatus exitStatus(InspectContainerResponse response) {
    var state = response.getState();
    Long code = state.getExitCodeLong();
    return new ExitStatus(
        code == null ? -1 : code,
        Boolean.TRUE.equals(state.getOOMKilled()),
        false,
        instant(state.getStartedAt()),
        instant(state.getFinishedAt()));
  }

  static ContainerSummary summary(Container container) {
    String[] names = container.getNames();
    String name = names == null || names.length == 0 ? "" : name(names[0]);
    return new ContainerSummary(
        container.getId(),
        name,
        container.getImage(),
        container.getState(),
        labels(container.getLabels()));
  }

  /** A container name without the engine's leading slash. */
  static String name(String name) {
    return name != null && name.startsWith("/") ? name.substring(1) : String.valueOf(name);
  }

  static Instant instant(String text) {
    if (text == null || text.isEmpty()) {
      return NEVER;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return NEVER;
    }
  }

  private static Map<String, String> labels(Map<String, String> labels) {
    return labels == null ? Map.of() : labels;
  }
}
