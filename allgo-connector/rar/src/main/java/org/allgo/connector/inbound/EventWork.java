package org.allgo.connector.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.allgo.connector.adapter.EngineClient;
import org.allgo.connector.api.ContainerEvent;

/**
 * Follows the engine's event stream for one endpoint. When the stream breaks (the engine restarted)
 * it connects again, asking for the events since the last one it saw, and skips those it already
 * delivered.
 */
final class EventWork implements Work {

  private static final System.Logger LOG = System.getLogger(EventWork.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long FIRST_RETRY_MILLIS = 250;
  private static final long MAX_RETRY_MILLIS = 5_000;
  // How far before the end of a broken stream to ask again, for events the engine had not sent yet.
  private static final Duration OVERLAP = Duration.ofSeconds(2);

  private final URI host;
  private final EventFilter filter;
  private final EventDelivery delivery;
  private final RecentEvents recent = new RecentEvents(4096);
  private final AtomicReference<EngineClient> client = new AtomicReference<>();
  private volatile boolean released;
  private Instant since;

  EventWork(URI host, EventFilter filter, MessageEndpointFactory factory, Instant since) {
    this.host = host;
    this.filter = filter;
    this.delivery = new EventDelivery(factory, () -> released);
    this.since = since;
  }

  @Override
  public void run() {
    long retry = FIRST_RETRY_MILLIS;
    while (!released) {
      try (EngineClient engine = EngineClient.open(host)) {
        client.set(engine);
        if (!released && follow(engine)) {
          retry = FIRST_RETRY_MILLIS;
        }
      } catch (IOException | RuntimeException e) {
        if (!released) {
          LOG.log(Level.DEBUG, "Container events from {0} interrupted: {1}", host, e.toString());
        }
      } finally {
        client.set(null);
      }
      Instant brokenAt = Instant.now().minus(OVERLAP);
      since = since.isAfter(brokenAt) ? since : brokenAt;
      pause(retry);
      retry = Math.min(retry * 2, MAX_RETRY_MILLIS);
    }
    LOG.log(Level.DEBUG, "Stopped following container events of {0}", host);
  }

  /** Reads the stream to its end; true when it was connected at all. */
  private boolean follow(EngineClient engine) throws IOException {
    String path =
        "/events?since="
            + encode(EventDecoder.since(since))
            + "&filters="
            + encode(filter.engineFilters());
    var response = engine.send("GET", path, Map.of(), null, "Cannot follow the engine's events");
    LOG.log(Level.INFO, "Following container events {0} of {1} since {2}", filter, host, since);
    try (response;
        InputStream body = response.getBody();
        MappingIterator<JsonNode> events = JSON.readerFor(JsonNode.class).readValues(body)) {
      while (!released && events.hasNextValue()) {
        Optional<ContainerEvent> event = EventDecoder.decode(events.nextValue());
        if (event.isPresent()) {
          accept(event.get());
        }
      }
    }
    return true;
  }

  private void accept(ContainerEvent event) {
    if (event.time().isAfter(since)) {
      since = event.time();
    }
    if (filter.matches(event) && recent.firstTime(event)) {
      delivery.deliver(event);
    }
  }

  @Override
  public void release() {
    released = true;
    synchronized (this) {
      notifyAll();
    }
    EngineClient engine = client.get();
    if (engine != null) {
      engine.close();
    }
  }

  private synchronized void pause(long millis) {
    if (released) {
      return;
    }
    try {
      wait(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      released = true;
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
