package org.allgo.connector.api;

/**
 * The message listener of the connector's inbound side: a message-driven bean implements it to
 * receive container events. Its activation config properties are {@code labelFilter}
 * (comma-separated {@code key=value} pairs that a container must all carry, e.g. {@code
 * allgo.env=dev}) and {@code actions} (comma-separated among {@code die,oom,kill}; all three by
 * default).
 *
 * <p>Delivery is at least once: after the engine restarts, the events it had while unreachable are
 * replayed, and a listener may see an event twice.
 */
public interface ContainerEventListener {

  void onEvent(ContainerEvent event);
}
