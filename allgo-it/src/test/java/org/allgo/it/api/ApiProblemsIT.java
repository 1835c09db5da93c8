package org.allgo.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.allgo.it.Api;
import org.allgo.it.jobs.Jobs;
import org.allgo.it.jobs.Multipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every refusal of /api/v2 is an RFC 9457 problem (application/problem+json) with its status; 429
 * is in ApiConventionsIT, which spends a caller's whole rate limit.
 */
class ApiProblemsIT {

  private Api devel;

  @BeforeEach
  void signIn() {
    devel = Api.asDevelopmentUser("devel@localhost");
  }

  private static JsonObject problem(Api.Response response, int status, String code) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonObject problem = response.json();
    assertThat(problem.getInt("status")).isEqualTo(status);
    assertThat(problem.getString("type")).isEqualTo("urn:allgo:problem:" + code);
    assertThat(problem.getString("code")).isEqualTo(code);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("detail")).isNotBlank().doesNotContain("Exception");
    return problem;
  }

  private long endedJob(String queue) {
    long id = Jobs.run(devel, "sleep", "0", queue);
    Jobs.awaitEnd(devel, id, Duration.ofSeconds(30));
    return id;
  }

  @Test
  void badRequest400() {
    problem(devel.get("/api/v2/jobs?state=sleeping"), 400, "invalid-state");
    problem(devel.post("/api/v2/jobs", "{\"webapp\":"), 400, "json-invalid");
  }

  @Test
  void unauthorized401SaysHowToAuthenticate() {
    Api.Response anonymous = Api.anonymous().get("/api/v2/jobs");

    problem(anonymous, 401, "token-missing");
    assertThat(anonymous.header("WWW-Authenticate"))
        .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
    assertThat(Api.as("not-a-token").get("/api/v2/jobs").status()).isEqualTo(401);
  }

  @Test
  void forbidden403() {
    problem(
        Api.asDevelopmentUser("guest@localhost")
            .patch("/api/v2/webapps/sleep", "{\"name\":\"Not yours\"}"),
        403,
        "not-your-webapp");
  }

  @Test
  void anotherUsersJobIs404LikeAMissingOne() {
    long id = endedJob(null);

    problem(
        Api.asDevelopmentUser("guest@localhost").get("/api/v2/jobs/" + id), 404, "job-not-found");
  }

  @Test
  void notFound404() {
    problem(devel.get("/api/v2/jobs/999999999"), 404, "job-not-found");
    problem(devel.get("/api/v2/uploads/0123456789abcdef0123456789abcdef"), 404, "upload-not-found");
  }

  @Test
  void conflict409() {
    problem(devel.post("/api/v2/jobs/" + endedJob(null) + "/abort", null), 409, "job-not-active");
  }

  @Test
  void gone410() {
    long id = endedJob(Jobs.queue(60, 2, 0));
    Jobs.purge();

    problem(devel.get("/api/v2/jobs/" + id + "/files"), 410, "job-archived");
    problem(devel.get("/api/v2/jobs/" + id + "/log"), 410, "job-archived");
  }

  @Test
  void contentTooLarge413() {
    long max = devel.get("/api/v2/jobs/limits").json().getJsonNumber("maxFileBytes").longValue();
    Multipart big = new Multipart().stream("file", "big.bin", () -> Multipart.zeros(max + 1));

    problem(devel.post("/api/v2/uploads", big.contentType(), big.body()), 413, "file-too-large");
  }

  @Test
  void unsupportedMediaType415() {
    problem(
        devel.post(
            "/api/v2/jobs", "text/plain", HttpRequest.BodyPublishers.ofString("webapp=sleep")),
        415,
        "http-415");
  }

  @Test
  void unprocessable422() {
    String key = UUID.randomUUID().toString();
    Multipart first =
        new Multipart().field("webapp", "sleep").field("param", "0").field("notify", "false");
    Multipart other =
        new Multipart().field("webapp", "sleep").field("param", "1").field("notify", "false");
    assertThat(
            devel
                .send("/api/v2/jobs", first.contentType(), first.body(), "Idempotency-Key", key)
                .status())
        .isEqualTo(201);

    problem(
        devel.send("/api/v2/jobs", other.contentType(), other.body(), "Idempotency-Key", key),
        422,
        "idempotency-key-reused");
  }

  @Test
  void problemsOfOtherResourcesToo() {
    problem(devel.get("/api/v2/webapps/no-such-webapp"), 404, "webapp-not-found");
    problem(devel.get("/api/v2/queues/no-such-queue"), 404, "queue-not-found");
    Multipart none = new Multipart().field("name", "value");
    problem(devel.post("/api/v2/uploads", none.contentType(), none.body()), 400, "one-file");
    // Downloads are shared with the original API and answer as it did.
    var download = devel.fetch("/datastore/999999999/allgo.log");
    assertThat(download.statusCode()).isEqualTo(404);
    assertThat(new String(download.body(), StandardCharsets.UTF_8)).startsWith("{\"error\":");
  }
}
