package org.allgo.connector.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.allgo.connector.api.ContainerInfo;
import org.allgo.connector.api.ContainerLogs;
import org.allgo.connector.api.ContainerSpec;
import org.allgo.connector.api.ContainerSummary;
import org.allgo.connector.api.DockerConnection;
import org.allgo.connector.api.EngineInfo;
import org.allgo.connector.api.EngineUnavailableException;
import org.allgo.connector.api.ExecSession;
import org.allgo.connector.api.ExecSpec;
import org.allgo.connector.api.ExitStatus;
import org.allgo.connector.api.ImageRef;
import org.allgo.connector.api.LogEntry;
import org.allgo.connector.api.LogSink;

/**
 * The application's handle: forwards to its managed connection until closed, then refuses. A handle
 * whose engine stopped answering reports it so that the pool discards the connection.
 */
final class ConnectionHandle implements DockerConnection {

  private volatile DockerManagedConnection owner;
  private volatile boolean closed;

  ConnectionHandle(DockerManagedConnection owner) {
    this.owner = owner;
  }

  void reassign(DockerManagedConnection newOwner) {
    this.owner = newOwner;
  }

  /** Called by the managed connection's cleanup: the handle is no longer usable. */
  void invalidate() {
    closed = true;
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      owner.handleClosed(this);
    }
  }

  @Override
  public EngineInfo info() {
    return call(EngineOperations::info);
  }

  @Override
  public void ping() {
    call(
        ops -> {
          ops.ping();
          return null;
        });
  }

  @Override
  public String run(ContainerSpec spec) {
    return call(ops -> ops.containers.run(spec));
  }

  @Override
  public ContainerInfo inspect(String container) {
    return call(ops -> ops.containers.inspect(container));
  }

  @Override
  public Optional<ContainerInfo> find(String container) {
    return call(ops -> ops.containers.find(container));
  }

  @Override
  public List<ContainerSummary> list(Map<String, String> labels) {
    return call(ops -> ops.containers.list(labels));
  }

  @Override
  public ExitStatus waitFor(String container, Duration timeout) {
    return call(ops -> ops.containers.waitFor(container, timeout));
  }

  @Override
  public ContainerLogs logs(String container) {
    return call(ops -> ops.containers.logs(container));
  }

  @Override
  public void readLogs(String container, Instant since, LogSink sink) {
    call(
        ops -> {
          ops.containers.readLogs(container, since, sink);
          return null;
        });
  }

  @Override
  public List<LogEntry> tail(String container, int count) {
    return call(ops -> ops.containers.tail(container, count));
  }

  @Override
  public long diskUse(String container) {
    return call(ops -> ops.containers.diskUse(container));
  }

  @Override
  public void rename(String container, String newName) {
    call(
        ops -> {
          ops.containers.rename(container, newName);
          return null;
        });
  }

  @Override
  public void kill(String container) {
    call(
        ops -> {
          ops.containers.kill(container);
          return null;
        });
  }

  @Override
  public void remove(String container) {
    call(
        ops -> {
          ops.containers.remove(container);
          return null;
        });
  }

  @Override
  public ExecSession exec(String container, ExecSpec spec) {
    return call(ops -> ops.execs.start(container, spec));
  }

  @Override
  public ImageRef commit(String container, ImageRef target, Map<String, String> labels) {
    return call(ops -> ops.images.commit(container, target, labels));
  }

  @Override
  public void tag(ImageRef source, ImageRef target) {
    call(
        ops -> {
          ops.images.tag(source, target);
          return null;
        });
  }

  @Override
  public String push(ImageRef image) {
    return call(ops -> ops.images.push(image));
  }

  @Override
  public void pull(ImageRef image) {
    call(
        ops -> {
          ops.images.pull(image);
          return null;
        });
  }

  @Override
  public void removeImage(ImageRef image) {
    call(
        ops -> {
          ops.images.remove(image);
          return null;
        });
  }

  @Override
  public Optional<String> findImage(ImageRef image) {
    return call(ops -> ops.images.find(image));
  }

  private <T> T call(Function<EngineOperations, T> operation) {
    if (closed) {
      throw new IllegalStateException("This Docker connection is closed");
    }
    DockerManagedConnection current = owner;
    try {
      return operation.apply(current.operations());
    } catch (EngineUnavailableException e) {
      current.failed(this, e);
      throw e;
    }
  }
}
