package org.allgo.connector.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A job's service, made from the very request the container mode sends to create its container: one
 * confinement, described once (in the outbound side's container commands), applied by both modes.
 * Every setting of that request is carried over (user, working directory, environment, mounts,
 * read-only root, temporary file systems, capabilities, memory, CPU and process limits — memory and
 * CPU as both reservations and limits —, log options, init) or stands for a requirement of the job
 * nodes (no swap beyond the memory limit, no new privileges, no default bridge: see
 * docker/README.md); a setting the swarm cannot apply is refused, never dropped.
 *
 * <p>The service runs once, is stopped with SIGKILL, and lands on the nodes that the constraints
 * allow. It is a {@code replicated-job} (one completion) where the swarm removes a job's tasks with
 * its service (Engine API 1.43, Docker 24, and later: moby/swarmkit#3112); on older engines, whose
 * job services leave their tasks, and their containers running, behind when removed, it is the
 * equivalent one-shot service: one replica, never restarted.
 */
public final class ServiceSpecs {

  private static final Pattern TMPFS_SIZE = Pattern.compile("(?:^|,)size=(\\d+)(?:,|$)");
  private static final Pattern TMPFS_MODE = Pattern.compile("(?:^|,)mode=([0-7]+)(?:,|$)");

  private ServiceSpecs() {}

  /** Whether an engine of this API version runs jobs as {@code replicated-job} services. */
  public static boolean jobsSupported(String apiVersion) {
    String[] parts = apiVersion.split("\\.");
    try {
      return parts.length == 2
          && (Integer.parseInt(parts[0]) > 1 || Integer.parseInt(parts[1]) >= 43);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * The service for a container create request (as docker-java writes it), named {@code name}, with
   * the request's labels; its containers are labelled only with the environment and the service, so
   * that the engine's own views (container lists and events) do not take them for containers of the
   * engine. With a helper folder, {@code entrypoint} is the image's, which the witness runs. {@code
   * job}: a {@code replicated-job}, else a one-shot replicated service.
   */
  public static ObjectNode service(
      JsonNode create,
      String name,
      String environment,
      SwarmConfig swarm,
      List<String> entrypoint,
      boolean job) {
    UnsupportedSettings.refuse(create);
    JsonNode host = create.path("HostConfig");

    ObjectNode container = SpecJson.JSON.createObjectNode();
    container.put("Image", create.path("Image").asText());
    List<String> argv = SpecJson.strings(create.path("Cmd"));
    if (!SpecJson.strings(create.path("Entrypoint")).isEmpty()) {
      throw new IllegalStateException("A job's request names an entry point: not supported");
    }
    if (swarm.helperDir().isPresent()) {
      container.set("Command", SpecJson.array(Witness.command(entrypoint, argv)));
    } else {
      container.set("Args", SpecJson.array(argv));
    }
    ObjectNode containerLabels = container.putObject("Labels");
    containerLabels.put("allgo.env", environment);
    containerLabels.put("allgo.service", name);
    SpecJson.copyText(create, "User", container, "User");
    SpecJson.copyText(create, "WorkingDir", container, "Dir");
    if (SpecJson.isSet(create.path("Env"))) {
      container.set("Env", create.path("Env"));
    }
    container.put("Init", host.path("Init").asBoolean(false));
    container.put("ReadOnly", host.path("ReadonlyRootfs").asBoolean(false));
    container.put("StopSignal", "SIGKILL");
    container.set("Mounts", mounts(host, swarm));
    if (SpecJson.isSet(host.path("CapDrop"))) {
      container.set("CapabilityDrop", host.path("CapDrop"));
    }
    if (SpecJson.isSet(host.path("CapAdd"))) {
      container.set("CapabilityAdd", host.path("CapAdd"));
    }

    ObjectNode task = SpecJson.JSON.createObjectNode();
    task.set("ContainerSpec", container);
    task.set("Resources", resources(host));
    task.putObject("RestartPolicy").put("Condition", "none").put("MaxAttempts", 0);
    ObjectNode placement = task.putObject("Placement");
    placement.set("Constraints", SpecJson.array(swarm.constraints()));
    ArrayNode networks = network(host.path("NetworkMode").asText("none"), swarm);
    if (!networks.isEmpty()) {
      task.set("Networks", networks);
    }
    JsonNode log = host.path("LogConfig");
    if (SpecJson.isSet(log)) {
      ObjectNode driver = task.putObject("LogDriver");
      driver.put("Name", log.path("Type").asText());
      if (SpecJson.isSet(log.path("Config"))) {
        driver.set("Options", log.path("Config"));
      }
    }
    task.put("ForceUpdate", 0);

    ObjectNode service = SpecJson.JSON.createObjectNode();
    service.put("Name", name);
    service.set(
        "Labels",
        create.path("Labels").isObject()
            ? create.path("Labels").deepCopy()
            : SpecJson.JSON.createObjectNode());
    service.set("TaskTemplate", task);
    if (job) {
      service
          .putObject("Mode")
          .putObject("ReplicatedJob")
          .put("MaxConcurrent", 1)
          .put("TotalCompletions", 1);
    } else {
      service.putObject("Mode").putObject("Replicated").put("Replicas", 1);
    }
    return service;
  }

  private static ArrayNode mounts(JsonNode host, SwarmConfig swarm) {
    ArrayNode mounts = SpecJson.JSON.createArrayNode();
    for (String bind : SpecJson.strings(host.path("Binds"))) {
      String[] parts = bind.split(":");
      if (parts.length < 2 || parts.length > 3) {
        throw new IllegalStateException("Unexpected bind mount " + bind);
      }
      ObjectNode mount = mounts.addObject();
      mount.put("Type", "bind");
      mount.put("Source", parts[0]);
      mount.put("Target", parts[1]);
      mount.put("ReadOnly", parts.length == 3 && parts[2].equals("ro"));
    }
    // A service's tmpfs takes a size and a mode only (before Engine API 1.46): the engine mounts it
    // nosuid, nodev and noexec, stricter than the container mode's (which allows exec there).
    Iterator<Map.Entry<String, JsonNode>> tmpfs = host.path("Tmpfs").fields();
    while (tmpfs.hasNext()) {
      Map.Entry<String, JsonNode> entry = tmpfs.next();
      ObjectNode mount = mounts.addObject();
      mount.put("Type", "tmpfs");
      mount.put("Target", entry.getKey());
      ObjectNode options = mount.putObject("TmpfsOptions");
      Matcher size = TMPFS_SIZE.matcher(entry.getValue().asText());
      if (size.find()) {
        options.put("SizeBytes", Long.parseLong(size.group(1)));
      }
      Matcher mode = TMPFS_MODE.matcher(entry.getValue().asText());
      if (mode.find()) {
        options.put("Mode", Integer.parseInt(mode.group(1), 8));
      }
    }
    swarm
        .helperDir()
        .ifPresent(
            dir -> {
              ObjectNode mount = mounts.addObject();
              mount.put("Type", "bind");
              mount.put("Source", dir.toString());
              mount.put("Target", Witness.MOUNT);
              mount.put("ReadOnly", true);
            });
    return mounts;
  }

  private static ObjectNode resources(JsonNode host) {
    ObjectNode resources = SpecJson.JSON.createObjectNode();
    ObjectNode limits = resources.putObject("Limits");
    ObjectNode reservations = resources.putObject("Reservations");
    if (SpecJson.isSet(host.path("Memory"))) {
      limits.put("MemoryBytes", host.path("Memory").asLong());
      reservations.put("MemoryBytes", host.path("Memory").asLong());
    }
    if (SpecJson.isSet(host.path("NanoCpus"))) {
      limits.put("NanoCPUs", host.path("NanoCpus").asLong());
      reservations.put("NanoCPUs", host.path("NanoCpus").asLong());
    }
    if (SpecJson.isSet(host.path("PidsLimit"))) {
      limits.put("Pids", host.path("PidsLimit").asLong());
    }
    return resources;
  }

  // A task without a network has none on a node without a default bridge (a node requirement):
  // the swarm has no "none" network for services. "bridge" is the swarm network of the settings.
  private static ArrayNode network(String mode, SwarmConfig swarm) {
    ArrayNode networks = SpecJson.JSON.createArrayNode();
    switch (mode) {
      case "none", "" -> {}
      case "bridge", "default" -> networks.addObject().put("Target", swarm.network());
      default -> networks.addObject().put("Target", mode);
    }
    return networks;
  }
}
