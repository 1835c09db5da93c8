package org.allgo.connector.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A handle on the Docker Engine, bound to one environment and its policy. Closing it returns the
 * underlying connection to the pool; a closed handle refuses every call with {@link
 * IllegalStateException}.
 *
 * <p>Containers are named by id or by name; only the environment's containers (named {@code
 * <environment>-…}) may be touched. Every refusal of the policy is a {@link
 * PolicyRefusedException}.
 */
public interface DockerConnection extends AutoCloseable {

  /**
   * What the engine says of itself; throws {@link EngineUnavailableException} when it does not
   * answer.
   */
  EngineInfo info();

  /** Checks that the engine answers; throws {@link EngineUnavailableException} otherwise. */
  void ping();

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

  /** Kills the container (SIGKILL); does nothing when it already stopped. */
  void kill(String container);

  /** Removes the container, killing it first when it runs. */
  void remove(String container);

  /** Starts a process in a running container; the caller closes the session. */
  ExecSession exec(String container, ExecSpec spec);

  /** Saves the container's file system as {@code target}, with the given image labels. */
  ImageRef commit(String container, ImageRef target, Map<String, String> labels);

  /** Gives an existing image a second name inside the environment's namespace. */
  void tag(ImageRef source, ImageRef target);

  /**
   * Pushes an image of the environment's namespace, named by tag, to the registry; returns the
   * digest of the manifest the engine pushed, to check what the registry then holds.
   */
  String push(ImageRef image);

  /** Pulls an image of the environment's namespace (by tag or digest) or an allowed base image. */
  void pull(ImageRef image);

  /** Removes a local image name of the environment's namespace. */
  void removeImage(ImageRef image);

  /** The id of the local image, if present. */
  Optional<String> findImage(ImageRef image);

  @Override
  void close();
}
