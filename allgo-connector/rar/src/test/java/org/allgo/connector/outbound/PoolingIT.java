package org.allgo.connector.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ManagedConnection;
import java.io.File;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.allgo.connector.api.DockerConnection;
import org.allgo.connector.testing.AdapterExtension;
import org.allgo.connector.testing.AdapterFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AdapterExtension.class)
class PoolingIT {

  private final AdapterFixture fixture;

  PoolingIT(AdapterFixture fixture) {
    this.fixture = fixture;
  }

  @Test
  void thousandCyclesLeakNeitherConnectionsNorSockets() throws Exception {
    warmUp();
    int before = openFileDescriptors();

    for (int i = 0; i < 1000; i++) {
      try (DockerConnection docker = fixture.factory().getConnection()) {
        docker.ping();
      }
    }

    assertThat(fixture.manager().created()).isEqualTo(1);
    assertThat(fixture.manager().idle()).isEqualTo(1);
    assertThat(openFileDescriptors()).isLessThanOrEqualTo(before + 2);
    fixture.manager().close();
    assertThat(openFileDescriptors()).isLessThanOrEqualTo(before);
  }

  @Test
  void closingAHandleFiresConnectionClosedOnce() throws Exception {
    ManagedConnection connection = fixture.managedFactory().createManagedConnection(null, null);
    List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
    connection.addConnectionEventListener(new Recorder(events));
    DockerConnection handle = (DockerConnection) connection.getConnection(null, null);

    handle.close();
    handle.close();

    assertThat(events)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getId()).isEqualTo(ConnectionEvent.CONNECTION_CLOSED);
              assertThat(event.getConnectionHandle()).isSameAs(handle);
            });
    assertThrows(IllegalStateException.class, handle::ping);
    connection.destroy();
  }

  @Test
  void cleanupInvalidatesHandlesAndDestroyClosesTheClient() throws Exception {
    ManagedConnection connection = fixture.managedFactory().createManagedConnection(null, null);
    DockerConnection handle = (DockerConnection) connection.getConnection(null, null);
    handle.ping();

    connection.cleanup();
    assertThrows(IllegalStateException.class, handle::ping);
    connection.destroy();

    DockerConnection late = (DockerConnection) connection.getConnection(null, null);
    assertThrows(IllegalStateException.class, late::ping);
  }

  @Test
  void matchingNeverFailsOnEmptySets() throws Exception {
    var factory = fixture.managedFactory();
    assertThat(factory.matchManagedConnections(null, null, null)).isNull();
    assertThat(factory.matchManagedConnections(Set.of(), null, null)).isNull();
    assertThat(
            factory.matchManagedConnections(new HashSet<>(Set.of("not a connection")), null, null))
        .isNull();
    ManagedConnection connection = factory.createManagedConnection(null, null);
    assertThat(factory.matchManagedConnections(new HashSet<>(Set.of(connection)), null, null))
        .isSameAs(connection);
    connection.destroy();
  }

  private void warmUp() throws Exception {
    for (int i = 0; i < 20; i++) {
      try (DockerConnection docker = fixture.factory().getConnection()) {
        docker.ping();
      }
    }
  }

  private static int openFileDescriptors() {
    return Objects.requireNonNull(new File("/proc/self/fd").list()).length;
  }

  private record Recorder(List<ConnectionEvent> events) implements ConnectionEventListener {
    @Override
    public void connectionClosed(ConnectionEvent event) {
      events.add(event);
    }

    @Override
    public void connectionErrorOccurred(ConnectionEvent event) {
      events.add(event);
    }

    @Override
    public void localTransactionStarted(ConnectionEvent event) {}

    @Override
    public void localTransactionCommitted(ConnectionEvent event) {}

    @Override
    public void localTransactionRolledback(ConnectionEvent event) {}
  }
}
