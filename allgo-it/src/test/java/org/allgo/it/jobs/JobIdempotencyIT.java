package org.allgo.it.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.allgo.it.Api;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on job submission: a retried request gets the job the first made, once. */
class JobIdempotencyIT extends ToolJobTest {

  private static Api.Response post(Api api, Multipart form, String key) {
    form.field("notify", "false");
    return api.send("/api/v2/jobs", form.contentType(), form.body(), "Idempotency-Key", key);
  }

  private static Multipart form(String param, String content) {
    return new Multipart()
        .field("webapp", tool)
        .field("param", param)
        .file("files", "in.txt", content.getBytes(StandardCharsets.UTF_8));
  }

  private static long id(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().getJsonNumber("id").longValue();
  }

  private long jobsWithParam(String param) {
    return devel
        .get("/api/v2/jobs?webapp=" + tool + "&limit=50")
        .array()
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(j -> j.getString("param").equals(param))
        .count();
  }

  @Test
  void aRetriedSubmissionGetsTheSameJob() {
    String key = UUID.randomUUID().toString();
    String param = "args " + key;

    long first = id(post(devel, form(param, "same content\n"), key));
    Api.Response again = post(devel, form(param, "same content\n"), key);

    assertThat(id(again)).isEqualTo(first);
    assertThat(again.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/api/v2/jobs/" + first));
    assertThat(jobsWithParam(param)).isOne();
  }

  @Test
  void theKeyWithAnotherRequestIsRefused() {
    String key = UUID.randomUUID().toString();
    String param = "args " + key;
    id(post(devel, form(param, "first content\n"), key));

    Api.Response otherFile = post(devel, form(param, "other content\n"), key);
    Api.Response otherParam = post(devel, form(param + " more", "first content\n"), key);

    assertThat(otherFile.status()).isEqualTo(422);
    assertThat(otherFile.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(otherFile.json().getString("code")).isEqualTo("idempotency-key-reused");
    assertThat(otherFile.json().getInt("status")).isEqualTo(422);
    assertThat(otherParam.status()).isEqualTo(422);
    assertThat(jobsWithParam(param)).isOne();
    assertThat(jobsWithParam(param + " more")).isZero();
  }

  @Test
  void keysBelongToTheirCaller() {
    String key = UUID.randomUUID().toString();
    Api guest = Api.asDevelopmentUser("guest@localhost");

    long mine = id(post(devel, new Multipart().field("webapp", "sleep").field("param", "0"), key));
    long theirs =
        id(post(guest, new Multipart().field("webapp", "sleep").field("param", "0"), key));

    assertThat(theirs).isNotEqualTo(mine);
  }

  @Test
  void aJsonSubmissionIsIdempotentToo() {
    String key = UUID.randomUUID().toString();
    String param = "args " + key;
    String body =
        Json.createObjectBuilder()
            .add("webapp", tool)
            .add("param", param)
            .add("notify", false)
            .build()
            .toString();

    long first =
        id(
            devel.send(
                "/api/v2/jobs",
                "application/json",
                HttpRequest.BodyPublishers.ofString(body),
                "Idempotency-Key",
                key));
    long again =
        id(
            devel.send(
                "/api/v2/jobs",
                "application/json",
                HttpRequest.BodyPublishers.ofString(body),
                "Idempotency-Key",
                "\"" + key + "\""));
    Api.Response other =
        devel.send(
            "/api/v2/jobs",
            "application/json",
            HttpRequest.BodyPublishers.ofString(body.replace(param, param + " more")),
            "Idempotency-Key",
            key);

    assertThat(again).isEqualTo(first);
    assertThat(other.status()).isEqualTo(422);
    assertThat(jobsWithParam(param)).isOne();
  }

  @Test
  void aRefusedFirstRequestLeavesTheKeyFree() {
    String key = UUID.randomUUID().toString();
    String param = "args " + key;

    Api.Response refused =
        post(
            devel,
            new Multipart()
                .field("webapp", tool)
                .field("param", param)
                .field("queue", "no-such-queue"),
            key);
    long accepted =
        id(post(devel, new Multipart().field("webapp", tool).field("param", param), key));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(jobsWithParam(param)).isOne();
    assertThat(accepted).isPositive();
  }

  @Test
  void malformedKeysAreRefused() {
    Api.Response refused = post(devel, form("args x", "x"), "clé");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().getString("code")).isEqualTo("idempotency-key-invalid");
  }
}
