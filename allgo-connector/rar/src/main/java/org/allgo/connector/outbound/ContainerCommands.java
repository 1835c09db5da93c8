package org.allgo.connector.outbound;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Volume;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allgo.connector.adapter.EnvironmentPolicy;
import org.allgo.connector.api.ContainerSpec;
import org.allgo.connector.api.Mount;

/** A container spec as the engine's create command, with the confinement every container gets. */
final class ContainerCommands {

  private ContainerCommands() {}

  static CreateContainerCmd create(DockerClient docker, ContainerSpec spec, String environment) {
    Map<String, String> labels = new LinkedHashMap<>(spec.labels());
    labels.put(EnvironmentPolicy.ENVIRONMENT_LABEL, environment);
    CreateContainerCmd command =
        docker
            .createContainerCmd(spec.image().toString())
            .withName(spec.name())
            .withCmd(spec.argv())
            .withEnv(environment(spec.env()))
            .withLabels(labels)
            .withTty(false)
            .withAttachStdin(false)
            .withStdinOpen(false)
            .withHostConfig(hostConfig(spec));
    if (!spec.user().isEmpty()) {
      command.withUser(spec.user());
    }
    if (!spec.workingDir().isEmpty()) {
      command.withWorkingDir(spec.workingDir());
    }
    if (ContainerSpec.NO_NETWORK.equals(spec.network())) {
      // The container keeps a network namespace of its own, with only its loopback, but the
      // engine makes no sandbox for it: without this, every start runs the engine's network hook
      // (a new process of dockerd's own binary), about 40 % of a short container's engine CPU.
      command.withNetworkDisabled(true);
    }
    return command;
  }

  static HostConfig hostConfig(ContainerSpec spec) {
    HostConfig host =
        HostConfig.newHostConfig()
            .withMemory(spec.limits().memoryBytes())
            .withMemorySwap(spec.limits().memoryBytes())
            .withNanoCPUs(spec.limits().nanoCpus())
            .withPidsLimit(spec.limits().pidsLimit())
            .withNetworkMode(spec.network())
            .withSecurityOpts(List.of("no-new-privileges"))
            .withInit(true)
            .withPrivileged(false)
            .withBinds(spec.mounts().stream().map(ContainerCommands::bind).toList())
            .withReadonlyRootfs(spec.storage().readOnlyRoot())
            .withLogConfig(log(spec.storage().logBytes()));
    if (!spec.storage().tmpfs().isEmpty()) {
      host.withTmpFs(tmpfs(spec.storage().tmpfs()));
    }
    if (spec.privileges().dropAllCapabilities()) {
      host.withCapDrop(Capability.ALL);
    }
    if (!spec.privileges().addedCapabilities().isEmpty()) {
      host.withCapAdd(
          spec.privileges().addedCapabilities().stream()
              .map(Capability::valueOf)
              .toArray(Capability[]::new));
    }
    return host;
  }

  // The engine's own log, in two files of half the size each: when the second is full, the first
  // goes. Whatever the host's default driver, so that the adapter can read it back.
  static LogConfig log(long bytes) {
    return new LogConfig(
        LogConfig.LoggingType.JSON_FILE,
        Map.of("max-size", Long.toString((bytes + 1) / 2), "max-file", "2"));
  }

  // Writable by anyone (as /tmp is), without devices or set-user-id programs, of a fixed size.
  static Map<String, String> tmpfs(Map<String, Long> sizes) {
    Map<String, String> options = new LinkedHashMap<>();
    sizes.forEach(
        (path, size) -> options.put(path, "rw,nosuid,nodev,exec,size=" + size + ",mode=1777"));
    return options;
  }

  static List<String> environment(Map<String, String> env) {
    return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }

  private static Bind bind(Mount mount) {
    return new Bind(
        mount.hostPath(),
        new Volume(mount.containerPath()),
        mount.readOnly() ? AccessMode.ro : AccessMode.rw);
  }
}
