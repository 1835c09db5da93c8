package org.allgo.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON API client for the black-box tests, optionally carrying an API token. It talks to the
 * server under test unless it is made for another server's base URL.
 */
public final class Api {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;
  private final String token;

  private Api(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  public static Api anonymous() {
    return anonymous(Server.BASE_URL);
  }

  /** An anonymous client of the server at {@code baseUrl}, such as one a test deployed itself. */
  public static Api anonymous(String baseUrl) {
    return new Api(baseUrl, null);
  }

  public static Api as(String token) {
    return new Api(Server.BASE_URL, token);
  }

  /**
   * A token for one of the development users (password {@code allgo}); earlier tokens stop working.
   */
  public static Api asDevelopmentUser(String email) {
    return asDevelopmentUser(Server.BASE_URL, email);
  }

  /** The same on the server at {@code baseUrl}. */
  public static Api asDevelopmentUser(String baseUrl, String email) {
    Response response =
        anonymous(baseUrl)
            .post(
                "/api/v2/tokens",
                Json.createObjectBuilder()
                    .add("email", email)
                    .add("password", "allgo")
                    .build()
                    .toString());
    if (response.status() != 201) {
      throw new IllegalStateException("No token for " + email + ": " + response.body());
    }
    return new Api(baseUrl, response.json().getString("token"));
  }

  /** The same caller on the server at {@code baseUrl} (another server of the same database). */
  public Api on(String baseUrl) {
    return new Api(baseUrl, token);
  }

  /** The API token this client sends; null when anonymous. */
  public String token() {
    return token;
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response post(String path, String json) {
    return send(request(path).POST(body(json)));
  }

  public Response patch(String path, String json) {
    return send(request(path).method("PATCH", body(json)));
  }

  public Response put(String path, String json) {
    return send(request(path).PUT(body(json)));
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  /** A call of any method, asking for the answer as {@code accept}, with a JSON body or none. */
  public Response call(String method, String path, String accept, String json) {
    return send(request(path).setHeader("Accept", accept).method(method, body(json)));
  }

  /** Posts a body of another type than JSON, such as a multipart form. */
  public Response post(String path, String contentType, HttpRequest.BodyPublisher body) {
    return send(request(path).setHeader("Content-Type", contentType).POST(body));
  }

  /** Posts a body of another type than JSON, with extra headers as name, value, name, value… */
  public Response send(
      String path, String contentType, HttpRequest.BodyPublisher body, String... headers) {
    HttpRequest.Builder request = request(path).setHeader("Content-Type", contentType);
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.POST(body));
  }

  /** Fetches raw bytes, with extra headers as name, value, name, value... */
  public HttpResponse<byte[]> fetch(String path, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60)).GET();
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    if (headers.length > 0) {
      builder.headers(headers);
    }
    try {
      return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest.BodyPublisher body(String json) {
    return json == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private static Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A status, headers and a body, read as JSON on demand. */
  public record Response(int status, String body, Map<String, List<String>> headers) {

    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }

    public JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    public JsonArray array() {
      return Json.createReader(new StringReader(body)).readArray();
    }
  }
}
