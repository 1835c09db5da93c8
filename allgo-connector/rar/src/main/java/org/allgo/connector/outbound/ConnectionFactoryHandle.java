package org.allgo.connector.outbound;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.io.Serializable;
import javax.naming.Reference;
import org.allgo.connector.api.DockerConnection;
import org.allgo.connector.api.DockerConnectionFactory;
import org.allgo.connector.api.EngineUnavailableException;

/** The connection factory bound in JNDI: asks the server's connection manager for a handle. */
final class ConnectionFactoryHandle
    implements DockerConnectionFactory, Serializable, Referenceable {

  private static final long serialVersionUID = 1L;

  private final DockerManagedConnectionFactory factory;
  private final transient ConnectionManager manager;
  private Reference reference;

  ConnectionFactoryHandle(DockerManagedConnectionFactory factory, ConnectionManager manager) {
    this.factory = factory;
    this.manager = manager;
  }

  @Override
  public DockerConnection getConnection() {
    try {
      return (DockerConnection) manager.allocateConnection(factory, null);
    } catch (ResourceException e) {
      throw new EngineUnavailableException(
          "No connection to the Docker engine: " + e.getMessage(), e);
    }
  }

  @Override
  public void setReference(Reference reference) {
    this.reference = reference;
  }

  @Override
  public Reference getReference() {
    return reference;
  }
}
