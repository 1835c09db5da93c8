package org.allgo.connector.inbound;

import java.util.LinkedHashMap;
import java.util.Map;
import org.allgo.connector.api.ContainerEvent;

/** The last events delivered, so that a replay after a reconnection does not deliver them again. */
final class RecentEvents {

  private final Map<String, Boolean> seen;

  RecentEvents(int capacity) {
    this.seen =
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** True the first time this event is offered. */
  synchronized boolean firstTime(ContainerEvent event) {
    String key = event.containerId() + "/" + event.action() + "/" + event.time();
    return seen.putIfAbsent(key, Boolean.TRUE) == null;
  }
}
