package org.allgo.connector.swarm;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the swarm placement needs to know: which containers it places ({@code selector}: the labels
 * they carry, e.g. {@code allgo.role=job}; the others run on the engine itself), the swarm network
 * that a container allowed the network joins, the placement constraints every job gets (e.g. {@code
 * node.labels.allgo.jobs==true}, a node that an operator declared fit), and a folder holding a
 * static busybox at the same path on every node, through which a job's end is witnessed (its memory
 * kills and running time, which the swarm does not report); without it, the swarm's own reports.
 */
public record SwarmConfig(
    Map<String, String> selector,
    String network,
    List<String> constraints,
    Optional<Path> helperDir) {

  private static final Pattern LABEL_PART = Pattern.compile("[A-Za-z0-9._/-]+");
  private static final Pattern NETWORK = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}");
  private static final Pattern CONSTRAINT = Pattern.compile("[A-Za-z0-9._/-]+\\s*(==|!=)\\s*\\S+");

  public SwarmConfig {
    selector = Map.copyOf(selector);
    if (selector.isEmpty()) {
      throw new IllegalArgumentException(
          "swarmLabels must name the labels of what the swarm runs, e.g. allgo.role=job");
    }
    Objects.requireNonNull(network, "network");
    if (!NETWORK.matcher(network).matches() || List.of("host", "none").contains(network)) {
      throw new IllegalArgumentException("swarmNetwork must name a swarm network, got " + network);
    }
    constraints = List.copyOf(constraints);
    constraints.stream()
        .filter(c -> !CONSTRAINT.matcher(c).matches())
        .findFirst()
        .ifPresent(
            c -> {
              throw new IllegalArgumentException(
                  "swarmConstraints must be like node.labels.allgo.jobs==true, got " + c);
            });
    Objects.requireNonNull(helperDir, "helperDir");
    helperDir = helperDir.map(Path::normalize);
    helperDir
        .filter(dir -> !dir.isAbsolute())
        .ifPresent(
            dir -> {
              throw new IllegalArgumentException("swarmHelperDir must be absolute, got " + dir);
            });
  }

  /**
   * The settings in the adapter's engine mode: none for {@code docker} (all on the engine), parsed
   * for {@code swarm}; any other mode is refused.
   */
  public static Optional<SwarmConfig> forEngine(
      String engine, String selector, String network, String constraints, String helperDir) {
    return switch (engine == null ? "" : engine.trim()) {
      case "docker" -> Optional.empty();
      case "swarm" -> Optional.of(parse(selector, network, constraints, helperDir));
      default ->
          throw new IllegalArgumentException("engine must be docker or swarm, got " + engine);
    };
  }

  /** Reads the adapter's string properties: {@code k=v} pairs and constraints comma-separated. */
  public static SwarmConfig parse(
      String selector, String network, String constraints, String helperDir) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String pair : split(selector)) {
      String[] kv = pair.split("=", 2);
      if (kv.length != 2
          || !LABEL_PART.matcher(kv[0]).matches()
          || !LABEL_PART.matcher(kv[1]).matches()) {
        throw new IllegalArgumentException(
            "swarmLabels must be key=value pairs separated by commas, got '" + pair + "'");
      }
      labels.put(kv[0], kv[1]);
    }
    String dir = helperDir == null ? "" : helperDir.trim();
    return new SwarmConfig(
        labels,
        network == null ? "" : network.trim(),
        split(constraints),
        dir.isEmpty() ? Optional.empty() : Optional.of(Path.of(dir)));
  }

  /** True when a container with these labels is placed on the swarm. */
  public boolean places(Map<String, String> labels) {
    return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }

  private static List<String> split(String list) {
    if (list == null) {
      return List.of();
    }
    return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
