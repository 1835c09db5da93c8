package org.allgo.connector.inbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkManager;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.allgo.connector.adapter.AdapterConfig;

/** The adapter's event subscriptions: one work, run by the server's work manager, per endpoint. */
public final class EventDispatch {

  private final WorkManager workManager;
  private final Map<Key, EventWork> works = new ConcurrentHashMap<>();

  public EventDispatch(WorkManager workManager) {
    this.workManager = workManager;
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
    EventWork work = new EventWork(config.dockerHost(), filter, factory, Instant.now());
    works.put(new Key(factory, spec), work);
    workManager.scheduleWork(work, WorkManager.INDEFINITE, null, null);
  }

  public void deactivate(MessageEndpointFactory factory, ActivationSpec spec) {
    EventWork work = works.remove(new Key(factory, spec));
    if (work != null) {
      work.release();
    }
  }

  public void stopAll() {
    works.values().forEach(EventWork::release);
    works.clear();
  }

  private record Key(MessageEndpointFactory factory, ActivationSpec spec) {}
}
