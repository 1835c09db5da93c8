package org.allgo.connector.outbound;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.allgo.connector.adapter.AdapterConfig;
import org.allgo.connector.adapter.EngineClient;
import org.allgo.connector.adapter.EnvironmentPolicy;
import org.allgo.connector.adapter.Failures;
import org.allgo.connector.api.ConflictException;
import org.allgo.connector.api.ContainerInfo;
import org.allgo.connector.api.ContainerLogs;
import org.allgo.connector.api.ContainerSpec;
import org.allgo.connector.api.ContainerSummary;
import org.allgo.connector.api.DockerTimeoutException;
import org.allgo.connector.api.ExitStatus;
import org.allgo.connector.api.LogEntry;
import org.allgo.connector.api.LogSink;
import org.allgo.connector.api.NotFoundException;
import org.allgo.connector.api.PolicyRefusedException;

/** Container operations, limited to the environment's containers. */
final class Containers {

  private static final System.Logger LOG = System.getLogger(Containers.class.getName());
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final EngineClient client;
  private final AdapterConfig config;
  private final EnvironmentPolicy policy;
  private final KnownContainers known;
  private final LogFrames logs;

  Containers(
      EngineClient client, AdapterConfig config, EnvironmentPolicy policy, KnownContainers known) {
    this.client = client;
    this.config = config;
    this.policy = policy;
    this.known = known;
    this.logs = new LogFrames(client);
  }

  String run(ContainerSpec spec) {
    policy.checkRun(spec);
    String id;
    try {
      id = ContainerCommands.create(client.docker(), spec, config.environment()).exec().getId();
      known.add(id);
    } catch (RuntimeException e) {
      throw Failures.translate(
          e, "Cannot create container " + spec.name() + " from " + spec.image());
    }
    try {
      client.docker().startContainerCmd(id).exec();
    } catch (RuntimeException e) {
      removeQuietly(id);
      throw Failures.translate(e, "Cannot start container " + spec.name());
    }
    LOG.log(Level.DEBUG, "Started container {0} ({1}) from {2}", spec.name(), id, spec.image());
    return id;
  }

  ContainerInfo inspect(String container) {
    return Inspections.info(owned(container));
  }

  Optional<ContainerInfo> find(String container) {
    try {
      return Optional.of(inspect(container));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  List<ContainerSummary> list(Map<String, String> labels) {
    Map<String, String> filter = new LinkedHashMap<>(labels);
    filter.put(EnvironmentPolicy.ENVIRONMENT_LABEL, config.environment());
    try {
      return client
          .docker()
          .listContainersCmd()
          .withShowAll(true)
          .withLabelFilter(filter)
          .exec()
          .stream()
          .map(Inspections::summary)
          .filter(c -> c.name().startsWith(config.containerPrefix()))
          .toList();
    } catch (RuntimeException e) {
      throw Failures.translate(e, "Cannot list containers");
    }
  }

  ExitStatus waitFor(String container, Duration timeout) {
    String id = ownedId(container);
    if (Polling.until(timeout, () -> stopped(id))) {
      return Inspections.exitStatus(inspectById(id));
    }
    LOG.log(Level.DEBUG, "Container {0} outlived {1}: killing it", container, timeout);
    kill(id);
    if (!Polling.until(STOP_GRACE, () -> stopped(id))) {
      throw new DockerTimeoutException("Container " + container + " does not stop, even killed");
    }
    return Inspections.exitStatus(inspectById(id)).withTimedOut();
  }

  ContainerLogs logs(String container) {
    return new ContainerLogs(logs.all(ownedId(container), container));
  }

  List<LogEntry> tail(String container, int count) {
    return logs.tail(ownedId(container), container, count);
  }

  void readLogs(String container, Instant since, LogSink sink) {
    logs.read(ownedId(container), container, since, sink);
  }

  long diskUse(String container) {
    String id = ownedId(container);
    try {
      Long bytes = client.docker().inspectContainerCmd(id).withSize(true).exec().getSizeRw();
      return bytes == null ? 0 : bytes;
    } catch (RuntimeException e) {
      throw Failures.translate(e, "Cannot measure container " + container);
    }
  }

  void kill(String container) {
    InspectContainerResponse response = owned(container);
    if (!Boolean.TRUE.equals(response.getState().getRunning())) {
      return;
    }
    try {
      client.docker().killContainerCmd(response.getId()).exec();
    } catch (RuntimeException e) {
      RuntimeException failure = Failures.translate(e, "Cannot kill container " + container);
      // It may have stopped between the inspection and the kill: that is what was asked.
      if (failure instanceof ConflictException && stopped(response.getId())) {
        return;
      }
      throw failure;
    }
  }

  void rename(String container, String newName) {
    policy.checkContainerName(newName);
    String id = ownedId(container);
    try {
      client.docker().renameContainerCmd(id).withName(newName).exec();
    } catch (RuntimeException e) {
      throw Failures.translate(e, "Cannot rename container " + container + " to " + newName);
    }
  }

  void remove(String container) {
    String id = ownedId(container);
    try {
      client.docker().removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
      known.forget(id);
    } catch (RuntimeException e) {
      throw Failures.translate(e, "Cannot remove container " + container);
    }
  }

  /**
   * The container, once it is known to belong to this environment: by its name and by the label the
   * adapter puts on every container it makes (a container of the same name made by anyone else is
   * not the environment's).
   */
  InspectContainerResponse owned(String container) {
    InspectContainerResponse response = inspectById(container);
    String name = Inspections.name(response.getName());
    Map<String, String> labels =
        response.getConfig() == null || response.getConfig().getLabels() == null
            ? Map.of()
            : response.getConfig().getLabels();
    if (!name.startsWith(config.containerPrefix())
        || !config.environment().equals(labels.get(EnvironmentPolicy.ENVIRONMENT_LABEL))) {
      throw new PolicyRefusedException(
          "Refused by policy: container "
              + container
              + " does not belong to environment "
              + config.environment());
    }
    known.add(response.getId());
    return response;
  }

  /**
   * The container's id, once it is known to belong to this environment: inspected only when not
   * known yet.
   */
  String ownedId(String container) {
    return known.contains(container) ? container : owned(container).getId();
  }

  private InspectContainerResponse inspectById(String container) {
    try {
      return client.docker().inspectContainerCmd(container).exec();
    } catch (RuntimeException e) {
      throw Failures.translate(e, "Cannot inspect container " + container);
    }
  }

  private boolean stopped(String id) {
    return !Boolean.TRUE.equals(inspectById(id).getState().getRunning());
  }

  private void removeQuietly(String id) {
    try {
      client.docker().removeContainerCmd(id).withForce(true).exec();
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Cannot remove container {0} that failed to start: {1}", id, e.toString());
    }
  }
}
