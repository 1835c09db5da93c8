package org.allgo.health.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.allgo.webapps.control.WebappSettings;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The registry that holds the webapps' versions answers its API root. */
@Readiness
@ApplicationScoped
public class RegistryCheck implements HealthCheck {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  @Inject WebappSettings settings;

  @Override
  public HealthCheckResponse call() {
    return Checks.check(
        "registry",
        up -> {
          URI uri = URI.create(settings.registryApi() + "/v2/");
          HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
          int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
          if (status != 200) {
            throw new IOException(uri + " answered " + status);
          }
          up.withData("url", uri.toString());
        });
  }
}
