package org.allgo.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The same jobs through allgo: submitted to {@code POST /api/v2/jobs}, followed by polling every
 * 50 ms until DONE. Submit to container start is the server's own record (queued → started).
 */
final class ThroughAllgo {

  private static final Duration POLL = Duration.ofMillis(50);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String token;
  private final String webapp;

  ThroughAllgo(String baseUrl, String token, String webapp) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.webapp = webapp;
  }

  Series run(int jobs, int concurrency) throws Exception {
    return Load.run("allgo REST", jobs, concurrency, this::oneJob);
  }


  private void oneJob(Latencies latency, Latencies toStart) throws IOException, InterruptedException {
    Instant submitted = Instant.now();
    JsonObject job = submit();
    long id = job.getJsonNumber("id").longValue();
    while (!job.getString("state").equals("DONE")) {
      Thread.sleep(POLL.toMillis());
      job = get("/api/v2/jobs/" + id);
    }
    latency.record(Duration.between(submitted, Instant.now()));
    toStart.record(Duration.between(Instant.parse(job.getString("createdAt")), Instant.parse(job.getString("startedAt"))));
    if (!job.getString("result").equals("SUCCESS")) {
      throw new IllegalStateException("job " + id + " ended " + job);
    }
  }

  private JsonObject submit() throws IOException, InterruptedException {
    String boundary = "allgo-bench-" + UUID.randomUUID();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"webapp\"\r\n\r\n" + webapp + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"param\"\r\n\r\n\r\n"
        + "--" + boundary + "--\r\n";
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v2/jobs"))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    return json(http.send(request, HttpResponse.BodyHandlers.ofString()), 201);
  }

  JsonObject get(String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Authorization", "Bearer " + token)
        .build();
    return json(http.send(request, HttpResponse.BodyHandlers.ofString()), 200);
  }

  private static JsonObject json(HttpResponse<String> response, int expected) {
    if (response.statusCode() != expected) {
      throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return Json.createReader(new StringReader(response.body())).readObject();
  }
}
