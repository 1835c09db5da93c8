package org.allgo.connector.api;

import java.util.Map;
import java.util.Optional;

/**
 * A handle on the Docker Engine, bound to one environment and its policy. Closing it returns the
 * underlying connection to the pool; a closed handle refuses every call with {@link
 * IllegalStateException}.
 *
 * <p>Containers are named by id or by name; only the environment's containers (named {@code
 * <environment>-…}) may be touched ({@link ContainerOperations}). Every refusal of the policy is a
 * {@link PolicyRefusedException}.
 */
public interface DockerConnection extends ContainerOperations, AutoCloseable {

  /**
   * What the engine says of itself; throws {@link EngineUnavailableException} when it does not
   * answer.
   */
  EngineInfo info();

  /** Checks that the engine answers; throws {@link EngineUnavailableException} otherwise. */
  void ping();

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
