package org.allgo.health.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The registry that holds the webapps' versions answers its API root. */
@Readiness
@ApplicationScoped
public class RegistryCheck implements HealthCheck {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  @Inject
  @ConfigProperty(name = "allgo.registry", defaultValue = "127.0.0.1:5000")
  String registry;

  // The registry's API as this server reaches it, when not at http://<registry> (in a container).
  @Inject
  @ConfigProperty(name = "allgo.registry.url")
  Optional<String> registryUrl;

  @Override
  public HealthCheckResponse call() {
    return Checks.check(
        "registry",
        up -> {
          String root = registryUrl.filter(u -> !u.isBlank()).orElse("http://" + registry);
          URI uri = URI.create(root.replaceFirst("/$", "") + "/v2/");
          HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
          int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
          if (status != 200) {
            throw new IOException(uri + " answered " + status);
          }
          up.withData("url", uri.toString());
        });
  }
}
