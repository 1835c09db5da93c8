package org.allgo.connector.outbound;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ids of containers known to belong to the environment — created through the adapter or inspected
 * once — so that a call naming one by its id needs no inspection first. An id never changes and is
 * never given to another container; names, which can, are never kept. Shared by the connections of
 * one factory, bounded, the least recently used forgotten first.
 */
final class KnownContainers {

  private static final int CAPACITY = 4096;

  // In access order: get and put make an id the most recently used.
  private final Map<String, Boolean> ids =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > CAPACITY;
        }
      };

  synchronized boolean contains(String id) {
    return ids.get(id) != null;
  }

  synchronized void add(String id) {
    ids.put(id, Boolean.TRUE);
  }

  synchronized void forget(String id) {
    ids.remove(id);
  }
}
