package org.allgo.connector.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.allgo.connector.api.ContainerInfo;
import org.allgo.connector.api.ContainerLogs;
import org.allgo.connector.api.ContainerOperations;
import org.allgo.connector.api.ContainerSpec;
import org.allgo.connector.api.ContainerSummary;
import org.allgo.connector.api.ExitStatus;
import org.allgo.connector.api.LogEntry;
import org.allgo.connector.api.LogSink;

/** Every container on the engine itself: the container mode. */
final class LocalContainers implements ContainerOperations {

  private final Containers containers;

  LocalContainers(Containers containers) {
    this.containers = containers;
  }

  @Override
  public String run(ContainerSpec spec) {
    return containers.run(spec);
  }

  @Override
  public ContainerInfo inspect(String container) {
    return containers.inspect(container);
  }

  @Override
  public Optional<ContainerInfo> find(String container) {
    return containers.find(container);
  }

  @Override
  public List<ContainerSummary> list(Map<String, String> labels) {
    return containers.list(labels);
  }

  @Override
  public ExitStatus waitFor(String container, Duration timeout) {
    return containers.waitFor(container, timeout);
  }

  @Override
  public ContainerLogs logs(String container) {
    return containers.logs(container);
  }

  @Override
  public void readLogs(String container, Instant since, LogSink sink) {
    containers.readLogs(container, since, sink);
  }

  @Override
  public List<LogEntry> tail(String container, int count) {
    return containers.tail(container, count);
  }

  @Override
  public long diskUse(String container) {
    return containers.diskUse(container);
  }

  @Override
  public void rename(String container, String newName) {
    containers.rename(container, newName);
  }

  @Override
  public void kill(String container) {
    containers.kill(container);
  }

  @Override
  public void remove(String container) {
    containers.remove(container);
  }
}
