package org.allgo.connector.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * The settings of a container create request that a service cannot carry: a setting the swarm
 * cannot apply, or applies otherwise than the engine, is refused with an {@link
 * IllegalStateException}, never dropped. Settings left at their defaults are not settings.
 */
final class UnsupportedSettings {

  private static final Set<String> CREATE =
      Set.of(
          "User",
          "Env",
          "Cmd",
          "Entrypoint",
          "Image",
          "WorkingDir",
          "Labels",
          "HostConfig",
          "NetworkDisabled");
  private static final Set<String> HOST =
      Set.of(
          "Binds",
          "NanoCpus",
          "CapAdd",
          "CapDrop",
          "LogConfig",
          "Memory",
          "MemorySwap",
          "NetworkMode",
          "Init",
          "Privileged",
          "ReadonlyRootfs",
          "SecurityOpt",
          "PidsLimit",
          "Tmpfs");

  private UnsupportedSettings() {}

  /** Refuses the request if it sets what the swarm cannot apply. */
  static void refuse(JsonNode create) {
    refuseUnknown(create, CREATE, "");
    JsonNode host = create.path("HostConfig");
    refuseUnknown(host, HOST, "HostConfig.");
    requireEqual(host, "Privileged", false, "privileged containers");
    requireMemorySwapIsMemory(host);
    requireSecurityOptions(host);
    requireNoNetworkWhenDisabled(create, host);
  }

  // A task attached to no network is the swarm's container without network (ServiceSpecs).
  private static void requireNoNetworkWhenDisabled(JsonNode create, JsonNode host) {
    if (create.path("NetworkDisabled").asBoolean(false)
        && !host.path("NetworkMode").asText("none").equals("none")) {
      throw new IllegalStateException(
          "The swarm cannot disable the network of a task attached to "
              + host.path("NetworkMode").asText());
    }
  }

  private static void requireMemorySwapIsMemory(JsonNode host) {
    if (SpecJson.isSet(host.path("MemorySwap"))
        && host.path("MemorySwap").asLong() != host.path("Memory").asLong()) {
      throw new IllegalStateException(
          "The swarm cannot limit swap apart from memory: HostConfig.MemorySwap must be Memory");
    }
  }

  private static void requireSecurityOptions(JsonNode host) {
    List<String> options = SpecJson.strings(host.path("SecurityOpt"));
    if (!List.of("no-new-privileges").containsAll(options)) {
      throw new IllegalStateException(
          "The swarm cannot apply the security options " + options + " (only no-new-privileges)");
    }
  }

  private static void requireEqual(JsonNode node, String field, boolean value, String what) {
    if (node.path(field).asBoolean(false) != value) {
      throw new IllegalStateException("The swarm cannot run " + what);
    }
  }

  private static void refuseUnknown(JsonNode node, Set<String> known, String prefix) {
    node.fields()
        .forEachRemaining(
            field -> {
              String key = field.getKey();
              if (!known.contains(key) && SpecJson.isSet(field.getValue())) {
                throw new IllegalStateException(
                    "The swarm placement does not know how to apply "
                        + prefix
                        + key
                        + "="
                        + field.getValue());
              }
            });
  }
}
