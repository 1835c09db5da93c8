package org.allgo.connector.inbound;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.System.Logger.Level;
import java.util.function.BooleanSupplier;
import org.allgo.connector.api.ContainerEvent;
import org.allgo.connector.api.ContainerEventListener;

/**
 * Hands one event to a message endpoint. An endpoint not yet available (the application is still
 * starting) is asked again for a while; a listener's failure is logged and the event dropped.
 */
final class EventDelivery {

  private static final System.Logger LOG = System.getLogger(EventDelivery.class.getName());
  private static final int ATTEMPTS = 60;
  private static final long PAUSE_MILLIS = 500;

  private final MessageEndpointFactory factory;
  private final BooleanSupplier released;

  EventDelivery(MessageEndpointFactory factory, BooleanSupplier released) {
    this.factory = factory;
    this.released = released;
  }

  void deliver(ContainerEvent event) {
    for (int attempt = 1; attempt <= ATTEMPTS && !released.getAsBoolean(); attempt++) {
      MessageEndpoint endpoint;
      try {
        endpoint = factory.createEndpoint(null);
      } catch (UnavailableException e) {
        LOG.log(
            Level.DEBUG,
            "Endpoint unavailable for {0} (attempt {1}): {2}",
            event,
            attempt,
            e.getMessage());
        pause();
        continue;
      }
      try {
        ((ContainerEventListener) endpoint).onEvent(event);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "The listener failed on " + event, e);
      } finally {
        endpoint.release();
      }
      return;
    }
    LOG.log(Level.WARNING, "Container event dropped, no endpoint available: {0}", event);
  }

  private static void pause() {
    try {
      Thread.sleep(PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
