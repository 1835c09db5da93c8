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
import java.util.stream.Stream;

/**
 * The same jobs through allgo: submitted to {@code POST /api/v2/jobs} (without the job-finished
 * mail, which a client that waits has no use for), then followed through its Server-Sent Events
 * until the ended state, the stream's last event. Submit to container start is the server's own
 * record (created → started).
 */
final class ThroughAllgo {

  // HTTP/1.1, as the front (nginx) speaks to the server in production: a first request asking for
  // the cleartext HTTP/2 upgrade met Grizzly's known h2c bug at times (a 500, "Blocking read
  // timeout", after 30 s reading a POST's body).
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String baseUrl;
  private final String token;
  private final String webapp;
  private final String name;

  ThroughAllgo(String baseUrl, String token, String webapp) {
    this(baseUrl, token, webapp, "allgo REST");
  }

  /** Jobs through the server at {@code baseUrl}, their series named {@code name}. */
  ThroughAllgo(String baseUrl, String token, String webapp, String name) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.webapp = webapp;
    this.name = name;
  }

  Series run(int jobs, int concurrency) throws Exception {
    return Load.run(name, jobs, concurrency, this::oneJob);
  }

  /** Jobs at a pace: each client waits {@code think} after each job ({@link Load}). */
  Series paced(int jobs, int concurrency, Duration think) throws Exception {
    return Load.run(name + ", paced", jobs, concurrency, think, this::oneJob);
  }

  private void oneJob(Latencies latency, Latencies toStart)
      throws IOException, InterruptedException {
    Instant submitted = Instant.now();
    long id = submit().getJsonNumber("id").longValue();
    JsonObject job = ended(id);
    latency.record(Duration.between(submitted, Instant.now()));
    toStart.record(
        Duration.between(
            Instant.parse(job.getString("createdAt")), Instant.parse(job.getString("startedAt"))));
    if (!job.getString("state").equals("DONE") || !job.getString("result").equals("SUCCESS")) {
      throw new IllegalStateException("job " + id + " ended " + job);
    }
  }

  /** The job's last {@code state} event: the stream closes after it. */
  private JsonObject ended(long id) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/api/v2/jobs/" + id + "/events"))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "text/event-stream")
            .build();
    HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("events of job " + id + " answered " + response.statusCode());
    }
    String event = null;
    JsonObject state = null;
    try (Stream<String> lines = response.body()) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.startsWith("event:")) {
          event = line.substring("event:".length()).trim();
        } else if (line.startsWith("data:") && "state".equals(event)) {
          state =
              Json.createReader(new StringReader(line.substring("data:".length()).trim()))
                  .readObject();
        } else if (line.isEmpty()) {
          event = null;
        }
      }
    }
    if (state == null) {
      throw new IllegalStateException("the events of job " + id + " ended without its state");
    }
    return state;
  }

  private JsonObject submit() throws IOException, InterruptedException {
    String boundary = "allgo-bench-" + UUID.randomUUID();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"webapp\"\r\n\r\n"
            + webapp
            + "\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"param\"\r\n\r\n\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"notify\"\r\n\r\nfalse\r\n"
            + "--"
            + boundary
            + "--\r\n";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/api/v2/jobs"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    return json(http.send(request, HttpResponse.BodyHandlers.ofString()), 201);
  }

  private static JsonObject json(HttpResponse<String> response, int expected) {
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          response.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return Json.createReader(new StringReader(response.body())).readObject();
  }
}
