package org.allgo.webapps.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.allgo.connector.api.ImageRef;

/**
 * The registry's HTTP API (distribution v2), to check that a pushed version is really there, to
 * measure it and to delete it. Images go in and out through the Docker engine, never here.
 */
@ApplicationScoped
public class RegistryClient {

  private static final String MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  @Inject WebappSettings settings;

  /** The version's manifest as the registry holds it, if it does. */
  public Optional<Manifest> manifest(ImageRef image) {
    HttpResponse<String> response = send(request(image, image.tag()).GET().build());
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "The registry answered " + response.statusCode() + " for " + image);
    }
    JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
    long size =
        body.getJsonObject("config").getJsonNumber("size").longValue()
            + body.getJsonArray("layers").stream()
                .map(JsonValue::asJsonObject)
                .mapToLong(layer -> layer.getJsonNumber("size").longValue())
                .sum();
    String digest =
        response
            .headers()
            .firstValue("Docker-Content-Digest")
            .orElseThrow(
                () -> new IllegalStateException("The registry gave no digest for " + image));
    return Optional.of(new Manifest(digest, size));
  }

  /** Deletes the version from the registry; true when it was there. */
  public boolean delete(ImageRef image) {
    Optional<Manifest> manifest = manifest(image);
    if (manifest.isEmpty()) {
      return false;
    }
    int status = send(request(image, manifest.get().digest()).DELETE().build()).statusCode();
    if (status != 202 && status != 404) {
      throw new IllegalStateException("The registry refused to delete " + image + ": " + status);
    }
    return status == 202;
  }

  private HttpRequest.Builder request(ImageRef image, String reference) {
    String repository = image.repository().substring(settings.registry().length() + 1);
    return HttpRequest.newBuilder(
            URI.create(settings.registryApi() + "/v2/" + repository + "/manifests/" + reference))
        .timeout(TIMEOUT)
        .header("Accept", MANIFEST);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(
          "The registry " + settings.registry() + " does not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while asking the registry", e);
    }
  }

  /** A manifest's digest and the bytes of its config and layers. */
  public record Manifest(String digest, long size) {}
}
