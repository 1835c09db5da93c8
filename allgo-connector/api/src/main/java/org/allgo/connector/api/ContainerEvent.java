package org.allgo.connector.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Something that happened to a container, as the engine reported it.
 *
 * @param exitCode present for {@link Action#DIE}
 */
public record ContainerEvent(
    String containerId,
    String name,
    Action action,
    Map<String, String> labels,
    Instant time,
    OptionalLong exitCode) {

  /** The lifecycle events the connector delivers. */
  public enum Action {
    /** The container stopped; carries the exit code. */
    DIE,
    /** The kernel killed one of its processes for want of memory. */
    OOM,
    /** A signal was sent to it. */
    KILL
  }

  public ContainerEvent {
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(action, "action");
    labels = Map.copyOf(labels);
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(exitCode, "exitCode");
  }
}
