package org.allgo.connector.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.allgo.connector.api.NotFoundException;
import org.allgo.connector.api.PolicyRefusedException;
import org.allgo.connector.swarm.SwarmConfig;

/**
 * The swarm placement: containers whose labels the settings select run as swarm jobs, the others
 * (sandboxes) on the manager's engine, as in the container mode. A container named later, by id or
 * name, is looked for among the swarm's jobs first. Lists show both, without the containers that
 * the swarm's tasks make on the manager itself.
 */
final class Placement implements ContainerOperations {

  private final LocalContainers local;
  private final SwarmJobs swarm;
  private final SwarmConfig config;

  Placement(LocalContainers local, SwarmJobs swarm, SwarmConfig config) {
    this.local = local;
    this.swarm = swarm;
    this.config = config;
  }

  @Override
  public String run(ContainerSpec spec) {
    return config.places(spec.labels()) ? swarm.run(spec) : local.run(spec);
  }

  @Override
  public ContainerInfo inspect(String container) {
    Optional<SwarmJobs.Service> service = swarm.lookup(container);
    return service.isPresent() ? swarm.info(service.get()) : local.inspect(container);
  }

  @Override
  public Optional<ContainerInfo> find(String container) {
    Optional<SwarmJobs.Service> service = swarm.lookup(container);
    if (service.isEmpty()) {
      return local.find(container);
    }
    try {
      return Optional.of(swarm.info(service.get()));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<ContainerSummary> list(Map<String, String> labels) {
    List<ContainerSummary> all = new ArrayList<>(swarm.list(labels));
    local.list(labels).stream()
        .filter(c -> !c.labels().containsKey(SwarmJobs.SERVICE_LABEL))
        .forEach(all::add);
    return all;
  }

  @Override
  public ExitStatus waitFor(String container, Duration timeout) {
    Optional<SwarmJobs.Service> service = swarm.lookup(container);
    return service.isPresent()
        ? swarm.waitFor(service.get(), timeout)
        : local.waitFor(container, timeout);
  }

  @Override
  public ContainerLogs logs(String container) {
    Optional<SwarmJobs.Service> service = swarm.lookup(container);
    return service.isPresent() ? swarm.logs(service.get()) : local.logs(container);
  }

  @Override
  public void readLogs(String container, Instant since, LogSink sink) {
    Optional<SwarmJobs.Service> service = swarm.lookup(container);
    if (service.isPresent()) {
      swarm.readLogs(service.get(), since, sink);
    } else {
      local.readLogs(container, since, sink);
    }
  }

  @Override
  public long diskUse(String container) {
    Optional<SwarmJobs.Service> service = swarm.lookup(container);
    return service.isPresent() ? swarm.diskUse(service.get()) : local.diskUse(container);
  }

  @Override
  public List<LogEntry> tail(String container, int count) {
    Optional<SwarmJobs.Service> service = swarm.lookup(container);
    return service.isPresent() ? swarm.tail(service.get(), count) : local.tail(container, count);
  }

  @Override
  public void rename(String container, String newName) {
    if (swarm.lookup(container).isPresent()) {
      throw new PolicyRefusedException("Refused by policy: a swarm job cannot be renamed");
    }
    local.rename(container, newName);
  }

  @Override
  public void kill(String container) {
    Optional<SwarmJobs.Service> service = swarm.lookup(container);
    if (service.isPresent()) {
      swarm.kill(service.get());
    } else {
      local.kill(container);
    }
  }

  @Override
  public void remove(String container) {
    Optional<SwarmJobs.Service> service = swarm.lookup(container);
    if (service.isPresent()) {
      swarm.remove(service.get());
    } else {
      local.remove(container);
    }
  }
}
