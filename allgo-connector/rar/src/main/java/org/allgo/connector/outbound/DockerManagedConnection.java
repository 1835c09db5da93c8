package org.allgo.connector.outbound;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

/**
 * One pooled connection to the engine: an engine client and the handles given out on it. The
 * server's pool listens to it for CONNECTION_CLOSED (a handle closed) and CONNECTION_ERROR_OCCURRED
 * (the engine stopped answering).
 */
final class DockerManagedConnection implements ManagedConnection {

  private final DockerManagedConnectionFactory factory;
  private final EngineOperations operations;
  private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
  private final Set<ConnectionHandle> handles = ConcurrentHashMap.newKeySet();
  private volatile boolean destroyed;
  private PrintWriter logWriter;

  DockerManagedConnection(DockerManagedConnectionFactory factory, EngineOperations operations) {
    this.factory = factory;
    this.operations = operations;
  }

  boolean createdBy(DockerManagedConnectionFactory candidate) {
    return factory.equals(candidate) && !destroyed;
  }

  EngineOperations operations() {
    if (destroyed) {
      throw new IllegalStateException("This Docker connection was destroyed");
    }
    return operations;
  }

  /** Handles currently given out on this connection. */
  int openHandles() {
    return handles.size();
  }

  @Override
  public Object getConnection(Subject subject, ConnectionRequestInfo info) {
    ConnectionHandle handle = new ConnectionHandle(this);
    handles.add(handle);
    return handle;
  }

  @Override
  public void destroy() {
    destroyed = true;
    cleanup();
    operations.close();
  }

  @Override
  public void cleanup() {
    handles.forEach(ConnectionHandle::invalidate);
    handles.clear();
  }

  @Override
  public void associateConnection(Object connection) throws ResourceException {
    if (!(connection instanceof ConnectionHandle handle)) {
      throw new ResourceException("Not a Docker connection handle: " + connection);
    }
    handle.reassign(this);
    handles.add(handle);
  }

  void handleClosed(ConnectionHandle handle) {
    handles.remove(handle);
    fire(
        ConnectionEvent.CONNECTION_CLOSED, handle, null, ConnectionEventListener::connectionClosed);
  }

  void failed(ConnectionHandle handle, Exception cause) {
    fire(
        ConnectionEvent.CONNECTION_ERROR_OCCURRED,
        handle,
        cause,
        ConnectionEventListener::connectionErrorOccurred);
  }

  private void fire(
      int type,
      ConnectionHandle handle,
      Exception cause,
      BiConsumer<ConnectionEventListener, ConnectionEvent> delivery) {
    ConnectionEvent event =
        cause == null ? new ConnectionEvent(this, type) : new ConnectionEvent(this, type, cause);
    event.setConnectionHandle(handle);
    listeners.forEach(listener -> delivery.accept(listener, event));
  }

  @Override
  public void addConnectionEventListener(ConnectionEventListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeConnectionEventListener(ConnectionEventListener listener) {
    listeners.remove(listener);
  }

  @Override
  public XAResource getXAResource() throws ResourceException {
    throw new NotSupportedException("The Docker adapter does not take part in transactions");
  }

  @Override
  public LocalTransaction getLocalTransaction() throws ResourceException {
    throw new NotSupportedException("The Docker adapter does not take part in transactions");
  }

  @Override
  public ManagedConnectionMetaData getMetaData() {
    return new ManagedConnectionMetaData() {
      @Override
      public String getEISProductName() {
        return "Docker Engine";
      }

      @Override
      public String getEISProductVersion() {
        return operations().info().version();
      }

      @Override
      public int getMaxConnections() {
        return 0;
      }

      @Override
      public String getUserName() {
        return "";
      }
    };
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }
}
