package org.allgo.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.allgo.admin.entity.RepositoryView;
import org.allgo.platform.BusinessException;
import org.allgo.webapps.control.WebappSettings;

/**
 * The repositories and tags of the environment's namespace ({@code allgo/<env>/}), read from the
 * registry's HTTP API ({@code /v2/_catalog}, {@code /v2/<repository>/tags/list}).
 */
@ApplicationScoped
public class RegistryCatalog {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  // The registry gives at most 1000 names a page, and a Link header to the next page.
  private static final int PAGE = 1000;
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  @Inject WebappSettings settings;

  public String namespace() {
    return "allgo/" + settings.environment() + "/";
  }

  public List<RepositoryView> repositories() {
    List<String> names = new ArrayList<>();
    String page = "/v2/_catalog?n=" + PAGE;
    while (page != null) {
      HttpResponse<String> response = send(page);
      JsonArray repositories = json(response).getJsonArray("repositories");
      if (repositories != null) {
        repositories.getValuesAs(JsonString.class).forEach(name -> names.add(name.getString()));
      }
      page =
          response
              .headers()
              .firstValue("Link")
              .map(NEXT::matcher)
              .filter(Matcher::find)
              .map(m -> m.group(1))
              .orElse(null);
    }
    return names.stream()
        .filter(name -> name.startsWith(namespace()))
        .sorted()
        .map(name -> new RepositoryView(name, tags(name)))
        .toList();
  }

  private List<String> tags(String repository) {
    JsonObject body = get("/v2/" + repository + "/tags/list");
    JsonArray tags = body.isNull("tags") ? null : body.getJsonArray("tags");
    return tags == null
        ? List.of()
        : tags.getValuesAs(JsonString.class).stream().map(JsonString::getString).sorted().toList();
  }

  private JsonObject get(String path) {
    return json(send(path));
  }

  private JsonObject json(HttpResponse<String> response) {
    if (response.statusCode() == 404) {
      return JsonObject.EMPTY_JSON_OBJECT;
    }
    if (response.statusCode() != 200) {
      throw unavailable("it answered " + response.statusCode());
    }
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private HttpResponse<String> send(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(settings.registryApi() + path))
            .timeout(TIMEOUT)
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw unavailable(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted");
    }
  }

  private BusinessException unavailable(String why) {
    return BusinessException.conflict(
        "registry-unavailable",
        "The registry " + settings.registry() + " could not be read: " + why + ".");
  }
}
