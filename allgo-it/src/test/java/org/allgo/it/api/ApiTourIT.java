package org.allgo.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.allgo.it.Api;
import org.allgo.it.jobs.Jobs;
import org.allgo.it.jobs.Multipart;
import org.junit.jupiter.api.Test;

/**
 * The documented API walked through as a client would: webapps, versions, queues, jobs, files,
 * account.
 */
class ApiTourIT {

  @Test
  void aClientFindsAWebappAndItsReadyVersions() {
    Api anonymous = Api.anonymous();

    assertThat(anonymous.get("/api/v2/webapps").array().getValuesAs(JsonObject.class))
        .extracting(w -> w.getString("dockerName"))
        .contains("sleep");
    JsonObject sleep = anonymous.get("/api/v2/webapps/sleep").json();
    assertThat(sleep.getString("name")).isNotBlank();
    assertThat(sleep.getString("defaultVersion")).isNotBlank();
    JsonObject version =
        anonymous
            .get("/api/v2/webapps/sleep/versions")
            .array()
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(v -> v.getString("number").equals(sleep.getString("defaultVersion")))
            .findFirst()
            .orElseThrow();
    assertThat(version.getString("state")).isEqualTo("READY");
    assertThat(
            anonymous
                .get("/api/v2/webapps/sleep/versions/" + version.getJsonNumber("id"))
                .json()
                .getString("number"))
        .isEqualTo(version.getString("number"));
  }

  @Test
  void queuesAreListedForEveryone() {
    Api anonymous = Api.anonymous();

    assertThat(anonymous.get("/api/v2/queues").array().getValuesAs(JsonObject.class))
        .extracting(q -> q.getString("name"))
        .contains("standard");
    JsonObject standard = anonymous.get("/api/v2/queues/standard").json();
    assertThat(standard.getInt("timeoutSeconds")).isPositive();
    assertThat(
            Api.asDevelopmentUser("devel@localhost")
                .get("/api/v2/jobs/limits")
                .json()
                .getInt("maxFiles"))
        .isPositive();
  }

  @Test
  void aJobsFilesAreListedAndDownloadedFromTheirLinks() {
    Api devel = Api.asDevelopmentUser("devel@localhost");
    Api.Response created =
        Jobs.submit(
            devel,
            new Multipart()
                .field("webapp", "sleep")
                .field("param", "0")
                .file("files", "notes.txt", "kept as sent\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().getJsonNumber("id").longValue();
    assertThat(
            devel
                .get(URI.create(created.header("Location").orElseThrow()).getPath())
                .json()
                .getJsonNumber("id")
                .longValue())
        .isEqualTo(id);
    Jobs.awaitEnd(devel, id, Duration.ofSeconds(30));

    var files = devel.get("/api/v2/jobs/" + id + "/files").array().getValuesAs(JsonObject.class);

    assertThat(files).extracting(f -> f.getString("name")).contains("allgo.log", "notes.txt");
    for (JsonObject file : files) {
      HttpResponse<byte[]> download = devel.fetch(URI.create(file.getString("url")).getRawPath());
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat((long) download.body().length).isEqualTo(file.getJsonNumber("size").longValue());
    }
    assertThat(Jobs.file(devel, id, "notes.txt")).isEqualTo("kept as sent\n");
  }

  @Test
  void theOpenApiDocumentDescribesJobsUploadsAndEvents() {
    String document = new String(Api.anonymous().fetch("/openapi").body(), StandardCharsets.UTF_8);

    assertThat(document)
        .contains(
            "  /api/v2/jobs/{id}/rerun:",
            "  /api/v2/jobs/{id}/log:",
            "  /api/v2/jobs/{id}/events:",
            "  /api/v2/uploads:",
            "  /api/v2/uploads/{id}:",
            "text/event-stream",
            "Idempotency-Key",
            "operationId: submitJob");
    assertThat(document).doesNotContain("{id: ");
    String submit = document.substring(document.indexOf("operationId: submitJob"));
    submit = submit.substring(0, submit.indexOf("\n  /"));
    assertThat(submit).contains("multipart/form-data", "application/json", "\"413\"", "\"422\"");
  }

  @Test
  void aRegeneratedTokenReplacesTheOldOne() {
    Api old = Api.asDevelopmentUser("guest@localhost");

    Api.Response regenerated = old.post("/api/v2/account/token", null);

    assertThat(regenerated.status()).as(regenerated.body()).isIn(200, 201);
    Api fresh = Api.as(regenerated.json().getString("token"));
    assertThat(fresh.get("/api/v2/account").json().getString("email")).isEqualTo("guest@localhost");
    assertThat(old.get("/api/v2/account").status()).isEqualTo(401);
  }
}
