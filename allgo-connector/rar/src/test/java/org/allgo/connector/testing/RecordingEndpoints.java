package org.allgo.connector.testing;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.transaction.xa.XAResource;
import org.allgo.connector.api.ContainerEvent;
import org.allgo.connector.api.ContainerEventListener;

/** A message endpoint factory whose endpoints record the events they receive, as an MDB would. */
public final class RecordingEndpoints implements MessageEndpointFactory {

  private final List<ContainerEvent> events = new CopyOnWriteArrayList<>();

  public List<ContainerEvent> events() {
    return events;
  }

  /** Events received for one container. */
  public List<ContainerEvent> eventsOf(String containerId) {
    return events.stream().filter(e -> e.containerId().equals(containerId)).toList();
  }

  @Override
  public MessageEndpoint createEndpoint(XAResource resource) {
    return (MessageEndpoint)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {MessageEndpoint.class, ContainerEventListener.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "onEvent" -> {
                    events.add((ContainerEvent) args[0]);
                    yield null;
                  }
                  case "equals" -> proxy == args[0];
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "toString" -> "RecordingEndpoint";
                  default -> null;
                });
  }

  @Override
  public MessageEndpoint createEndpoint(XAResource resource, long timeout) {
    return createEndpoint(resource);
  }

  @Override
  public boolean isDeliveryTransacted(Method method) {
    return false;
  }

  @Override
  public String getActivationName() {
    return "recording";
  }

  @Override
  public Class<?> getEndpointClass() {
    return ContainerEventListener.class;
  }
}
