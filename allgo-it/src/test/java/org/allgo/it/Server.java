package org.allgo.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The deployed allgo server the black-box tests talk to ({@code -Dallgo.base.url}). */
public final class Server {

  public static final String BASE_URL =
      System.getProperty("allgo.base.url", "http://localhost:28080");

  /** The environment name the server was deployed with ({@code -Dallgo.env}). */
  public static final String ENVIRONMENT = System.getProperty("allgo.env", "test");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Server() {}

  public static URI uri(String path) {
    return URI.create(BASE_URL + path);
  }

  public static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  public static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }
}
