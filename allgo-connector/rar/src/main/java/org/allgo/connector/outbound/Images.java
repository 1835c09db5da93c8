package org.allgo.connector.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.allgo.connector.adapter.EngineClient;
import org.allgo.connector.adapter.EnvironmentPolicy;
import org.allgo.connector.adapter.Failures;
import org.allgo.connector.api.DockerException;
import org.allgo.connector.api.ImageRef;
import org.allgo.connector.api.NotFoundException;

/** Image operations, limited to the environment's namespace and the allowed base images. */
final class Images {

  // The engine wants registry credentials even for a registry that needs none: "{}" in base64.
  private static final Map<String, String> NO_CREDENTIALS = Map.of("X-Registry-Auth", "e30=");

  private final EngineClient client;
  private final EnvironmentPolicy policy;
  private final Containers containers;

  Images(EngineClient client, EnvironmentPolicy policy, Containers containers) {
    this.client = client;
    this.policy = policy;
    this.containers = containers;
  }

  ImageRef commit(String container, ImageRef target, Map<String, String> labels) {
    policy.checkWritable(target);
    requireTag(target);
    String id = containers.ownedId(container);
    try {
      client
          .docker()
          .commitCmd(id)
          .withRepository(target.repository())
          .withTag(target.tag())
          .withLabels(labels)
          .exec();
      return target;
    } catch (RuntimeException e) {
      throw Failures.translate(e, "Cannot commit container " + container + " as " + target);
    }
  }

  void tag(ImageRef source, ImageRef target) {
    policy.checkRunnable(source);
    policy.checkWritable(target);
    requireTag(target);
    try {
      client.docker().tagImageCmd(source.toString(), target.repository(), target.tag()).exec();
    } catch (RuntimeException e) {
      throw Failures.translate(e, "Cannot tag " + source + " as " + target);
    }
  }

  /** Returns the digest of the manifest pushed. */
  String push(ImageRef image) {
    policy.checkWritable(image);
    requireTag(image);
    String path = "/images/" + image.repository() + "/push?tag=" + encode(image.tag());
    String what = "Cannot push " + image;
    return drain(path, what)
        .orElseThrow(() -> new DockerException(what + ": the engine reported no digest"));
  }

  void pull(ImageRef image) {
    policy.checkRunnable(image);
    // The Engine API's tag parameter takes a digest as well.
    String path =
        "/images/create?fromImage=" + encode(image.repository()) + "&tag=" + encode(image.tag());
    drain(path, "Cannot pull " + image);
  }

  void remove(ImageRef image) {
    policy.checkWritable(image);
    try {
      client.docker().removeImageCmd(image.toString()).exec();
    } catch (RuntimeException e) {
      throw Failures.translate(e, "Cannot remove image " + image);
    }
  }

  Optional<String> find(ImageRef image) {
    try {
      return Optional.of(client.docker().inspectImageCmd(image.toString()).exec().getId());
    } catch (RuntimeException e) {
      RuntimeException failure = Failures.translate(e, "Cannot inspect image " + image);
      if (failure instanceof NotFoundException) {
        return Optional.empty();
      }
      throw failure;
    }
  }

  /**
   * The image's own entry point, which the engine runs before a container's arguments; the image is
   * pulled first when the engine does not have it.
   */
  List<String> entrypoint(ImageRef image) {
    for (int attempt = 1; ; attempt++) {
      try {
        String[] entrypoint =
            client.docker().inspectImageCmd(image.toString()).exec().getConfig().getEntrypoint();
        return entrypoint == null ? List.of() : Arrays.asList(entrypoint);
      } catch (RuntimeException e) {
        RuntimeException failure = Failures.translate(e, "Cannot inspect image " + image);
        if (!(failure instanceof NotFoundException) || attempt == 2) {
          throw failure;
        }
        pull(image);
      }
    }
  }

  private Optional<String> drain(String path, String what) {
    var response = client.send("POST", path, NO_CREDENTIALS, null, what);
    try (response;
        InputStream body = response.getBody()) {
      return ProgressStream.drain(body, what);
    } catch (IOException e) {
      throw Failures.unavailable(what, e);
    }
  }

  private static void requireTag(ImageRef image) {
    if (image.byDigest()) {
      throw new IllegalArgumentException("An image is written under a tag, not a digest: " + image);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
