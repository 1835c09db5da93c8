package org.allgo.connector.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to run: a named container from an image, with an argument vector (never a shell string) and
 * its confinement. Start from {@link #of} and refine with the {@code with…} methods; the defaults
 * are those of a job: no network, no capability, {@link Limits#DEFAULT}, {@link Storage#DEFAULT},
 * the image's user and working directory.
 *
 * @param workingDir absolute path inside the container, or empty for the image's own
 * @param user {@code uid} or {@code uid:gid}, or empty for the image's own
 * @param network {@link #NO_NETWORK}, {@code bridge} or the name of a user-defined network
 */
public record ContainerSpec(
    String name,
    ImageRef image,
    List<String> argv,
    String workingDir,
    List<Mount> mounts,
    Map<String, String> env,
    String user,
    Limits limits,
    String network,
    Map<String, String> labels,
    Privileges privileges,
    Storage storage) {

  /**
   * No network: a network namespace of the container's own with only its loopback, and nothing of
   * the engine's network stack, not even the {@code /etc/hosts} and {@code /etc/resolv.conf} it
   * writes for other containers (mount a hosts file where names such as {@code localhost} are
   * looked up).
   */
  public static final String NO_NETWORK = "none";

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}");
  private static final Pattern USER = Pattern.compile("(\\d+(:\\d+)?)?");
  private static final Pattern ENV_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public ContainerSpec {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Invalid container name: " + name);
    }
    Objects.requireNonNull(image, "image");
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("The argument vector of " + name + " is empty");
    }
    Objects.requireNonNull(workingDir, "workingDir");
    if (!workingDir.isEmpty() && !workingDir.startsWith("/")) {
      throw new IllegalArgumentException("The working directory must be absolute: " + workingDir);
    }
    mounts = List.copyOf(mounts);
    env = Map.copyOf(env);
    env.keySet().stream()
        .filter(key -> !ENV_KEY.matcher(key).matches())
        .findFirst()
        .ifPresent(
            key -> {
              throw new IllegalArgumentException("Invalid environment variable name: " + key);
            });
    Objects.requireNonNull(user, "user");
    if (!USER.matcher(user).matches()) {
      throw new IllegalArgumentException("The user must be uid or uid:gid, got " + user);
    }
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(network, "network");
    if (network.isBlank()) {
      throw new IllegalArgumentException("The network mode is blank");
    }
    labels = Map.copyOf(labels);
    Objects.requireNonNull(privileges, "privileges");
    Objects.requireNonNull(storage, "storage");
  }

  /** A job-like spec: no network, no capability, default limits. */
  public static ContainerSpec of(String name, ImageRef image, List<String> argv) {
    return new ContainerSpec(
        name,
        image,
        argv,
        "",
        List.of(),
        Map.of(),
        "",
        Limits.DEFAULT,
        NO_NETWORK,
        Map.of(),
        Privileges.NONE,
        Storage.DEFAULT);
  }

  public ContainerSpec withArgv(List<String> value) {
    return new ContainerSpec(
        name,
        image,
        value,
        workingDir,
        mounts,
        env,
        user,
        limits,
        network,
        labels,
        privileges,
        storage);
  }

  public ContainerSpec withWorkingDir(String value) {
    return new ContainerSpec(
        name, image, argv, value, mounts, env, user, limits, network, labels, privileges, storage);
  }

  /** This spec with one more bind mount. */
  public ContainerSpec withMount(Mount mount) {
    List<Mount> value = new ArrayList<>(mounts);
    value.add(mount);
    return new ContainerSpec(
        name,
        image,
        argv,
        workingDir,
        value,
        env,
        user,
        limits,
        network,
        labels,
        privileges,
        storage);
  }

  /** This spec with one more environment variable. */
  public ContainerSpec withEnv(String key, String val) {
    Map<String, String> value = new LinkedHashMap<>(env);
    value.put(key, val);
    return new ContainerSpec(
        name,
        image,
        argv,
        workingDir,
        mounts,
        value,
        user,
        limits,
        network,
        labels,
        privileges,
        storage);
  }

  public ContainerSpec withUser(String value) {
    return new ContainerSpec(
        name,
        image,
        argv,
        workingDir,
        mounts,
        env,
        value,
        limits,
        network,
        labels,
        privileges,
        storage);
  }

  public ContainerSpec withLimits(Limits value) {
    return new ContainerSpec(
        name,
        image,
        argv,
        workingDir,
        mounts,
        env,
        user,
        value,
        network,
        labels,
        privileges,
        storage);
  }

  public ContainerSpec withNetwork(String value) {
    return new ContainerSpec(
        name,
        image,
        argv,
        workingDir,
        mounts,
        env,
        user,
        limits,
        value,
        labels,
        privileges,
        storage);
  }

  /** This spec with one more label. */
  public ContainerSpec withLabel(String key, String val) {
    Map<String, String> value = new LinkedHashMap<>(labels);
    value.put(key, val);
    return new ContainerSpec(
        name,
        image,
        argv,
        workingDir,
        mounts,
        env,
        user,
        limits,
        network,
        value,
        privileges,
        storage);
  }

  public ContainerSpec withStorage(Storage value) {
    return new ContainerSpec(
        name,
        image,
        argv,
        workingDir,
        mounts,
        env,
        user,
        limits,
        network,
        labels,
        privileges,
        value);
  }

  public ContainerSpec withPrivileges(Privileges value) {
    return new ContainerSpec(
        name, image, argv, workingDir, mounts, env, user, limits, network, labels, value, storage);
  }
}
