package org.allgo.connector.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.allgo.connector.adapter.AdapterConfig;
import org.allgo.connector.adapter.EnvironmentPolicy;
import org.allgo.connector.api.ContainerSummary;
import org.allgo.connector.api.PolicyRefusedException;
import org.allgo.connector.outbound.SwarmJobs.Service;
import org.allgo.connector.swarm.ServiceState;
import org.allgo.connector.swarm.SwarmApi;

/**
 * The environment's job services, as the swarm describes them: named as their containers would be
 * (the environment's prefix) and labelled with the environment. A service named by a caller that
 * belongs to another environment is refused; one that is not a service name is not looked for.
 * Their states are read from their tasks ({@link ServiceState}).
 */
final class JobServices {

  private static final Pattern CONTAINER_ID = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern SERVICE_REF = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}");

  private final SwarmApi api;
  private final AdapterConfig config;

  JobServices(SwarmApi api, AdapterConfig config) {
    this.api = api;
    this.config = config;
  }

  /** The service of this id or name, if the swarm has one. */
  Optional<Service> find(String ref) {
    if (CONTAINER_ID.matcher(ref).matches() || !SERVICE_REF.matcher(ref).matches()) {
      return Optional.empty();
    }
    return api.service(ref).map(this::owned);
  }

  /** The environment's services carrying all these labels (the environment's among them). */
  List<Service> matching(Map<String, String> labels) {
    return api.services(labels).stream()
        .map(JobServices::describe)
        .filter(s -> s.name().startsWith(config.containerPrefix()))
        .toList();
  }

  /** The service's state, read from its tasks (and their nodes' where it takes them). */
  ServiceState state(Service service) {
    List<JsonNode> tasks = api.tasks(service.id());
    Map<String, String> nodes = ServiceState.needsNodes(tasks) ? api.nodeStates() : Map.of();
    return ServiceState.of(tasks, nodes, Instant.now());
  }

  /** The services with their states, read from the tasks of all the environment's services. */
  List<ContainerSummary> summaries(List<Service> services) {
    if (services.isEmpty()) {
      return List.of();
    }
    List<ContainerSummary> summaries = new ArrayList<>();
    Map<String, List<JsonNode>> tasks = new HashMap<>();
    for (JsonNode task :
        api.tasksOfServices(Map.of(EnvironmentPolicy.ENVIRONMENT_LABEL, config.environment()))) {
      tasks.computeIfAbsent(task.path("ServiceID").asText(), id -> new ArrayList<>()).add(task);
    }
    boolean needsNodes = tasks.values().stream().anyMatch(ServiceState::needsNodes);
    Map<String, String> nodes = needsNodes ? api.nodeStates() : Map.of();
    Instant now = Instant.now();
    for (Service service : services) {
      ServiceState state = ServiceState.of(tasks.getOrDefault(service.id(), List.of()), nodes, now);
      summaries.add(
          new ContainerSummary(
              service.id(), service.name(), service.image(), state.state(), service.labels()));
    }
    return summaries;
  }

  private Service owned(JsonNode service) {
    Service described = describe(service);
    if (!config.environment().equals(described.labels().get(EnvironmentPolicy.ENVIRONMENT_LABEL))
        || !described.name().startsWith(config.containerPrefix())) {
      throw new PolicyRefusedException(
          "Refused by policy: swarm service "
              + described.name()
              + " does not belong to environment "
              + config.environment());
    }
    return described;
  }

  private static Service describe(JsonNode service) {
    JsonNode spec = service.path("Spec");
    Map<String, String> labels = new LinkedHashMap<>();
    spec.path("Labels")
        .fields()
        .forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
    return new Service(
        service.path("ID").asText(),
        spec.path("Name").asText(),
        spec.path("TaskTemplate").path("ContainerSpec").path("Image").asText(),
        labels);
  }
}
