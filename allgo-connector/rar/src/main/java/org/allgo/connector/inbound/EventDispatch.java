package org.allgo.connector.inbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.allgo.connector.adapter.AdapterConfig;
import org.allgo.connector.swarm.SwarmActivity;
import org.allgo.connector.swarm.SwarmConfig;

/**
 * The adapter's event subscriptions: per endpoint, one work run by the server's work manager that
 * follows the engine's container events, and in swarm mode a second one that follows the swarm
 * jobs' tasks.
 */
public final class EventDispatch {

  private final WorkManager workManager;
  private final Optional<SwarmConfig> swarm;
  private final SwarmActivity activity;
  private final Map<Key, List<Work>> works = new ConcurrentHashMap<>();

  public EventDispatch(WorkManager workManager) {
    this(workManager, Optional.empty(), new SwarmActivity());
  }

  public EventDispatch(
      WorkManager workManager, Optional<SwarmConfig> swarm, SwarmActivity activity) {
    this.workManager = workManager;
    this.swarm = swarm;
    this.activity = activity;
  }

  public void activate(
      MessageEndpointFactory factory, ContainerEventActivationSpec spec, AdapterConfig config)
      throws ResourceException {
    EventFilter filter;
    try {
      filter = spec.filter();
    } catch (IllegalArgumentException e) {
      throw new InvalidPropertyException(
          "Invalid container event subscription: " + e.getMessage(), e);
    }
    List<Work> endpointWorks = new ArrayList<>();
    endpointWorks.add(new EventWork(config.dockerHost(), filter, factory, Instant.now()));
    if (swarm.isPresent()) {
      endpointWorks.add(
          new TaskWatch(config.dockerHost(), config.environment(), filter, factory, activity));
    }
    works.put(new Key(factory, spec), endpointWorks);
    for (Work work : endpointWorks) {
      workManager.scheduleWork(work, WorkManager.INDEFINITE, null, null);
    }
  }

  public void deactivate(MessageEndpointFactory factory, ActivationSpec spec) {
    List<Work> endpointWorks = works.remove(new Key(factory, spec));
    if (endpointWorks != null) {
      endpointWorks.forEach(Work::release);
    }
  }

  public void stopAll() {
    works.values().forEach(endpointWorks -> endpointWorks.forEach(Work::release));
    works.clear();
  }

  private record Key(MessageEndpointFactory factory, ActivationSpec spec) {}
}
