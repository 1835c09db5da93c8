package org.allgo.ssh.testing;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.allgo.connector.api.DockerConnectionFactory;

/**
 * The connector's adapter set up outside a server, as Payara sets up the standalone RAR. Its
 * classes come from the RAR's jar (on the integration tests' class path only), hence by name. Each
 * connection gets its own managed connection, destroyed when the handle is closed.
 */
public final class TestConnector implements ConnectionManager, AutoCloseable {

  private static final long serialVersionUID = 1L;

  private final transient Set<ManagedConnection> open = ConcurrentHashMap.newKeySet();
  private final transient DockerConnectionFactory factory;

  public TestConnector(String environment) {
    try {
      ResourceAdapter adapter =
          (ResourceAdapter) instance("org.allgo.connector.adapter.DockerResourceAdapter");
      adapter.getClass().getMethod("setEnvironment", String.class).invoke(adapter, environment);
      ManagedConnectionFactory managed =
          (ManagedConnectionFactory)
              instance("org.allgo.connector.outbound.DockerManagedConnectionFactory");
      ((ResourceAdapterAssociation) managed).setResourceAdapter(adapter);
      factory = (DockerConnectionFactory) managed.createConnectionFactory(this);
    } catch (ReflectiveOperationException | ResourceException e) {
      throw new IllegalStateException(
          "Cannot set up the connector (is its jar on the class path?)", e);
    }
  }

  private static Object instance(String type) throws ReflectiveOperationException {
    return Class.forName(type).getConstructor().newInstance();
  }

  public DockerConnectionFactory factory() {
    return factory;
  }

  @Override
  public Object allocateConnection(ManagedConnectionFactory managed, ConnectionRequestInfo info)
      throws ResourceException {
    ManagedConnection connection = managed.createManagedConnection(null, info);
    open.add(connection);
    connection.addConnectionEventListener(
        new ConnectionEventListener() {
          @Override
          public void connectionClosed(ConnectionEvent event) {
            destroy(connection);
          }

          @Override
          public void connectionErrorOccurred(ConnectionEvent event) {
            destroy(connection);
          }

          @Override
          public void localTransactionStarted(ConnectionEvent event) {}

          @Override
          public void localTransactionCommitted(ConnectionEvent event) {}

          @Override
          public void localTransactionRolledback(ConnectionEvent event) {}
        });
    return connection.getConnection(null, info);
  }

  private void destroy(ManagedConnection connection) {
    if (open.remove(connection)) {
      try {
        connection.destroy();
      } catch (ResourceException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Connections still open: the handles not closed. */
  public int open() {
    return open.size();
  }

  @Override
  public void close() {
    open.forEach(this::destroy);
  }
}
