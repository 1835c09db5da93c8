package org.allgo.connector.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.TransactionSupport;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;
import org.allgo.connector.adapter.AdapterConfig;
import org.allgo.connector.adapter.DockerResourceAdapter;
import org.allgo.connector.adapter.EngineClient;
import org.allgo.connector.api.DockerConnection;
import org.allgo.connector.api.DockerConnectionFactory;
import org.allgo.connector.swarm.SwarmConfig;

/**
 * Makes managed connections to the engine with the configuration of its resource adapter. All its
 * connections are alike: any free one matches.
 */
@ConnectionDefinition(
    connectionFactory = DockerConnectionFactory.class,
    connectionFactoryImpl = ConnectionFactoryHandle.class,
    connection = DockerConnection.class,
    connectionImpl = ConnectionHandle.class)
public class DockerManagedConnectionFactory
    implements ManagedConnectionFactory, ResourceAdapterAssociation, TransactionSupport {

  private static final long serialVersionUID = 1L;

  private transient DockerResourceAdapter adapter;
  private transient PrintWriter logWriter;
  private transient KnownContainers known;
  private transient ServiceRecords records;

  @Override
  public Object createConnectionFactory(ConnectionManager manager) {
    return new ConnectionFactoryHandle(this, manager);
  }

  @Override
  public Object createConnectionFactory() throws ResourceException {
    throw new jakarta.resource.NotSupportedException(
        "The Docker adapter runs only in a managed environment");
  }

  @Override
  public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
      throws ResourceException {
    AdapterConfig config = config();
    Optional<SwarmPlacement> swarm =
        swarm().map(s -> new SwarmPlacement(s, records(), adapter.swarmActivity()));
    return new DockerManagedConnection(
        this, new EngineOperations(EngineClient.open(config.dockerHost()), config, known(), swarm));
  }

  private synchronized KnownContainers known() {
    if (known == null) {
      known = new KnownContainers();
    }
    return known;
  }

  private synchronized ServiceRecords records() {
    if (records == null) {
      records = new ServiceRecords();
    }
    return records;
  }

  @Override
  public ManagedConnection matchManagedConnections(
      Set connections, Subject subject, ConnectionRequestInfo info) {
    if (connections == null) {
      return null;
    }
    for (Object candidate : connections) {
      if (candidate instanceof DockerManagedConnection connection && connection.createdBy(this)) {
        return connection;
      }
    }
    return null;
  }

  @Override
  public TransactionSupportLevel getTransactionSupport() {
    return TransactionSupportLevel.NoTransaction;
  }

  @Override
  public ResourceAdapter getResourceAdapter() {
    return adapter;
  }

  @Override
  public void setResourceAdapter(ResourceAdapter adapter) throws ResourceException {
    if (!(adapter instanceof DockerResourceAdapter docker)) {
      throw new ResourceException("Not the Docker resource adapter: " + adapter);
    }
    this.adapter = docker;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DockerManagedConnectionFactory factory && factory.adapter == adapter;
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(adapter == null ? null : System.identityHashCode(adapter));
  }

  private Optional<SwarmConfig> swarm() throws ResourceException {
    try {
      return adapter.swarm();
    } catch (IllegalArgumentException e) {
      throw new InvalidPropertyException(
          "Invalid Docker adapter configuration: " + e.getMessage(), e);
    }
  }

  private AdapterConfig config() throws ResourceException {
    if (adapter == null) {
      throw new ResourceException("The Docker connection factory has no resource adapter");
    }
    try {
      return adapter.config();
    } catch (IllegalArgumentException e) {
      throw new InvalidPropertyException(
          "Invalid Docker adapter configuration: " + e.getMessage(), e);
    }
  }
}
