package org.allgo.connector.adapter;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.allgo.connector.api.ContainerSpec;
import org.allgo.connector.api.ImageRef;
import org.allgo.connector.api.Mount;
import org.allgo.connector.api.PolicyRefusedException;
import org.allgo.connector.api.Privileges;

/**
 * What an environment may do on a shared engine, as the original Docker proxy enforced it. Pure:
 * every check either returns or throws {@link PolicyRefusedException} with a message fit for a
 * user.
 */
public final class EnvironmentPolicy {

  /** The label that says which environment a container belongs to; the adapter sets it. */
  public static final String ENVIRONMENT_LABEL = "allgo.env";

  private final AdapterConfig config;

  public EnvironmentPolicy(AdapterConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public void checkRun(ContainerSpec spec) {
    checkContainerName(spec.name());
    checkRunnable(spec.image());
    spec.mounts().forEach(this::checkMount);
    checkNetwork(spec.network());
    checkPrivileges(spec.privileges());
    checkLabels(spec.labels());
  }

  public void checkContainerName(String name) {
    if (!name.startsWith(config.containerPrefix())
        || name.length() == config.containerPrefix().length()) {
      throw refused(
          "container name '%s' must start with '%s' in environment %s",
          name, config.containerPrefix(), config.environment());
    }
  }

  /** Images that may be run or pulled: the environment's own and the allowed base images. */
  public void checkRunnable(ImageRef image) {
    if (!inNamespace(image) && !config.allowedBaseImages().contains(image)) {
      throw refused(
          "image %s is neither under %s nor an allowed base image %s",
          image, config.namespace(), config.allowedBaseImages());
    }
  }

  /** Images that may be created, pushed or removed: only the environment's own. */
  public void checkWritable(ImageRef image) {
    if (!inNamespace(image)) {
      throw refused(
          "image %s is outside this environment's namespace %s", image, config.namespace());
    }
  }

  public void checkMount(Mount mount) {
    Path host = Path.of(mount.hostPath()).normalize();
    boolean allowed = config.allowedVolumeRoots().stream().anyMatch(host::startsWith);
    if (!allowed || !host.toString().equals(stripTrailingSlash(mount.hostPath()))) {
      throw refused(
          "bind mount of %s is outside the allowed volume roots %s",
          mount.hostPath(), config.allowedVolumeRoots());
    }
  }

  public void checkNetwork(String network) {
    if (network.equals("host") || network.startsWith("container:")) {
      throw refused(
          "network mode '%s' is not allowed: it would share another network namespace", network);
    }
  }

  public void checkPrivileges(Privileges privileges) {
    if (privileges.privileged()) {
      throw refused("privileged containers are not allowed");
    }
    if (!privileges.pidMode().isEmpty()) {
      throw refused(
          "PID namespace '%s' is not allowed: containers keep their own", privileges.pidMode());
    }
    if (!privileges.ipcMode().isEmpty() && !privileges.ipcMode().equals("private")) {
      throw refused(
          "IPC namespace '%s' is not allowed: containers keep their own", privileges.ipcMode());
    }
    if (!privileges.dropAllCapabilities()) {
      throw refused(
          "the engine's default capabilities are not allowed: drop them all, then add only %s",
          Privileges.INSTALL_CAPABILITIES);
    }
    List<String> refusedCapabilities =
        privileges.addedCapabilities().stream()
            .filter(c -> !Privileges.INSTALL_CAPABILITIES.contains(c))
            .toList();
    if (!refusedCapabilities.isEmpty()) {
      throw refused(
          "added capabilities %s are not allowed (only %s)",
          refusedCapabilities, Privileges.INSTALL_CAPABILITIES);
    }
    if (!privileges.devices().isEmpty()) {
      throw refused("device mappings %s are not allowed", privileges.devices());
    }
  }

  private void checkLabels(Map<String, String> labels) {
    String declared = labels.get(ENVIRONMENT_LABEL);
    if (declared != null && !declared.equals(config.environment())) {
      throw refused(
          "label %s=%s contradicts environment %s",
          ENVIRONMENT_LABEL, declared, config.environment());
    }
  }

  private boolean inNamespace(ImageRef image) {
    String repository = image.repository();
    return repository.startsWith(config.namespace())
        && repository.length() > config.namespace().length();
  }

  private static String stripTrailingSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static PolicyRefusedException refused(String format, Object... args) {
    return new PolicyRefusedException("Refused by policy: " + String.format(format, args));
  }
}
