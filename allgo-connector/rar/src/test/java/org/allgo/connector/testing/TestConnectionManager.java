package org.allgo.connector.testing;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal pooling connection manager, as a server's: reuses idle managed connections, takes them
 * back on CONNECTION_CLOSED and destroys them on CONNECTION_ERROR_OCCURRED.
 */
public final class TestConnectionManager implements ConnectionManager, AutoCloseable {

  private static final long serialVersionUID = 1L;

  private final Set<ManagedConnection> idle = new HashSet<>();
  private final Set<ManagedConnection> all = ConcurrentHashMap.newKeySet();

  @Override
  public Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info)
      throws ResourceException {
    ManagedConnection connection;
    synchronized (this) {
      connection = factory.matchManagedConnections(new HashSet<>(idle), null, info);
      if (connection != null) {
        idle.remove(connection);
      }
    }
    if (connection == null) {
      connection = factory.createManagedConnection(null, info);
      connection.addConnectionEventListener(new Listener(connection));
      all.add(connection);
    }
    return connection.getConnection(null, info);
  }

  public int created() {
    return all.size();
  }

  public synchronized int idle() {
    return idle.size();
  }

  /** Connections handed out and not closed yet. */
  public synchronized int inUse() {
    return all.size() - idle.size();
  }

  @Override
  public void close() throws ResourceException {
    for (ManagedConnection connection : all) {
      connection.destroy();
    }
    all.clear();
    synchronized (this) {
      idle.clear();
    }
  }

  private final class Listener implements ConnectionEventListener {
    private final ManagedConnection connection;

    Listener(ManagedConnection connection) {
      this.connection = connection;
    }

    @Override
    public void connectionClosed(ConnectionEvent event) {
      try {
        connection.cleanup();
      } catch (ResourceException e) {
        throw new IllegalStateException(e);
      }
      synchronized (TestConnectionManager.this) {
        idle.add(connection);
      }
    }

    @Override
    public void connectionErrorOccurred(ConnectionEvent event) {
      synchronized (TestConnectionManager.this) {
        idle.remove(connection);
      }
      all.remove(connection);
      try {
        connection.destroy();
      } catch (ResourceException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void localTransactionStarted(ConnectionEvent event) {}

    @Override
    public void localTransactionCommitted(ConnectionEvent event) {}

    @Override
    public void localTransactionRolledback(ConnectionEvent event) {}
  }
}
