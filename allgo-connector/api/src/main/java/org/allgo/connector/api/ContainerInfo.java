package org.allgo.connector.api;

import java.util.Map;
import java.util.Optional;

/**
 * A container as the engine inspects it.
 *
 * @param name without the engine's leading slash
 * @param state the engine's word: created, running, paused, restarting, removing, exited, dead
 * @param exit how it ended, once it has
 */
public record ContainerInfo(
    String id,
    String name,
    String image,
    String state,
    Map<String, String> labels,
    Optional<ExitStatus> exit) {

  public ContainerInfo {
    labels = Map.copyOf(labels);
  }

  public boolean running() {
    return "running".equals(state);
  }
}
