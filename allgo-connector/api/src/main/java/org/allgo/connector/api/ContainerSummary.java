package org.allgo.connector.api;

import java.util.Map;

/** A container as listed: enough to reconcile the application's records with the engine. */
public record ContainerSummary(
    String id, String name, String image, String state, Map<String, String> labels) {

  public ContainerSummary {
    labels = Map.copyOf(labels);
  }

  public boolean running() {
    return "running".equals(state);
  }
}
