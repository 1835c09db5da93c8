package org.allgo.connector.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.allgo.connector.adapter.EngineClient;
import org.allgo.connector.api.ContainerEvent;
import org.allgo.connector.api.DockerException;
import org.allgo.connector.swarm.ServiceState;
import org.allgo.connector.swarm.SwarmActivity;
import org.allgo.connector.swarm.SwarmApi;

/**
 * Reports the ends of the environment's swarm jobs to one endpoint, as container deaths: the swarm
 * has no event for a task's end, so this reads the tasks of the services the endpoint's filter
 * selects, every 100 ms while jobs run or were just placed, every second otherwise (one request;
 * the nodes' states once a second while tasks run). A job that ran on a node that went down ends
 * then (node lost); one given to it that had not started is retried once, here, by a new iteration
 * of its service.
 *
 * <p>Each end is delivered once by this watch; a new watch (the adapter restarted) delivers again
 * the ends of the services still there, which their listeners take as already known.
 */
final class TaskWatch implements Work {

  private static final System.Logger LOG = System.getLogger(TaskWatch.class.getName());
  private static final long FAST_MILLIS = 100;
  private static final long SLOW_MILLIS = 1_000;
  private static final long NODES_MILLIS = 1_000;
  private static final long RECENT_MILLIS = 30_000;
  private static final int MEMORY = 4096;

  private final URI host;
  private final String environment;
  private final EventFilter filter;
  private final EventDelivery delivery;
  private final SwarmActivity activity;
  private final AtomicReference<EngineClient> client = new AtomicReference<>();
  private final Map<String, Boolean> delivered = bounded();
  private final Map<String, Boolean> retried = bounded();
  private final Map<String, Described> services = bounded();
  private volatile boolean released;
  private Map<String, String> nodes = Map.of();
  private long nodesRead;

  private record Described(String name, Map<String, String> labels) {}

  TaskWatch(
      URI host,
      String environment,
      EventFilter filter,
      MessageEndpointFactory factory,
      SwarmActivity activity) {
    this.host = host;
    this.environment = environment;
    this.filter = filter;
    this.delivery = new EventDelivery(factory, () -> released);
    this.activity = activity;
  }

  @Override
  public void run() {
    long retry = FAST_MILLIS;
    while (!released) {
      try (EngineClient engine = EngineClient.open(host)) {
        client.set(engine);
        SwarmApi api = new SwarmApi(engine);
        LOG.log(Level.INFO, "Following the swarm jobs {0} of {1}", filter, host);
        while (!released) {
          boolean live = poll(api);
          retry = FAST_MILLIS;
          pause(live || activity.placedWithin(RECENT_MILLIS) ? FAST_MILLIS : SLOW_MILLIS);
        }
      } catch (DockerException | IllegalStateException e) {
        if (!released) {
          LOG.log(Level.DEBUG, "Swarm jobs of {0} not followed now: {1}", host, e.toString());
        }
      } finally {
        client.set(null);
      }
      pause(retry);
      retry = Math.min(retry * 2, 5_000);
    }
    LOG.log(Level.DEBUG, "Stopped following the swarm jobs of {0}", host);
  }

  /** One look at the tasks; true while some job has not ended. */
  private boolean poll(SwarmApi api) {
    Map<String, String> labels = new LinkedHashMap<>(filter.labels());
    labels.put("allgo.env", environment);
    Map<String, List<JsonNode>> byService = new HashMap<>();
    for (JsonNode task : api.tasksOfServices(labels)) {
      byService.computeIfAbsent(task.path("ServiceID").asText(), id -> new ArrayList<>()).add(task);
    }
    if (byService.values().stream().anyMatch(ServiceState::needsNodes)
        && System.nanoTime() - nodesRead > NODES_MILLIS * 1_000_000) {
      nodes = api.nodeStates();
      nodesRead = System.nanoTime();
    }
    boolean live = false;
    Instant now = Instant.now();
    for (Map.Entry<String, List<JsonNode>> service : byService.entrySet()) {
      ServiceState state = ServiceState.of(service.getValue(), nodes, now);
      if (state.retry()) {
        retry(api, service.getKey());
      }
      if (!state.state().equals(ServiceState.EXITED)) {
        live = true;
      } else if (firstEnd(service.getKey(), state)) {
        deliver(api, service.getKey(), state);
      }
    }
    return live;
  }

  private boolean firstEnd(String serviceId, ServiceState state) {
    String key = serviceId + "/" + state.task().map(ServiceState::iteration).orElse(0L);
    synchronized (delivered) {
      return delivered.putIfAbsent(key, Boolean.TRUE) == null;
    }
  }

  private void deliver(SwarmApi api, String serviceId, ServiceState state) {
    Optional<Described> service = describe(api, serviceId);
    if (service.isEmpty()) {
      return;
    }
    var exit = state.exit().orElseThrow();
    ContainerEvent event =
        new ContainerEvent(
            serviceId,
            service.get().name(),
            ContainerEvent.Action.DIE,
            service.get().labels(),
            exit.finishedAt(),
            OptionalLong.of(exit.exitCode()));
    if (filter.matches(event)) {
      delivery.deliver(event);
    }
  }

  private Optional<Described> describe(SwarmApi api, String serviceId) {
    synchronized (services) {
      Described known = services.get(serviceId);
      if (known != null) {
        return Optional.of(known);
      }
    }
    Optional<Described> found =
        api.service(serviceId)
            .map(
                s -> {
                  Map<String, String> labels = new LinkedHashMap<>();
                  s.path("Spec")
                      .path("Labels")
                      .fields()
                      .forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
                  return new Described(s.path("Spec").path("Name").asText(), labels);
                });
    found.ifPresent(
        d -> {
          synchronized (services) {
            services.put(serviceId, d);
          }
        });
    return found;
  }

  // A new iteration of the service: the swarm places its task anew, on a node that is up.
  private void retry(SwarmApi api, String serviceId) {
    synchronized (retried) {
      if (retried.putIfAbsent(serviceId, Boolean.TRUE) != null) {
        return;
      }
    }
    try {
      api.service(serviceId)
          .ifPresent(
              service -> {
                ObjectNode spec = service.path("Spec").deepCopy();
                ObjectNode task = (ObjectNode) spec.path("TaskTemplate");
                task.put("ForceUpdate", task.path("ForceUpdate").asLong(0) + 1);
                api.updateService(serviceId, service.path("Version").path("Index").asLong(), spec);
                LOG.log(
                    Level.INFO,
                    "Swarm job {0}: its node went down before it started; placed again",
                    spec.path("Name").asText());
              });
    } catch (DockerException e) {
      // Another watch retried it first (the update is versioned), or it was removed.
      LOG.log(Level.DEBUG, "Swarm job {0} not retried here: {1}", serviceId, e.getMessage());
    }
  }

  @Override
  public void release() {
    released = true;
    activity.wake();
    EngineClient engine = client.get();
    if (engine != null) {
      engine.close();
    }
  }

  private void pause(long millis) {
    if (released) {
      return;
    }
    try {
      activity.await(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      released = true;
    }
  }

  private static <V> Map<String, V> bounded() {
    return new LinkedHashMap<>(64, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > MEMORY;
      }
    };
  }
}
