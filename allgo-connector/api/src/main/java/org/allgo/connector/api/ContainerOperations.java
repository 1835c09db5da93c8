package org.allgo.connector.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The container operations of a {@link DockerConnection}: run, watch, read the logs of, kill and
 * remove the environment's containers, named by id or by name, wherever the connector places them.
 */
public interface ContainerOperations {

  /** Creates and starts a container; returns its id. */
  String run(ContainerSpec spec);

  /** The container's state; throws {@link NotFoundException} when it does not exist. */
  ContainerInfo inspect(String container);

  /** The container's state, if it exists. */
  Optional<ContainerInfo> find(String container);

  /** The environment's containers, running or not, carrying all the given labels. */
  List<ContainerSummary> list(Map<String, String> labels);

  /**
   * Waits for the container to stop. When it still runs after {@code timeout} it is killed and the
   * status says {@link ExitStatus#timedOut()}.
   */
  ExitStatus waitFor(String container, Duration timeout);

  /**
   * Everything the container wrote so far, stdout and stderr kept apart, in memory: for short logs.
   * Read long ones with {@link #readLogs}.
   */
  ContainerLogs logs(String container);

  /**
   * Reads the container's log as the engine sends it, message by message into {@code sink}, from
   * the first message at or after {@code since} (from the start when null) to the end of what the
   * container wrote so far, or until the sink says stop. Holds one message at a time.
   */
  void readLogs(String container, Instant since, LogSink sink);

  /**
   * The last {@code count} messages of the container's log (all of them when {@code count} is
   * negative), in the order they were written; the engine reads them from the end of its log, so
   * that following a long log costs what it grew by.
   */
  List<LogEntry> tail(String container, int count);

  /**
   * What the container wrote in its own file system (its writable layer, not its mounts), in bytes.
   * The engine measures it when asked, walking that layer: not for every request.
   */
  long diskUse(String container);

  /**
   * Gives the container another name of the environment's, as a warm job container takes its job's
   * name. Only on the engine itself: a swarm's jobs cannot be renamed ({@link
   * PolicyRefusedException}).
   */
  void rename(String container, String newName);

  /** Kills the container (SIGKILL); does nothing when it already stopped. */
  void kill(String container);

  /** Removes the container, killing it first when it runs. */
  void remove(String container);
}
