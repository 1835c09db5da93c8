package org.allgo.connector.adapter;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.allgo.connector.api.ImageRef;

/**
 * The adapter's configuration, checked once: where the engine is, which environment this adapter
 * serves, and what that environment may use.
 */
public record AdapterConfig(
    URI dockerHost,
    String environment,
    String registry,
    List<ImageRef> allowedBaseImages,
    List<Path> allowedVolumeRoots) {

  private static final Pattern ENVIRONMENT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
  private static final Pattern REGISTRY = Pattern.compile("[a-z0-9.-]+(:\\d+)?");

  public AdapterConfig {
    Objects.requireNonNull(dockerHost, "dockerHost");
    if (!List.of("unix", "tcp").contains(dockerHost.getScheme())) {
      throw new IllegalArgumentException(
          "dockerHost must be unix:///path or tcp://host:port, got " + dockerHost);
    }
    if (environment == null || !ENVIRONMENT.matcher(environment).matches()) {
      throw new IllegalArgumentException(
          "environment must be lower-case letters, digits, '-' or '_', got " + environment);
    }
    if (registry == null || !REGISTRY.matcher(registry).matches()) {
      throw new IllegalArgumentException("registry must be host[:port], got " + registry);
    }
    allowedBaseImages = List.copyOf(allowedBaseImages);
    allowedVolumeRoots = allowedVolumeRoots.stream().map(Path::normalize).toList();
    allowedVolumeRoots.stream()
        .filter(root -> !root.isAbsolute())
        .findFirst()
        .ifPresent(
            root -> {
              throw new IllegalArgumentException(
                  "allowedVolumeRoots must be absolute paths, got " + root);
            });
  }

  /** Reads the adapter's string properties; lists are comma-separated. */
  public static AdapterConfig parse(
      String dockerHost,
      String environment,
      String registry,
      String allowedBaseImages,
      String allowedVolumeRoots) {
    return new AdapterConfig(
        URI.create(Objects.requireNonNull(dockerHost, "dockerHost").trim()),
        environment == null ? null : environment.trim(),
        registry == null ? null : registry.trim(),
        split(allowedBaseImages).stream().map(ImageRef::parse).toList(),
        split(allowedVolumeRoots).stream().map(Path::of).toList());
  }

  /**
   * The repository prefix of this environment's images: {@code <registry>/allgo/<environment>/}.
   */
  public String namespace() {
    return registry + "/allgo/" + environment + "/";
  }

  /** What every container name of this environment starts with. */
  public String containerPrefix() {
    return environment + "-";
  }

  private static List<String> split(String list) {
    if (list == null) {
      return List.of();
    }
    return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
