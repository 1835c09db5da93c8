package org.allgo.connector.swarm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.allgo.connector.adapter.EngineClient;
import org.allgo.connector.adapter.Failures;
import org.allgo.connector.api.DockerException;
import org.allgo.connector.api.NotFoundException;

/**
 * The swarm's side of the Engine API, spoken as the engine's JSON (docker-java's model has no
 * replicated-job mode) over the connection's HTTP transport: services, their tasks, the nodes.
 */
public final class SwarmApi {

  private static final ObjectMapper JSON = new ObjectMapper();
  // Service ids and names, task and node ids: nothing that needs escaping in a path.
  private static final Pattern REF = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}");
  private static final Map<String, String> JSON_BODY = Map.of("Content-Type", "application/json");

  private final EngineClient client;

  public SwarmApi(EngineClient client) {
    this.client = client;
  }

  /** Creates a service; returns its id. A name in use is a {@code ConflictException}. */
  public String createService(ObjectNode spec) {
    String what = "Cannot create the swarm service " + spec.path("Name").asText();
    return read("POST", "/services/create", bytes(spec), what).path("ID").asText();
  }

  /** The service by id or name, if it exists. */
  public Optional<JsonNode> service(String ref) {
    try {
      return Optional.of(read("GET", "/services/" + ref(ref), null, "Cannot inspect " + ref));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** The services carrying all these labels. */
  public List<JsonNode> services(Map<String, String> labels) {
    return list("/services?filters=" + filters("label", labels), "Cannot list swarm services");
  }

  /** The tasks of the services carrying all these labels (the services', not the tasks' own). */
  public List<JsonNode> tasksOfServices(Map<String, String> labels) {
    return list("/tasks?filters=" + filters("label", labels), "Cannot list swarm tasks");
  }

  /** The tasks of one service. */
  public List<JsonNode> tasks(String serviceId) {
    return list(
        "/tasks?filters=" + encode("{\"service\":[\"" + ref(serviceId) + "\"]}"),
        "Cannot list the tasks of " + serviceId);
  }

  /**
   * Every node's state by node id: {@code ready}, {@code drain} (ready, drained by an operator), or
   * the swarm's word for a node that is not ({@code down}, {@code disconnected}, …).
   */
  public Map<String, String> nodeStates() {
    Map<String, String> states = new HashMap<>();
    for (JsonNode node : list("/nodes", "Cannot list swarm nodes")) {
      String state = node.path("Status").path("State").asText();
      boolean drained = node.path("Spec").path("Availability").asText().equals("drain");
      states.put(
          node.path("ID").asText(),
          state.equals(ServiceState.READY) && drained ? ServiceState.DRAIN : state);
    }
    return states;
  }

  /** The Engine API version the manager speaks, e.g. {@code 1.41}. */
  public String apiVersion() {
    return read("GET", "/version", null, "Cannot read the engine's version")
        .path("ApiVersion")
        .asText();
  }

  /** Removes the service; its tasks' containers are stopped and removed by their nodes. */
  public void removeService(String ref) {
    client.send("DELETE", "/services/" + ref(ref), Map.of(), null, "Cannot remove " + ref).close();
  }

  /** Replaces the service's spec; {@code version} is that of the spec it was read with. */
  public void updateService(String id, long version, JsonNode spec) {
    client
        .send(
            "POST",
            "/services/" + ref(id) + "/update?version=" + version,
            JSON_BODY,
            bytes(spec),
            "Cannot update " + id)
        .close();
  }

  /**
   * The service's log (multiplexed frames); the caller closes the stream, which closes the response
   * without reading the rest of the body.
   */
  public InputStream logs(String id, String options) {
    var response =
        client.send(
            "GET",
            "/services/" + ref(id) + "/logs?stdout=1&stderr=1" + options,
            Map.of(),
            null,
            "Cannot read the log of " + id);
    return new FilterInputStream(response.getBody()) {
      @Override
      public void close() {
        response.close();
      }
    };
  }

  /** The swarm's filters parameter for labels, as {@code {"label": ["k=v", …]}}, encoded. */
  static String filters(String key, Map<String, String> labels) {
    List<String> values = new ArrayList<>();
    labels.forEach((k, v) -> values.add(k + "=" + v));
    try {
      return encode(JSON.writeValueAsString(Map.of(key, values.stream().sorted().toList())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write swarm filters", e);
    }
  }

  private List<JsonNode> list(String path, String what) {
    List<JsonNode> items = new ArrayList<>();
    read("GET", path, null, what).forEach(items::add);
    return items;
  }

  private JsonNode read(String method, String path, byte[] body, String what) {
    var response = client.send(method, path, body == null ? Map.of() : JSON_BODY, body, what);
    try (response;
        InputStream in = response.getBody()) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw Failures.unavailable(what, e);
    }
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new DockerException("Cannot write a swarm request: " + e.getMessage(), e);
    }
  }

  private static String ref(String ref) {
    if (!REF.matcher(ref).matches()) {
      throw new IllegalArgumentException("Not a swarm service, task or node reference: " + ref);
    }
    return ref;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
